/**
 * "Related" / "Recommended" / "Latest" / "Most viewed" sections: the header line and the run of headline-shaped
 * items after it. Headers are recognised in several languages; items by shape (short, no sentence punctuation,
 * or list items), so any wording of the linked headlines is removed.
 */
import { isStoryParagraph } from "./state.js";
import { endsLikeSentence, isHeadlineShaped, LIST_MARKER, labelKey } from "./text.js";
import type { Item, State } from "./types.js";

/** Section headers of link lists, by language ("|"-separated). */
const HEADER_LIST = {
  en: "related|related articles|related stories|related content|related news|related coverage|related topics|related links|related posts|related reading|related videos|recommended|recommended for you|recommended videos|recommended stories|recommended articles|recommended reading|more information|more info|more stories|more news|more on this story|more on this topic|more like this|more to read|more to explore|read more|read next|up next|what to read next|you may also like|you might also like|you may be interested in|you might be interested in|you may have missed|also read|see also|don't miss|must read|must reads|trending|trending now|trending stories|popular|popular now|most popular|most read|most viewed|most shared|most commented|most watched|latest|latest news|latest stories|latest articles|latest videos|latest headlines|top stories|top news|top headlines|editor's picks|editors' picks|editors picks|featured|featured stories|in other news|around the web|from the web|from our partners|sponsored stories|promoted stories|tags|topics|filed under|archived in|categories|keywords|explore more|further reading|follow the topics|follow topics|recent posts|recent articles|recent stories|more from this author|popular videos",
  es: "relacionado|relacionados|relacionadas|artículos relacionados|noticias relacionadas|te puede interesar|te puede gustar|también te puede interesar|lo más visto|lo más leído|más leídas|más leídos|más vistas|más vistos|últimas noticias|lo último|noticias recientes|más información|más noticias|archivado en|temas|etiquetas|recomendados|recomendado para ti|te recomendamos|lee también|lea también|otras noticias|tendencias|destacados|ver también",
  fr: "à lire aussi|a lire aussi|lire aussi|sur le même sujet|les plus lus|les plus lues|articles les plus lus|les plus partagés|dernières nouvelles|dernières actualités|dernières infos|à la une|recommandé|recommandés|nos recommandations|vous aimerez aussi|voir aussi|sujets|mots-clés|mots clés|thèmes|en continu|plus d'infos|dans la même rubrique|articles similaires|tendances|à découvrir",
  de: "mehr zum thema|das könnte sie auch interessieren|auch interessant|meistgelesen|meistgelesene artikel|meist gelesen|am meisten gelesen|neueste artikel|neueste nachrichten|aktuelle nachrichten|weitere artikel|weitere nachrichten|verwandte artikel|empfohlen|empfehlungen|themen|schlagworte|schlagwörter|lesen sie auch|top-artikel|beliebte artikel|mehr aus dem ressort",
  pt: "leia também|leia mais|veja também|mais lidas|mais lidos|mais vistas|mais vistos|últimas notícias|notícias relacionadas|recomendadas|mais informações|mais notícias|em alta|você pode gostar|assuntos",
  it: "leggi anche|potrebbe interessarti|ti potrebbe interessare|i più letti|più letti|più lette|più visti|ultime notizie|ultim'ora|articoli correlati|correlati|consigliati|argomenti|in evidenza|potrebbe interessarti anche",
  nl: "lees ook|meest gelezen|laatste nieuws|gerelateerde artikelen|aanbevolen|meer over dit onderwerp",
};
const HEADERS = new Set(Object.values(HEADER_LIST).flatMap((h) => h.replace(/’/g, "'").split("|")));
/** "More from Politics", "Latest in World", "Most read in Business". */
const HEADER_PATTERN =
  /^(?:more|latest|most (?:read|viewed|popular)|top stories|related|other stories|más|lo más leído|plus|mehr|mais|altri|altro) (?:from|in|on|about|de|en|sur|dans|aus|zum|em|da|di|su|in) [\p{L}\d &'.-]{1,40}$/u;

function isListHeader(text: string): boolean {
  if (text.length > 60) return false;
  const key = labelKey(text).replace(/\s*\d+$/, "");
  return HEADERS.has(key) || HEADER_PATTERN.test(key);
}

/** An entry of a link list: a list item, a headline-shaped line, or a short question. */
function isLinkItem(item: Item): boolean {
  const t = item.text;
  const n = item.words;
  if ((item.kind === "list-item" || LIST_MARKER.test(t)) && n <= 40) return true;
  if (isHeadlineShaped(t, 30)) return true;
  return n <= 15 && /\?["”’»]?$/.test(t);
}

/** Removes each list header and the headline-shaped items that follow it. */
export function linkLists(st: State): void {
  const { items } = st;
  for (let i = 0; i < items.length; i++) {
    const h = items[i];
    if (!h || h.removed !== null || !isListHeader(h.text)) continue;
    h.removed = "link-list";
    for (let j = i + 1; j < items.length; j++) {
      const it = items[j];
      if (!it) break;
      if (it.removed !== null) continue;
      if (it.kind === "quote" || isStoryParagraph(it, st) || !isLinkItem(it)) break;
      // A lead-in that ends with a colon introduces the story's own list.
      if (endsLikeSentence(it.text) && !LIST_MARKER.test(it.text) && it.kind !== "list-item" && it.words > 15)
        break;
      it.removed = "link-list";
      i = j;
    }
  }
}
