/**
 * How well an article fits a story. The centroid c is the mean of the members' unit vectors, so for an article
 * vector a (unit length), a·c is its average cosine to the members and a·c / |c| its cosine to the centroid. The
 * score is their geometric mean, a·c / sqrt(|c|): stricter than the centroid cosine, which a few shared topic words
 * inflate for a small story, and more lenient than the average for a large, loosely worded story (|c| ≈ 1 for a
 * tight story, smaller for a diffuse one). Then damped by the days between the article and the story.
 */

import { gapDays, timeFactor } from "./doc-time.js";
import { dotAndNorm, norm } from "./sparse-vector.js";
import type { StoryFeatures, StoryState } from "./types.js";

/** An article's vector as a map, built once per assignment and scored against many stories. */
export interface ArticleProbe {
  features: StoryFeatures;
  weights: Map<string, number>;
  norm: number;
  time: number | null;
}

export function probeOf(features: StoryFeatures): ArticleProbe {
  return { features, weights: new Map(features.terms), norm: norm(features.terms), time: features.time };
}

/**
 * Score in 0..1: similarity of the article to the story times the time-proximity factor. Keys in `without` are left
 * out of the dot product (not of the norms): the score without the evidence they give.
 */
export function storyScore(article: ArticleProbe, story: StoryState, without?: ReadonlySet<string>): number {
  const factor = timeFactor(gapDays(article.time, story.start, story.end));
  if (factor === 0 || article.norm === 0) return 0;
  const { dot, norm: c } = dotAndNorm(article.weights, story.centroid, without);
  if (c === 0) return 0;
  return Math.min(1, (dot / (article.norm * Math.sqrt(c))) * factor);
}
