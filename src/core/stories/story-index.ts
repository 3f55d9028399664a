/**
 * An in-memory inverted index from vector keys to stories, for finding the candidate stories of an article: those
 * sharing a key with it and close enough in time. Exactly the stories that can score above 0, so assigning among
 * the candidates gives the same result as among all stories. A store can keep the same postings in a table.
 *
 * With a minimum score, `candidates` also scores the stories through the postings (each posting adds one product
 * to its story's dot product, instead of every story's whole centroid being read) and keeps only those that reach
 * it: with `minScore` = the threshold, assigning among them still gives the same result, since a story below the
 * threshold can never be chosen and event cues only ever lower a score.
 */

import { isCue } from "./cues.js";
import { gapDays, MAX_GAP_DAYS, timeFactor } from "./doc-time.js";
import { norm } from "./sparse-vector.js";
import type { StoryFeatures, StoryState } from "./types.js";

const DAY = 86_400_000;
/** Scores summed in another order may differ in the last bits: keep stories this close below the minimum too. */
const SCORE_SLACK = 1e-9;

/** The stories posted under one key, with the key's weight in each story's centroid (0 once it left it). */
interface Posting {
  stories: number[];
  weights: number[];
}

export class StoryIndex {
  /** Stories by internal number, in the order they were first added. */
  private readonly stories: StoryState[] = [];
  private readonly numberOf = new Map<string, number>();
  /** Each story's centroid norm (vector keys only), for scoring through the postings. */
  private readonly norms: number[] = [];
  /** For each story, where it stands in the posting of every key it was ever posted under. */
  private readonly posted: Array<Map<string, number>> = [];
  /**
   * Postings per key. A story is posted under a key once; when the key leaves its centroid the posting stays with
   * weight 0, and at worst makes it a candidate it did not need to be, which costs a score, not a result.
   */
  private readonly postings = new Map<string, Posting>();
  private readonly seen: number[] = [];
  private readonly near: boolean[] = [];
  private readonly dots: number[] = [];
  private stamp = 0;

  /** Adds a story, or replaces the story with the same id. */
  upsert(story: StoryState): void {
    let n = this.numberOf.get(story.id);
    if (n === undefined) {
      n = this.stories.length;
      this.numberOf.set(story.id, n);
      this.posted[n] = new Map();
    }
    this.stories[n] = story;
    const posted = this.posted[n] as Map<string, number>;
    const weights = new Map<string, number>();
    for (const [k, w] of story.centroid) if (!isCue(k)) weights.set(k, w);
    this.norms[n] = norm([...weights]);
    for (const [k, at] of posted) if (!weights.has(k)) (this.postings.get(k) as Posting).weights[at] = 0;
    for (const [k, w] of weights) {
      const at = posted.get(k);
      if (at !== undefined) {
        (this.postings.get(k) as Posting).weights[at] = w;
        continue;
      }
      let p = this.postings.get(k);
      if (!p) {
        p = { stories: [], weights: [] };
        this.postings.set(k, p);
      }
      posted.set(k, p.stories.length);
      p.stories.push(n);
      p.weights.push(w);
    }
  }

  /**
   * The stories that share a key with the article and are within MAX_GAP_DAYS of it (when both are dated), in the
   * order first reached. With `minScore`, only those whose `storyScore` reaches it (see above).
   */
  candidates(features: StoryFeatures, minScore?: number): StoryState[] {
    this.stamp++;
    const score = minScore !== undefined;
    const reached: number[] = [];
    for (const [k, a] of features.terms) {
      const p = this.postings.get(k);
      if (!p) continue;
      const { stories, weights } = p;
      for (let i = 0; i < stories.length; i++) {
        const n = stories[i] as number;
        if (this.seen[n] !== this.stamp) {
          this.seen[n] = this.stamp;
          const s = this.stories[n];
          const near = s !== undefined && !tooFar(features.time, s);
          this.near[n] = near;
          this.dots[n] = 0;
          if (near) reached.push(n);
        }
        if (score && this.near[n]) this.dots[n] = (this.dots[n] as number) + a * (weights[i] as number);
      }
    }
    if (minScore === undefined) return reached.map((n) => this.stories[n] as StoryState);
    const articleNorm = norm(features.terms);
    const out: StoryState[] = [];
    for (const n of reached) {
      const s = this.stories[n] as StoryState;
      const c = this.norms[n] ?? 0;
      if (articleNorm === 0 || c === 0) continue;
      const factor = timeFactor(gapDays(features.time, s.start, s.end));
      if (((this.dots[n] ?? 0) / (articleNorm * Math.sqrt(c))) * factor >= minScore - SCORE_SLACK)
        out.push(s);
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
