/** A short headline for a story: the title of its most central article, preferring informative titles. */

import { addToMean, cosine, norm } from "./sparse-vector.js";
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
  let centroid: Array<[string, number]> = [];
  features.forEach((f, i) => {
    centroid = addToMean(centroid, i, f.terms, Number.MAX_SAFE_INTEGER);
  });
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
