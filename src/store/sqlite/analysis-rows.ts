/** Row shapes of the analysis tables and their mapping to the analysis model (stories: story-rows.ts). No SQL. */
import type { StoryFeatures } from "../../core/stories/types.js";
import type { AttributionHit, StoredAttribution } from "../analysis.js";

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

export function parseFeatures(json: string): StoryFeatures {
  return JSON.parse(json) as StoryFeatures;
}
