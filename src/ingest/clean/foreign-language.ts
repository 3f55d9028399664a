/**
 * Blocks in a language other than the article's: a subscription notice of a Spanish site inside its English
 * edition, a French cookie banner, etc. A single foreign quote inside the story is kept.
 */
import { blockLanguage, isForeign } from "./state.js";
import { startsWithQuote } from "./text.js";
import type { Item, State } from "./types.js";

const MIN_WORDS = 4;

function foreign(it: Item, st: State): boolean {
  return it.words >= MIN_WORDS && isForeign(it, st);
}

/** Removes runs of foreign blocks, and single foreign blocks outside the story or not quoted. */
export function foreignLanguage(st: State, bounds: { first: number; last: number }): void {
  if (st.language === "und") return;
  const { items } = st;
  // Removed blocks count too: a paywall notice whose lines were partly caught by other rules is still one run.
  const flags = items.map((it) => foreign(it, st));
  for (let i = 0; i < items.length; i++) {
    const it = items[i];
    if (!it || it.removed !== null || !flags[i]) continue;
    // Neighbours that are kept (skipping removed ones): is this block part of a foreign run?
    let prev = i - 1;
    while (prev >= 0 && items[prev]?.removed !== null && !flags[prev]) prev--;
    let next = i + 1;
    while (next < items.length && items[next]?.removed !== null && !flags[next]) next++;
    const inRun = flags[prev] === true || flags[next] === true;
    const outside = i < bounds.first || i > bounds.last;
    const quoted = it.kind === "quote" || startsWithQuote(it.text);
    const confident = blockLanguage(it).confidence >= 0.5;
    if (inRun || outside || (!quoted && confident)) it.removed = "foreign-language";
  }
}
