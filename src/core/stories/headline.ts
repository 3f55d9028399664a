/** A short headline for a story: the title of its most central article, preferring informative titles. */

import { byWeight, cosine, norm, type SparseVector } from "./sparse-vector.js";
import { tokenize, wordTerms } from "./tokens.js";
import type { StoryFeatures } from "./types.js";

const MIN_WORDS = 4;
/** Below this share of the story's wording a title is not about the story (story titles score 0.7–1). */
const MIN_RELEVANCE = 0.25;
const MAX_WORDS = 20;
const GENERIC = /^(?:untitled|home|news|live updates?|breaking news|opinion|video|photos?)\b/i;

/** 1 for a title of 4–20 words that is not a placeholder, less for shorter, longer or generic ones. */
function quality(title: string): number {
  const words = tokenize(title).length;
  if (words === 0 || GENERIC.test(title.trim())) return 0;
  if (words < MIN_WORDS) return 0.5;
  if (words > MAX_WORDS) return 0.7;
  return 1;
}

/**
 * Picks the title of the article closest to the story centroid, weighted by how much of the title's wording the
 * story shares and by title quality. Ties go to the shorter title. `titles[i]` belongs to `features[i]`.
 * A title sharing (almost) no word with the story ("Forgot password", scraped by mistake) or a placeholder is never
 * picked; with no informative title the result is "", for the caller to fall back on (a first sentence, say).
 */
export function storyHeadline(titles: readonly string[], features: readonly StoryFeatures[]): string {
  const centroid = runningMean(features);
  const weights = new Map(centroid);
  const top = centroid[0]?.[1] ?? 0;
  let best = "";
  let bestScore = -1;
  titles.forEach((raw, i) => {
    const title = raw.trim().replace(/\s+/g, " ");
    const f = features[i];
    const central = f ? cosine(new Map(f.terms), norm(f.terms), centroid) : 0;
    const terms = [...new Set(tokenize(title).flatMap((t) => wordTerms(t.text)))];
    const shared = terms.reduce((s, t) => s + (weights.get(t) ?? 0), 0);
    // Without any weighted key (empty texts) nothing tells titles apart but their quality.
    const relevance =
      top === 0 ? 1 : terms.length > 0 ? Math.min(1, shared / (top * Math.sqrt(terms.length))) : 0;
    const score = Math.round((0.6 * central + 0.4 * relevance) * quality(title) * 1e6);
    if (relevance < MIN_RELEVANCE || score === 0) return;
    if (
      score > bestScore ||
      (score === bestScore && (title.length < best.length || (title.length === best.length && title < best)))
    ) {
      best = title;
      bestScore = score;
    }
  });
  return best;
}

/**
 * The running mean of the articles' vectors, rounded as `addToMean` rounds it after each article, uncut. The order
 * of the keys between steps cannot change the result (each key's mean is its own, and the result is sorted by
 * weight, then key), so they are sorted once, at the end.
 */
export function runningMean(features: readonly StoryFeatures[]): SparseVector {
  let mean = new Map<string, number>();
  features.forEach((f, n) => {
    const sum = new Map<string, number>();
    for (const [k, w] of mean) sum.set(k, w * n);
    for (const [k, w] of f.terms) sum.set(k, (sum.get(k) ?? 0) + w);
    mean = new Map();
    for (const [k, w] of sum) {
      const rounded = Math.round((w / (n + 1)) * 1e4) / 1e4;
      if (rounded > 0) mean.set(k, rounded);
    }
  });
  return [...mean].sort(byWeight);
}
