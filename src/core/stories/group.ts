/** Batch grouping, for evaluation and re-grouping: the articles in order, each through `assignToStory`. */

import { assignToStory, DEFAULT_THRESHOLD } from "./assign.js";
import { documentFrequencies, storyFeatures } from "./features.js";
import { StoryIndex } from "./story-index.js";
import type { DocFrequency, StoryDoc, StoryFeatures, StoryState } from "./types.js";

export interface GroupOptions {
  threshold?: number;
  /** Document frequencies to weigh terms with; default: counted over `docs` themselves. */
  df?: DocFrequency;
  totalDocs?: number;
  /** Receives each article's features as they are computed (to store them). */
  onFeatures?: (articleId: string, features: StoryFeatures) => void;
}

/** Groups articles into stories, in the order given; returns the stories in the order they were opened. */
export function groupStories(docs: readonly StoryDoc[], options?: GroupOptions): StoryState[] {
  const { df, totalDocs } = options?.df
    ? { df: options.df, totalDocs: options.totalDocs ?? docs.length }
    : documentFrequencies(docs);
  function* featuresOfDocs(): Generator<[string, StoryFeatures]> {
    for (const doc of docs) {
      const features = storyFeatures(doc, df, totalDocs);
      options?.onFeatures?.(doc.id, features);
      yield [doc.id, features];
    }
  }
  return groupFeatures(featuresOfDocs(), options?.threshold);
}

/**
 * Groups articles given their features (article id, features), in the order given, as `groupStories` does with
 * the features it computes; returns the stories in the order they were opened.
 */
export function groupFeatures(
  articles: Iterable<readonly [string, StoryFeatures]>,
  threshold: number = DEFAULT_THRESHOLD,
): StoryState[] {
  const index = new StoryIndex();
  for (const [id, features] of articles) {
    const { story } = assignToStory(features, id, index.candidates(features, threshold), { threshold });
    index.upsert(story);
  }
  return index.all();
}
