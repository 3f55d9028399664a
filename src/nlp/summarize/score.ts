/** Importance of each candidate: centrality, lead position, title overlap, names and numbers, length. */
import type { Candidate } from "./prepare.js";
import { contentTerms } from "./tokenize.js";

export interface ScoreWeights {
  centrality: number;
  /** How much of the document's recurring vocabulary the sentence holds (favours long, on-topic sentences). */
  coverage: number;
  /** Bonus for the document's first prose sentence (the news lead). */
  lead: number;
  position: number;
  /** Sentences per e-fold of the position prior. */
  positionDecay: number;
  firstParagraph: number;
  title: number;
  entities: number;
  length: number;
  /** Multiplier for sentences that are mostly quotation. */
  quoted: number;
}

/** Tuned on every 4th BBC and CNN/DM article (see scripts/eval-summaries.ts --subset tune). */
export const SINGLE_WEIGHTS: ScoreWeights = {
  centrality: 0.5,
  coverage: 0.2,
  lead: 0.15,
  position: 0.35,
  positionDecay: 4,
  firstParagraph: 0.05,
  title: 0.15,
  entities: 0.05,
  length: 0.1,
  quoted: 0.85,
};

/** Outlets' excerpts are short and lead-heavy; agreement across outlets (centrality) counts more than coverage. */
export const MULTI_WEIGHTS: ScoreWeights = {
  centrality: 0.35,
  coverage: 0.15,
  lead: 0.15,
  position: 0.35,
  positionDecay: 3,
  firstParagraph: 0.05,
  title: 0.15,
  entities: 0.1,
  length: 0.1,
  quoted: 0.85,
};

function lengthFit(words: number): number {
  if (words < 12) return words / 12;
  if (words <= 35) return 1;
  return Math.max(0, 1 - (words - 35) / 40);
}

export function titleTerms(titles: Array<string | undefined>): Set<string> {
  const out = new Set<string>();
  for (const t of titles) if (t) for (const term of contentTerms(t)) out.add(term);
  return out;
}

/** Sum over a sentence's distinct terms of how many other sentences also use them, scaled to a max of 1. */
function coverageScores(cands: readonly Candidate[]): number[] {
  const df = new Map<string, number>();
  for (const c of cands)
    if (c.shape.reason !== "boilerplate") for (const t of new Set(c.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const raw = cands.map((c) => {
    let s = 0;
    for (const t of new Set(c.terms)) s += (df.get(t) ?? 1) - 1;
    return s;
  });
  const max = Math.max(1e-9, ...raw);
  return raw.map((v) => v / max);
}

/** One score per candidate (0 for ineligible ones); `centrality` is aligned with `cands`, scaled to a max of 1. */
export function scoreCandidates(
  cands: readonly Candidate[],
  centrality: Float64Array,
  title: ReadonlySet<string>,
  w: ScoreWeights,
): number[] {
  const cov = coverageScores(cands);
  return cands.map((c, i) => {
    if (!c.shape.ok) return 0;
    let overlap = 0;
    if (title.size > 0) {
      const seen = new Set(c.terms);
      for (const t of title) if (seen.has(t)) overlap++;
    }
    const titleScore = title.size > 0 ? overlap / title.size : 0;
    let s =
      w.centrality * (centrality[i] as number) +
      w.coverage * (cov[i] as number) +
      w.position * Math.exp(-c.position / w.positionDecay) +
      (c.paragraph === 0 ? w.firstParagraph : 0) +
      (c.position === 0 ? w.lead : 0) +
      w.title * titleScore +
      w.entities * Math.min(1, c.entityRate * 3) +
      w.length * lengthFit(c.shape.words);
    if (c.shape.quoted > 0.5) s *= w.quoted;
    return s;
  });
}
