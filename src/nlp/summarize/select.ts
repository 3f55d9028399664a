/**
 * Greedy MMR selection under a sentence count and a word budget. Near-duplicates are never picked; a sentence that
 * leans on its predecessor follows it or stays out. Ties break on document, then sentence order.
 */
import type { Candidate } from "./prepare.js";

export interface SelectOptions {
  count: number;
  maxWords: number;
  /** Weight of importance against novelty (1 = importance only). */
  lambda: number;
  /** Cosine similarity at or above which a sentence counts as a repeat of one already picked. */
  duplicate: number;
  /** Multiplier for a "soft" dependent sentence whose predecessor is not picked. */
  softPenalty: number;
  /**
   * No filler: when the best sentence left does not fit the word budget, a sentence that does fit is only added if it
   * scores at least this share of it.
   */
  floor: number;
}

type Tuning = Omit<SelectOptions, "count" | "maxWords">;
export const SINGLE_SELECT: Tuning = { lambda: 0.8, duplicate: 0.6, softPenalty: 0.75, floor: 0.45 };
export const MULTI_SELECT: Tuning = { lambda: 0.3, duplicate: 0.35, softPenalty: 0.7, floor: 0.45 };

/** Output order: documents in the order their first sentence was picked, sentences in document order within each. */
function orderPicks(cands: readonly Candidate[], picked: readonly number[]): number[] {
  const docRank = new Map<number, number>();
  for (const p of picked) {
    const d = (cands[p] as Candidate).docIndex;
    if (!docRank.has(d)) docRank.set(d, docRank.size);
  }
  return [...picked].sort((a, b) => {
    const ca = cands[a] as Candidate;
    const cb = cands[b] as Candidate;
    return (docRank.get(ca.docIndex) as number) - (docRank.get(cb.docIndex) as number) || ca.index - cb.index;
  });
}

export function selectSentences(
  cands: readonly Candidate[],
  scores: readonly number[],
  sim: Float64Array,
  opts: SelectOptions,
): number[] {
  const n = cands.length;
  const picked: number[] = [];
  const isPicked = new Uint8Array(n);
  const slot = new Map<string, number>(); // "doc:lastIndex" → candidate position, to find predecessors
  for (const [i, c] of cands.entries()) slot.set(`${c.docIndex}:${c.lastIndex}`, i);
  const maxScore = Math.max(1e-9, ...scores);
  let words = 0;
  let allowSoftFirst = false;

  /** True when no picked sentence of the same document comes before `c`: it would open its document's part. */
  const wouldOpen = (c: Candidate): boolean =>
    !picked.some((p) => {
      const q = cands[p] as Candidate;
      return q.docIndex === c.docIndex && q.index < c.index;
    });

  while (picked.length < opts.count) {
    let best = -1;
    let bestValue = Number.NEGATIVE_INFINITY;
    let bestTooLong = 0; // importance of the best admissible sentence that no longer fits the budget
    for (let i = 0; i < n; i++) {
      const c = cands[i] as Candidate;
      if (isPicked[i] || !c.shape.ok) continue;
      const prev = slot.get(`${c.docIndex}:${c.index - 1}`);
      const prevPicked = prev !== undefined && isPicked[prev] === 1;
      if (c.shape.dependence === "hard" && !prevPicked) continue;
      let value = (scores[i] as number) / maxScore;
      if (c.shape.dependence === "soft" && !prevPicked) {
        if (!allowSoftFirst && wouldOpen(c)) continue;
        value *= opts.softPenalty;
      }
      let redundancy = 0;
      for (const p of picked) redundancy = Math.max(redundancy, sim[i * n + p] as number);
      if (redundancy >= opts.duplicate) continue;
      if (words + c.shape.words > opts.maxWords) {
        bestTooLong = Math.max(bestTooLong, value);
        continue;
      }
      value = opts.lambda * value - (1 - opts.lambda) * redundancy;
      if (value > bestValue) {
        best = i;
        bestValue = value;
      }
    }
    if (best >= 0 && picked.length > 0 && (scores[best] as number) / maxScore < opts.floor * bestTooLong) {
      break; // what still fits is filler next to what does not
    }
    if (best < 0) {
      if (picked.length === 0 && !allowSoftFirst) {
        allowSoftFirst = true; // only leaning sentences are left: better one of them than nothing
        continue;
      }
      break;
    }
    picked.push(best);
    isPicked[best] = 1;
    words += (cands[best] as Candidate).shape.words;
  }
  return orderPicks(cands, picked);
}
