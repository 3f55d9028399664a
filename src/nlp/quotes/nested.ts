/**
 * Reported reporting: in "Ruiz said Ode “still insisted that ...”" the quoted words are Ode's, with the cue
 * inside the quotation.
 */

import { tokenize } from "../actors/tokens.js";
import { AUX, CUE_FORMS, isAdverb } from "./lexicon.js";
import { npStartingAt, type Span } from "./noun-phrase.js";
import type { Item } from "./units.js";

export interface NestedCue {
  speaker: Span;
  cueStart: number;
  cueEnd: number;
}

/**
 * When items[from..qi-1] is just a name or pronoun (after an optional "that") and the quotation at `qi` opens with
 * a speech verb, the quotation is that person's.
 */
export function nestedQuoteCue(text: string, items: Item[], from: number, qi: number): NestedCue | undefined {
  let j = from;
  if (items[j]?.lower === "that") j++;
  const q = items[qi];
  if (!q?.seg || j >= qi) return undefined;
  const np = npStartingAt(items, j, qi - 1);
  if (!np || np.to !== qi - 1) return undefined;
  const words = items.slice(np.from, np.to + 1);
  if (!words.some((t) => t.cap) && !/^(he|she|they)$/.test(words[0]?.lower ?? "")) return undefined;
  const inner = tokenize(text, q.seg.innerStart, Math.min(q.seg.innerEnd, q.seg.innerStart + 80));
  for (const t of inner.slice(0, 4)) {
    if (t.kind !== "word") return undefined;
    const v = CUE_FORMS.get(t.text.toLowerCase());
    if (v && (v.form === "past" || v.form === "s")) return { speaker: np, cueStart: t.start, cueEnd: t.end };
    if (!(isAdverb(t.lower) || AUX.has(t.lower))) return undefined;
  }
  return undefined;
}
