/** The article model shared by ingestion, the store and the core. Platform-neutral and dependency-free. */

/** How the raw input was written; decides which parser turns it into blocks. */
export type RawFormat = "text" | "markdown" | "html" | "json";

/** Metadata known about an input before or after cleaning. Every field is optional. */
export interface ArticleMeta {
  title?: string;
  source?: string;
  url?: string;
  author?: string;
  /** ISO 8601 date or date-time. */
  publishedAt?: string;
  /** ISO 639-1 code such as "en". */
  language?: string;
}

/**
 * One input exactly as it arrived, kept so an article can be re-cleaned when the cleaner improves.
 * `hints` is metadata that came from outside the body (feed item fields, a .jsonl line's fields, the fetch URL).
 */
export interface RawInput {
  format: RawFormat;
  body: string;
  hints: ArticleMeta;
  /** What the user named: a path, `path:line`, or a URL. */
  origin: string;
  /** A .jsonl line's own `id`. */
  externalId?: string;
}

/** The result of cleaning one raw input. `text` holds paragraphs separated by a blank line. */
export interface CleanArticle {
  title: string;
  source: string;
  url: string | null;
  author: string | null;
  publishedAt: string | null;
  language: string;
  text: string;
}

/** A stored article. */
export interface Article extends CleanArticle {
  id: string;
  externalId: string | null;
  ingestedAt: string;
  contentHash: string;
  words: number;
}

/** What the store needs to insert an article. */
export interface NewArticle extends Article {
  raw: RawInput;
  /** MinHash signature of the clean text, for near-duplicate detection. */
  signature: number[];
  /** Hashes of the raw input's blocks (before cleaning), for spotting boilerplate a site repeats. */
  blockHashes: string[];
  /** The site the block hashes are counted under: the outlet as known before cleaning; null when unknown. */
  siteKey: string | null;
}

/** A row of an article listing. */
export type ArticleSummary = Pick<Article, "id" | "title" | "source" | "publishedAt" | "words" | "url">;

export function countWords(text: string): number {
  const m = text.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return m ? m.length : 0;
}
