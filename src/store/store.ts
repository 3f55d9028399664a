import type { Article, ArticleSummary, CleanArticle, NewArticle, RawInput } from "../core/article.js";
import type { AnalysisStore } from "./analysis.js";
import type { ChannelStore } from "./channels.js";
import type { CompletionStore } from "./completions.js";
import type { FeedStore } from "./feeds.js";

/** A search hit: BM25-ranked, with a short snippet around the matched words. */
export interface SearchHit {
  id: string;
  title: string;
  source: string;
  publishedAt: string | null;
  url: string | null;
  /** Higher is better. */
  score: number;
  snippet: string;
}

export interface ListOptions {
  limit?: number;
  offset?: number;
  /** ISO date: only articles published (or, without a date, ingested) at or after it. */
  since?: string;
}

export interface DuplicateQuery {
  contentHash: string;
  url: string | null;
  signature: number[];
}

/** A stored article that an incoming one duplicates, and why. */
export interface DuplicateMatch {
  id: string;
  reason: "same-content" | "same-url" | "near-duplicate";
  similarity: number;
}

/**
 * Persistence for newsdesk. Every method is async so that a networked database (Postgres) can implement it
 * unchanged. All SQL lives in the implementations.
 */
export interface Store extends AnalysisStore {
  /** The language model's completion cache and daily token totals (used only when NEWSDESK_LLM=on). */
  readonly completions: CompletionStore;
  /** Channel setup (subscriptions, digest schedules) and the claims behind scheduled posts. */
  readonly channels: ChannelStore;
  /** Followed RSS/Atom feeds with their polling status (global to the store; each records who added it). */
  readonly feeds: FeedStore;
  /** Inserts the article, its search index entry and its signature in one transaction. */
  insertArticle(article: NewArticle): Promise<void>;
  findDuplicate(query: DuplicateQuery): Promise<DuplicateMatch | null>;
  getArticle(id: string): Promise<Article | null>;
  /** The articles with these ids, in the order given; unknown ids are skipped. */
  getArticles(ids: string[]): Promise<Article[]>;
  getRaw(id: string): Promise<RawInput | null>;
  listArticles(options?: ListOptions): Promise<ArticleSummary[]>;
  countArticles(): Promise<number>;
  /** Full-text search. Any user text is safe here: it is treated as words, never as query syntax. */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  /** Replaces an article's cleaned fields (after `reclean`), keeping its id, raw input and ingest time. */
  updateClean(
    id: string,
    clean: CleanArticle & { contentHash: string; words: number; signature: number[] },
  ): Promise<void>;
  /**
   * For each block hash, how many stored articles of the site `siteKey` (other than `excludeId`) contained that
   * block in their raw input. Lets the cleaner drop text a site repeats on every page.
   */
  siteBlockCounts(siteKey: string, blockHashes: string[], excludeId?: string): Promise<Map<string, number>>;
  /** Ids of every stored article, oldest first. */
  allIds(): Promise<string[]>;
  close(): Promise<void>;
}
