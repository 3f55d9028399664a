/**
 * Position rules. The head zone is everything before the first story paragraph, the tail zone everything after
 * the last one; boilerplate gathers there. Subheads inside the story are never touched by these rules.
 */
import { looksLikeCaption } from "./captions.js";
import { isForeign, nextKept } from "./state.js";
import { isSectionLabel } from "./teasers.js";
import {
  addressesReader,
  endsLikeSentence,
  endsWithColon,
  isHeadlineShaped,
  LIST_MARKER,
  wordRegex,
} from "./text.js";
import type { Item, State } from "./types.js";

/** A kept block of running text: a sentence of at least five words in the article's language. */
function isSentenceBlock(it: Item, st: State): boolean {
  return it.removed === null && it.words >= 5 && endsLikeSentence(it.text) && !isForeign(it, st);
}

/** Short labels before the headline: section names, breadcrumbs, "Exclusive", menu entries. */
export function headLabels(st: State, firstStory: number): void {
  const end = firstStory < 0 ? st.items.length : firstStory;
  for (let i = 0; i < end; i++) {
    const it = st.items[i];
    if (!it || it.removed !== null || it.kind === "quote") continue;
    const next = nextKept(st, i);
    const nextItem = next >= 0 ? st.items[next] : undefined;
    if (!nextItem || next > end) continue;
    const label = (it.words <= 3 && isHeadlineShaped(it.text)) || isSectionLabel(it.text);
    // Only labels followed by another headline-shaped line: the last one before the story is the headline.
    if (label && isHeadlineShaped(nextItem.text)) it.removed = "nav";
  }
}

/** Headline-shaped blocks after the last sentence of the story: link lists without a header, tags, menus. */
export function tailLinks(st: State): void {
  const { items } = st;
  let lastSentence = -1;
  for (let i = items.length - 1; i >= 0; i--) {
    const it = items[i];
    if (it && isSentenceBlock(it, st)) {
      lastSentence = i;
      break;
    }
  }
  if (lastSentence < 0) return;
  // What a lead-in ending with a colon introduces belongs to the story: the line right after it, and a list.
  let afterColon = endsWithColon(items[lastSentence]?.text ?? "");
  let inList = false;
  for (let i = lastSentence + 1; i < items.length; i++) {
    const it = items[i];
    if (!it || it.removed !== null) continue;
    const isItem = it.kind === "list-item" || LIST_MARKER.test(it.text);
    const introduced: boolean = afterColon || (inList && isItem);
    inList = introduced && isItem;
    afterColon = endsWithColon(it.text);
    if (introduced || afterColon || it.kind === "quote") continue;
    if (isHeadlineShaped(it.text)) it.removed = "tail-links";
  }
}

/** Calls to action addressing the reader ("Click here…", "Please report any issues…", "Download our app"). */
const CALL_TO_ACTION = wordRegex(
  "click|tap|download|install|report|let us know|contact us|send us|sign up|log in|subscribe|register|here|aquí|aqui|ici|hier|qui|haz clic|pulsa|descarga|cliquez|téléchargez|klicken|clique|baixe|clicca|scarica|app",
);

/** Reader-addressed calls to action outside the story (head and tail zones). */
export function zoneNotices(st: State, bounds: { first: number; last: number }): void {
  if (bounds.first < 0) return;
  for (let i = 0; i < st.items.length; i++) {
    if (i >= bounds.first && i <= bounds.last) continue;
    const it = st.items[i];
    if (!it || it.removed !== null || it.words > 50 || it.kind === "quote" || /["“”«»]/u.test(it.text))
      continue;
    if (addressesReader(it.text) && CALL_TO_ACTION.test(it.text)) it.removed = "site-notice";
  }
}

/**
 * A photo caption at the top, before the story: a present-tense description of a photo, directly followed by
 * boilerplate (a player, a byline, a share bar) rather than by the story.
 */
export function topCaption(st: State): void {
  let i = nextKept(st, -1);
  let checked = 0;
  while (i >= 0 && checked < 2) {
    const it = st.items[i];
    if (!it) return;
    const after = st.items[i + 1];
    if (after && after.removed !== null && after.removed !== "empty" && looksLikeCaption(it.text, it.words)) {
      it.removed = "caption";
      return;
    }
    // Look past a headline to the block under it.
    if (!isHeadlineShaped(it.text)) return;
    i = nextKept(st, i);
    checked++;
  }
}
