/** Row shapes of the SQLite store and their mapping to and from the article model. No SQL here. */
import type {
  Article,
  ArticleMeta,
  ArticleSummary,
  NewArticle,
  RawFormat,
  RawInput,
} from "../../core/article.js";
import type { SearchHit } from "../store.js";

export interface ArticleRow {
  id: string;
  external_id: string | null;
  title: string;
  source: string;
  url: string | null;
  author: string | null;
  published_at: string | null;
  language: string;
  text: string;
  ingested_at: string;
  content_hash: string;
  words: number;
}

export interface RawRow {
  raw_format: string;
  raw_body: string;
  raw_hints: string;
  raw_origin: string;
  raw_external_id: string | null;
}

export type InsertParams = ArticleRow & RawRow;

export type CleanParams = Pick<
  ArticleRow,
  | "id"
  | "title"
  | "source"
  | "url"
  | "author"
  | "published_at"
  | "language"
  | "text"
  | "content_hash"
  | "words"
>;

/** The cleaned fields of an article as row parameters (shared by insert and re-clean). */
export function toCleanParams(
  id: string,
  c: Pick<
    Article,
    "title" | "source" | "url" | "author" | "publishedAt" | "language" | "text" | "contentHash" | "words"
  >,
): CleanParams {
  return {
    id,
    title: c.title,
    source: c.source,
    url: c.url ?? null,
    author: c.author ?? null,
    published_at: c.publishedAt ?? null,
    language: c.language,
    text: c.text,
    content_hash: c.contentHash,
    words: c.words,
  };
}

export type SummaryRow = Pick<ArticleRow, "id" | "title" | "source" | "published_at" | "words" | "url">;

export interface HitRow {
  id: string;
  title: string;
  source: string;
  published_at: string | null;
  url: string | null;
  score: number;
  snippet: string | null;
}

export interface CandidateRow {
  id: string;
  signature: Uint8Array;
}

export function toInsertParams(a: NewArticle): InsertParams {
  return {
    ...toCleanParams(a.id, a),
    external_id: a.externalId ?? null,
    ingested_at: a.ingestedAt,
    raw_format: a.raw.format,
    raw_body: a.raw.body,
    raw_hints: JSON.stringify(a.raw.hints ?? {}),
    raw_origin: a.raw.origin,
    raw_external_id: a.raw.externalId ?? null,
  };
}

export function toArticle(r: ArticleRow): Article {
  return {
    id: r.id,
    externalId: r.external_id,
    title: r.title,
    source: r.source,
    url: r.url,
    author: r.author,
    publishedAt: r.published_at,
    language: r.language,
    text: r.text,
    ingestedAt: r.ingested_at,
    contentHash: r.content_hash,
    words: r.words,
  };
}

export function toRaw(r: RawRow): RawInput {
  const raw: RawInput = {
    format: r.raw_format as RawFormat,
    body: r.raw_body,
    hints: JSON.parse(r.raw_hints) as ArticleMeta,
    origin: r.raw_origin,
  };
  if (r.raw_external_id !== null) raw.externalId = r.raw_external_id;
  return raw;
}

export function toSummary(r: SummaryRow): ArticleSummary {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    publishedAt: r.published_at,
    words: r.words,
    url: r.url,
  };
}

/** FTS5 snippets keep the text's line breaks; a hit shows them as single spaces. */
export function toHit(r: HitRow): SearchHit {
  return {
    id: r.id,
    title: r.title,
    source: r.source,
    publishedAt: r.published_at,
    url: r.url,
    score: r.score,
    snippet: (r.snippet ?? "").replace(/\s+/g, " ").trim(),
  };
}
