/** Row shapes of the story tables and their mapping to and from the story model. No SQL here. */
import type { StoryState } from "../../core/stories/types.js";
import type { StoryRecord } from "../analysis.js";

export interface StoryRow {
  seq: number;
  id: string;
  headline: string;
  article_count: number;
  source_count: number;
  /** JSON array of the story's outlets, in the order their first article joined. */
  sources: string;
  start_day: string | null;
  end_day: string | null;
  updated_at: string;
}

/** A candidate story: its state JSON (see `storedState`). */
export interface CandidateStoryRow {
  seq: number;
  id: string;
  state: string;
}

/** A story and one of its articles, in the order the articles joined. */
export interface MemberRow {
  story_seq: number;
  id: string;
}

/** What `story_states.state` holds: the StoryState without what other columns and tables say. */
export type StoredState = Omit<StoryState, "id" | "articleIds">;

/** The state as stored: everything but its id and articles, whatever fields the grouping adds to it. */
export function storedState(s: StoryState): string {
  const { id: _id, articleIds: _articleIds, ...stored } = s;
  return JSON.stringify(stored satisfies StoredState);
}

export function parseState(json: string): StoredState {
  return JSON.parse(json) as StoredState;
}

/** The distinct keys of a centroid: the keys a story is posted under. */
export function centroidKeys(centroid: StoryState["centroid"]): string[] {
  return [...new Set(centroid.map(([key]) => key))];
}

/** The ISO date (`YYYY-MM-DD`) of a day in ms since the epoch; null when unknown or not a valid time. */
export function isoDay(ms: number | null): string | null {
  if (ms === null || !Number.isFinite(ms)) return null;
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? null : d.toISOString().slice(0, 10);
}

export function toStoryState(r: CandidateStoryRow, state: StoredState, articleIds: string[]): StoryState {
  return { ...state, id: r.id, articleIds };
}

export function toStoryRecord(r: StoryRow, articleIds: string[]): StoryRecord {
  return {
    id: r.id,
    headline: r.headline,
    articleIds,
    sources: JSON.parse(r.sources) as string[],
    articleCount: r.article_count,
    sourceCount: r.source_count,
    start: r.start_day,
    end: r.end_day,
    updatedAt: r.updated_at,
  };
}

/** Article ids grouped by story, each group in row order. */
export function membersByStory(rows: readonly MemberRow[]): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const r of rows) {
    const list = out.get(r.story_seq);
    if (list === undefined) out.set(r.story_seq, [r.id]);
    else list.push(r.id);
  }
  return out;
}
