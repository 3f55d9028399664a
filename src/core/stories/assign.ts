/** Incremental assignment of one article to the best story, or a new one. */

import { compareCues, isCue } from "./cues.js";
import { gapDays } from "./doc-time.js";
import { CAST_SIZE, ENTITY_PREFIX } from "./features.js";
import { type ArticleProbe, probeOf, storyScore } from "./similarity.js";
import { addToMean, type SparseVector } from "./sparse-vector.js";
import { wordTerms } from "./tokens.js";
import type { AssignOptions, AssignResult, StoryFeatures, StoryState } from "./types.js";

/**
 * Tuned with scripts/eval-stories.ts: ECB+ (topics 1–25) scores best at 0.15–0.175 and drops slowly above; at 0.2
 * articles about the same two leaders but different events (a call and a troop rejection) stay apart in every
 * arrival order, which they do not at 0.175. Without dates NEUS prefers 0.25; with dates 0.15.
 */
export const DEFAULT_THRESHOLD = 0.2;
/** Keys kept in a story centroid, and entity names listed on a story. */
export const CENTROID_SIZE = 100;
export const STORY_ENTITIES = 20;
/** Cue keys kept in a story centroid, besides the CENTROID_SIZE vector keys. */
export const CENTROID_CUES = 12;
/** When the cues say different events, the evidence left without the shared cast is multiplied by this. */
const CONFLICT_FACTOR = 0.85;
/** When the cues cannot decide, the shared cast may carry at most this share of the score. */
const MAX_CAST_SHARE = 0.5;

function minTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.min(a, b);
}

function maxTime(a: number | null, b: number | null): number | null {
  return a === null ? b : b === null ? a : Math.max(a, b);
}

function entitiesOf(centroid: Array<[string, number]>): string[] {
  return centroid
    .filter(([k]) => k.startsWith(ENTITY_PREFIX))
    .slice(0, STORY_ENTITIES)
    .map(([k]) => k.slice(ENTITY_PREFIX.length));
}

/**
 * The centroid after adding one more article: the running mean of the vector keys cut to CENTROID_SIZE, then the
 * running mean of the cue keys (at most CENTROID_CUES), which never count in similarity.
 */
function centroidWith(centroid: SparseVector, n: number, features: StoryFeatures): SparseVector {
  const keys = centroid.filter(([k]) => !isCue(k));
  const cues = centroid.filter(([k]) => isCue(k));
  return [
    ...addToMean(keys, n, features.terms, CENTROID_SIZE),
    ...addToMean(cues, n, features.cues ?? [], CENTROID_CUES),
  ];
}

/** A new story holding one article. */
export function newStory(features: StoryFeatures, articleId: string, id: string): StoryState {
  const centroid = centroidWith([], 0, features);
  return {
    id,
    articleIds: [articleId],
    centroid,
    entities: entitiesOf(centroid),
    start: features.time,
    end: features.time,
  };
}

/** The story with one more article (a new object; `story` is not changed). */
export function addToStory(story: StoryState, features: StoryFeatures, articleId: string): StoryState {
  const centroid = centroidWith(story.centroid, story.articleIds.length, features);
  return {
    id: story.id,
    articleIds: [...story.articleIds, articleId],
    centroid,
    entities: entitiesOf(centroid),
    start: minTime(story.start, features.time),
    end: maxTime(story.end, features.time),
  };
}

/**
 * The keys of the cast an article shares with a story: those of its CAST_SIZE heaviest entities that the story names
 * too (among its STORY_ENTITIES), as entity keys and as the words of the names ("@sheinbaum", "claudia", "sheinbaum").
 */
function sharedCast(probe: ArticleProbe, story: StoryState): Set<string> {
  const names = new Set(story.entities);
  const keys = new Set<string>();
  for (const e of probe.features.entities.slice(0, CAST_SIZE)) {
    if (!names.has(e)) continue;
    keys.add(ENTITY_PREFIX + e);
    for (const w of probe.features.nameWords?.[e] ?? e.split(" ").flatMap(wordTerms)) keys.add(w);
  }
  return keys;
}

/**
 * The score of an article for a story: `storyScore`, unless their event cues (`compareCues`) speak against it.
 * When the cues say different events, the names they share count for nothing (the same leaders appear in all
 * their events) and the rest of the evidence a little less. When the cues cannot decide and neither do dates (one
 * side undated), a score carried mostly by the shared names is not enough either: it is cut to the rest.
 */
function assignScore(probe: ArticleProbe, story: StoryState, threshold: number): number {
  const score = storyScore(probe, story);
  if (score < threshold) return score;
  const cues = compareCues(probe.features.cues ?? [], story.centroid);
  if (cues === "different") return storyScore(probe, story, sharedCast(probe, story)) * CONFLICT_FACTOR;
  if (cues === "undecided" && gapDays(probe.time, story.start, story.end) === null) {
    const rest = storyScore(probe, story, sharedCast(probe, story));
    if (rest <= (1 - MAX_CAST_SHARE) * score) return rest;
  }
  return score;
}

/**
 * Assigns one new article to the best-scoring story when its score reaches the threshold, else opens a new story.
 * Deterministic: equal scores go to the smaller story id.
 *
 * `stories` may be only the candidates. A story scores above 0 only if its centroid shares a key with
 * `features.terms` and its span [start, end] is within MAX_GAP_DAYS of `features.time` (when both are known), so
 * passing just the stories found through an index of centroid keys (`candidateKeys`, or `StoryIndex`) gives the
 * same result as passing all of them. Event cues only ever lower a score, so passing only the stories whose
 * `storyScore` reaches the threshold (`StoryIndex.candidates(features, threshold)`) gives the same result too.
 */
export function assignToStory(
  features: StoryFeatures,
  articleId: string,
  stories: readonly StoryState[],
  options?: AssignOptions,
): AssignResult {
  const threshold = options?.threshold ?? DEFAULT_THRESHOLD;
  const probe = probeOf(features);
  let best: StoryState | undefined;
  let bestScore = 0;
  for (const story of stories) {
    const score = assignScore(probe, story, threshold);
    if (score > bestScore || (score === bestScore && best !== undefined && story.id < best.id)) {
      best = story;
      bestScore = score;
    }
  }
  if (best !== undefined && bestScore >= threshold && bestScore > 0) {
    return { story: addToStory(best, features, articleId), created: false };
  }
  const id = options?.newId?.() ?? `story-${articleId}`;
  return { story: newStory(features, articleId, id), created: true };
}

/** Keys through which an article can reach a story and a story can be reached: the vector keys, not the cues. */
export function candidateKeys(item: StoryFeatures | StoryState): string[] {
  if ("terms" in item) return item.terms.map(([k]) => k);
  return item.centroid.filter(([k]) => !isCue(k)).map(([k]) => k);
}
