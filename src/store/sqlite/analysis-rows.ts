/** Row shapes of the analysis tables and their mapping to and from the analysis model. No SQL here. */
import type { StoryFeatures, StoryState } from "../../core/stories/types.js";
import type { AttributionHit, StoredAttribution, StoryRecord } from "../analysis.js";

export interface AttributionParams {
  article_seq: number;
  speaker: string;
  speaker_mention: string;
  content: string;
  cue: string;
  direct: number;
  content_start: number;
  content_end: number;
}

export interface AttributionHitRow {
  article_id: string;
  title: string;
  source: string;
  url: string | null;
  published_at: string | null;
  speaker: string;
  speaker_mention: string;
  content: string;
  cue: string;
  direct: number;
  content_start: number;
  content_end: number;
  score: number;
}

export interface StoryRow {
  seq: number;
  id: string;
  headline: string;
  article_count: number;
  source_count: number;
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

/** A story, one of its articles and that article's source, in the order the articles joined. */
export interface MemberRow {
  story_seq: number;
  id: string;
  source: string;
}

/** What `story_states.state` holds: the StoryState without what other columns and tables say. */
type StoredState = Omit<StoryState, "id" | "articleIds">;

export function toAttributionParams(articleSeq: number, a: StoredAttribution): AttributionParams {
  return {
    article_seq: articleSeq,
    speaker: a.speaker,
    speaker_mention: a.speakerMention,
    content: a.content,
    cue: a.cue,
    direct: a.direct ? 1 : 0,
    content_start: a.contentStart,
    content_end: a.contentEnd,
  };
}

export function toAttributionHit(r: AttributionHitRow): AttributionHit {
  return {
    speaker: r.speaker,
    speakerMention: r.speaker_mention,
    content: r.content,
    cue: r.cue,
    direct: r.direct === 1,
    contentStart: r.content_start,
    contentEnd: r.content_end,
    articleId: r.article_id,
    title: r.title,
    source: r.source,
    url: r.url,
    publishedAt: r.published_at,
    score: r.score,
  };
}

/** The state as stored: everything but its id and articles, whatever fields the grouping adds to it. */
export function storedState(s: StoryState): string {
  const { id: _id, articleIds: _articleIds, ...stored } = s;
  return JSON.stringify(stored satisfies StoredState);
}

export function parseState(json: string): StoredState {
  return JSON.parse(json) as StoredState;
}

export function parseFeatures(json: string): StoryFeatures {
  return JSON.parse(json) as StoryFeatures;
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

export function toStoryState(r: CandidateStoryRow, articleIds: string[]): StoryState {
  return { ...parseState(r.state), id: r.id, articleIds };
}

export function toStoryRecord(r: StoryRow, members: readonly MemberRow[]): StoryRecord {
  return {
    id: r.id,
    headline: r.headline,
    articleIds: members.map((m) => m.id),
    sources: [...new Set(members.map((m) => m.source))],
    articleCount: r.article_count,
    sourceCount: r.source_count,
    start: r.start_day,
    end: r.end_day,
    updatedAt: r.updated_at,
  };
}

/** Rows grouped by story, each group in row order. */
export function membersByStory(rows: readonly MemberRow[]): Map<number, MemberRow[]> {
  const out = new Map<number, MemberRow[]>();
  for (const r of rows) {
    const list = out.get(r.story_seq);
    if (list === undefined) out.set(r.story_seq, [r]);
    else list.push(r);
  }
  return out;
}
