/**
 * Author boxes and bios: an "Author" header, the portrait's alt text, the name line, a job-title line,
 * "X is a writer covering …", social links. Found after a header, or as a run at the end of the article.
 */
import { isHeadlineShaped, isPersonName, JOB_NOUN, labelKey, wordRegex } from "./text.js";
import type { Item, State } from "./types.js";

const HEADER =
  /^(?:(?:the )?authors?|about the authors?|written by|meet the author|autor(?:a|es)?|sobre (?:el|la) autor(?:a)?|sobre o autor|l'auteur|auteur|à propos de l'auteur|über den autor|über die autorin|zum autor|zur autorin|l'autore|informazioni sull'autore|over de auteur)$/u;
const NAME_START =
  "(\\p{Lu}[\\p{L}'’.-]+(?:\\s+(?:\\p{Lu}[\\p{L}'’.-]+|de|da|del|van|von|der|la|le|di|du|bin|al)){1,4})";
/** "Jane Doe is a writer …", "Jane Doe es periodista …", "Jane Doe ist Redakteurin …" */
const BIO = new RegExp(
  `^(?:${NAME_START}|(?:he|she|they|él|ella|il|elle|er|sie|ele|ela|lui|lei))\\s+(?:is|was|has been|joined|covers|writes|es|fue|cubre|escribe|est|couvre|écrit|ist|war|schreibt|berichtet|é|foi|escreve|cobre|è|scrive|si occupa)\\b`,
  "u",
);
/** Things only bios say about their subject. */
const BIO_CUE = wordRegex(
  "covering|covers|writes (?:about|on|for)|based in|joined|focus(?:es|ed)? on|speciali[sz]\\w*|has written|previously|(?:his|her|their) work|graduate|student|degree|cubre|escribe sobre|especializad[oa]|couvre|spécialisé\\w*|schreibt über|berichtet über|cobre|escreve sobre|si occupa",
);
const SOCIAL =
  /^(?:follow|email|e-mail|twitter|x|linkedin|instagram|facebook|bluesky|threads|mastodon|@\w+|view (?:all )?(?:posts|articles|stories)(?: by .*)?|(?:more|all) (?:articles|stories|posts) (?:by|from) .*|read (?:more|all) (?:from|by) .*|ver (?:más|todos los) artículos.*|tous (?:les|ses) articles.*|alle artikel.*|see full bio|full bio|bio)$/iu;
const ROLE_LINE = (t: string) => isHeadlineShaped(t, 8) && JOB_NOUN.test(t);

function isBio(item: Item): { name?: string } | undefined {
  if (item.words > 120) return undefined;
  const m = BIO.exec(item.text);
  if (!m) return undefined;
  const head = item.text.split(/\s+/).slice(0, 18).join(" ");
  if (!JOB_NOUN.test(head) || !BIO_CUE.test(item.text)) return undefined;
  return m[1] ? { name: m[1] } : {};
}

/** A part of an author box; returns the author's name when the part names them. */
function boxPart(item: Item): { name?: string } | undefined {
  const t = item.text;
  if (item.removed === "image-alt") return { name: t.replace(/^\S+\s+\S+\s+/u, "") };
  if (HEADER.test(labelKey(t))) return {};
  if (isPersonName(t) && !JOB_NOUN.test(t)) return { name: t };
  if (ROLE_LINE(t)) return {};
  if (SOCIAL.test(labelKey(t)) || /^@\w+$/.test(t)) return {};
  return isBio(item);
}

function take(st: State, it: Item, name: string | undefined): void {
  it.removed = "author-box";
  if (name && !st.meta.author && isPersonName(name)) st.meta.author = name;
}

/** Removes author boxes: after a header anywhere, and a run of box parts ending the article. */
export function authorBoxes(st: State): void {
  const { items } = st;
  for (let i = 0; i < items.length; i++) {
    const h = items[i];
    if (!h || h.removed !== null || h.words > 5 || !HEADER.test(labelKey(h.text))) continue;
    h.removed = "author-box";
    for (let j = i + 1; j < items.length; j++) {
      const it = items[j];
      if (!it || (it.removed !== null && it.removed !== "image-alt")) continue;
      const part = boxPart(it);
      if (!part) break;
      take(st, it, part.name);
    }
  }
  // At the end: walk back while blocks are box parts; a bio must be among them.
  let bio = -1;
  let start = items.length;
  for (let j = items.length - 1; j >= 0; j--) {
    const it = items[j];
    if (!it || (it.removed !== null && it.removed !== "image-alt")) continue;
    if (isBio(it)) bio = j;
    else if (!boxPart(it) || it.words > 12) break;
    start = j;
  }
  if (bio < 0) return;
  for (let j = start; j < items.length; j++) {
    const it = items[j];
    if (!it || (it.removed !== null && it.removed !== "image-alt")) continue;
    take(st, it, boxPart(it)?.name);
  }
}
