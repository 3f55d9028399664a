/** Blocks the same site repeats in many of its articles are that site's boilerplate. */
import { isStoryParagraph } from "./state.js";
import type { State } from "./types.js";

/** Other articles of the site that must contain a block for it to count as boilerplate. */
const SITE_REPEAT_THRESHOLD = 3;
/** Story paragraphs at least this long are kept even when repeated (quoted agency copy, re-published text). */
const LONG_PARAGRAPH_WORDS = 40;

export function siteRepeats(st: State): void {
  const count = st.ctx.siteRepeats;
  if (!count) return;
  for (const it of st.items) {
    if (it.removed !== null) continue;
    if (it.words >= LONG_PARAGRAPH_WORDS && isStoryParagraph(it, st)) continue;
    if (count(it.original) >= SITE_REPEAT_THRESHOLD) it.removed = "site-repeat";
  }
}
