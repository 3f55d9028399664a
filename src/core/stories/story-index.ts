/**
 * An in-memory inverted index from vector keys to stories, for finding the candidate stories of an article: those
 * sharing a key with it and close enough in time. Exactly the stories that can score above 0, so assigning among
 * the candidates gives the same result as among all stories. A store can keep the same postings in a table.
 */

import { candidateKeys } from "./assign.js";
import { MAX_GAP_DAYS } from "./doc-time.js";
import type { StoryFeatures, StoryState } from "./types.js";

const DAY = 86_400_000;

export class StoryIndex {
  /** Stories by internal number, in the order they were first added. */
  private readonly stories: StoryState[] = [];
  private readonly numberOf = new Map<string, number>();
  /**
   * Story numbers per key. When a story changes, only keys new to its centroid are posted; postings of keys it
   * dropped stay behind and at worst make it a candidate it did not need to be, which costs a score, not a result.
   */
  private readonly postings = new Map<string, number[]>();
  private seen: number[] = [];
  private stamp = 0;

  /** Adds a story, or replaces the story with the same id. */
  upsert(story: StoryState): void {
    let n = this.numberOf.get(story.id);
    const old = n === undefined ? undefined : this.stories[n];
    if (n === undefined) {
      n = this.stories.length;
      this.numberOf.set(story.id, n);
    }
    this.stories[n] = story;
    const had = new Set(old ? candidateKeys(old) : []);
    for (const k of candidateKeys(story)) {
      if (had.has(k)) continue;
      const list = this.postings.get(k);
      if (list) list.push(n);
      else this.postings.set(k, [n]);
    }
  }

  /** The stories that share a key with the article and are within MAX_GAP_DAYS of it (when both are dated). */
  candidates(features: StoryFeatures): StoryState[] {
    this.stamp++;
    const out: StoryState[] = [];
    for (const k of candidateKeys(features)) {
      for (const n of this.postings.get(k) ?? []) {
        if (this.seen[n] === this.stamp) continue;
        this.seen[n] = this.stamp;
        const s = this.stories[n];
        if (s && !tooFar(features.time, s)) out.push(s);
      }
    }
    return out;
  }

  /** All stories, in the order they were first added. */
  all(): StoryState[] {
    return [...this.stories];
  }

  get size(): number {
    return this.stories.length;
  }
}

function tooFar(time: number | null, s: StoryState): boolean {
  if (time === null || s.start === null || s.end === null) return false;
  return time < s.start - MAX_GAP_DAYS * DAY || time > s.end + MAX_GAP_DAYS * DAY;
}
