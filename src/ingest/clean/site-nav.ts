/** Page navigation inside the article area: previous/next links, tables of contents, tag and category lines. */
import { endsLikeSentence, labelKey } from "./text.js";
import type { BlockRule } from "./types.js";

const NAV_LABEL = new RegExp(
  "^(?:" +
    [
      "(?:previous|next|older|newer|prev) (?:article|post|story|page|entry)s?",
      "(?:back to top|skip to (?:main )?content|toggle(?: navigation| menu)?|menu|search|close menu|open menu)",
      "(?:table of )?contents|in this article|jump to",
      "art[ií]culo (?:anterior|siguiente)|siguiente art[ií]culo|noticia (?:anterior|siguiente)|[ií]ndice",
      "article (?:précédent|suivant)|sommaire",
      "(?:vorheriger|nächster) artikel|inhaltsverzeichnis|inhalt",
      "(?:artigo|matéria) (?:anterior|seguinte)|próximo artigo",
      "articolo (?:precedente|successivo)|indice",
      "(?:vorig|volgend) artikel",
    ].join("|") +
    ")$",
  "u",
);
/** "Tags: a, b", "Posted in Politics, Environment", "Filed under …", "Temas: …" */
const TAXONOMY =
  /^(?:(?:tags?|topics?|categor(?:y|ies)|keywords|temas?|etiquetas?|mots-clés|thèmes|sujets|schlagw(?:orte|örter)|themen|assuntos|argomenti|trefwoorden)\s*:|(?:posted in|filed (?:under|in)|tagged(?: with)?|archivado en|publicado en)(?![\p{L}])\s*:?)\s*\S/iu;

export const siteNav: BlockRule = (item) => {
  if (item.words > 25) return null;
  if (item.words <= 5 && NAV_LABEL.test(labelKey(item.text))) return "site-nav";
  if (TAXONOMY.test(item.text) && !endsLikeSentence(item.text.replace(/\.$/, ""))) return "site-nav";
  return null;
};
