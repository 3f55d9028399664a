import type Database from "better-sqlite3";
import type { Logger } from "pino";
import type { Article, ArticleSummary, NewArticle, RawInput } from "../../core/article.js";
import type { StoryFeatures, StoryState } from "../../core/stories/types.js";
import { silentLogger } from "../../logger.js";
import type {
  ArticleAnalysis,
  AttributionHit,
  StoryArticleHit,
  StoryListOptions,
  StoryReadOptions,
  StoryRecord,
} from "../analysis.js";
import type { DuplicateMatch, DuplicateQuery, ListOptions, SearchHit, Store } from "../store.js";
import { openDatabase, optimizeDatabase } from "./open.js";
import { SqliteAnalysis } from "./sqlite-analysis.js";
import { type CleanUpdate, SqliteArticles, type StoreStats } from "./sqlite-articles.js";
import { SqliteChannels } from "./sqlite-channels.js";
import { SqliteCompletions } from "./sqlite-completions.js";
import { SqliteFeeds } from "./sqlite-feeds.js";
import { SqliteStories } from "./sqlite-stories.js";
import { DEFAULT_SEARCH_LIMIT, wrap } from "./support.js";

interface SqliteStoreOptions {
  logger?: Logger;
}

/**
 * A Store on one better-sqlite3 connection. Open it with `openSqliteStore`. Its methods are those of the halves
 * on the same connection: articles (SqliteArticles), analysis (SqliteAnalysis) and stories (SqliteStories).
 */
export class SqliteStore implements Store {
  readonly completions: SqliteCompletions;
  readonly channels: SqliteChannels;
  readonly feeds: SqliteFeeds;
  readonly #db: Database.Database;
  readonly #articles: SqliteArticles;
  readonly #analysis: SqliteAnalysis;
  readonly #stories: SqliteStories;
  readonly #log: Logger;
  #closed = false;

  constructor(db: Database.Database, logger: Logger) {
    this.#db = db;
    this.#log = logger;
    const stories = new SqliteStories(db);
    this.#stories = stories;
    // A re-cleaned article may have another outlet or date: its story's counts follow.
    this.#articles = new SqliteArticles(db, logger, (seq) => stories.refreshStoryOf(seq));
    this.#analysis = new SqliteAnalysis(db, logger);
    this.completions = new SqliteCompletions(db);
    this.channels = new SqliteChannels(db);
    this.feeds = new SqliteFeeds(db);
  }

  // Articles.
  insertArticle(article: NewArticle): Promise<void> {
    return this.#articles.insertArticle(article);
  }
  findDuplicate(query: DuplicateQuery): Promise<DuplicateMatch | null> {
    return this.#articles.findDuplicate(query);
  }
  getArticle(id: string): Promise<Article | null> {
    return this.#articles.getArticle(id);
  }
  getArticles(ids: string[]): Promise<Article[]> {
    return this.#articles.getArticles(ids);
  }
  getRaw(id: string): Promise<RawInput | null> {
    return this.#articles.getRaw(id);
  }
  listArticles(options: ListOptions = {}): Promise<ArticleSummary[]> {
    return this.#articles.listArticles(options);
  }
  countArticles(): Promise<number> {
    return this.#articles.countArticles();
  }
  search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchHit[]> {
    return this.#articles.search(query, limit);
  }
  updateClean(id: string, clean: CleanUpdate): Promise<void> {
    return this.#articles.updateClean(id, clean);
  }
  siteBlockCounts(source: string, blockHashes: string[], excludeId?: string): Promise<Map<string, number>> {
    return this.#articles.siteBlockCounts(source, blockHashes, excludeId);
  }
  /** Ids in insertion order, oldest first. */
  allIds(): Promise<string[]> {
    return this.#articles.allIds();
  }
  /** Row counts of the store's tables. */
  stats(): Promise<StoreStats> {
    return this.#articles.stats();
  }
  /** Problems found by SQLite's integrity, foreign key and full-text index checks; empty when all is well. */
  async checkIntegrity(): Promise<string[]> {
    const problems = await this.#articles.checkIntegrity();
    return [...problems, ...this.#analysis.indexProblems()];
  }

  // Analysis.
  saveAnalysis(articleId: string, analysis: ArticleAnalysis): Promise<void> {
    return this.#analysis.saveAnalysis(articleId, analysis);
  }
  unanalysedArticleIds(limit: number): Promise<string[]> {
    return this.#analysis.unanalysedArticleIds(limit);
  }
  storyKeyFrequencies(keys: string[]): Promise<{ df: Map<string, number>; total: number }> {
    return this.#analysis.storyKeyFrequencies(keys);
  }
  getStoryFeatures(articleIds: string[]): Promise<Map<string, StoryFeatures>> {
    return this.#analysis.getStoryFeatures(articleIds);
  }
  searchAttributions(
    query: string,
    options: { limit: number; speaker?: string; directOnly?: boolean },
  ): Promise<AttributionHit[]> {
    return this.#analysis.searchAttributions(query, options);
  }
  attributionsBySpeaker(name: string, limit: number): Promise<AttributionHit[]> {
    return this.#analysis.attributionsBySpeaker(name, limit);
  }
  attributionsOfArticles(articleIds: string[]): Promise<AttributionHit[]> {
    return this.#analysis.attributionsOfArticles(articleIds);
  }
  topSpeakers(limit: number): Promise<Array<{ name: string; attributions: number; articles: number }>> {
    return this.#analysis.topSpeakers(limit);
  }
  sources(): Promise<Array<{ name: string; articles: number; latest: string | null }>> {
    return this.#analysis.sources();
  }
  topKeywords(limit: number): Promise<Array<{ term: string; articles: number }>> {
    return this.#analysis.topKeywords(limit);
  }
  keywordCounts(terms: string[]): Promise<Map<string, number>> {
    return this.#analysis.keywordCounts(terms);
  }
  keywordsOfArticles(articleIds: string[]): Promise<Map<string, string[]>> {
    return this.#analysis.keywordsOfArticles(articleIds);
  }

  // Stories.
  candidateStories(keys: string[], limit: number, time?: number | null): Promise<StoryState[]> {
    return this.#stories.candidateStories(keys, limit, time);
  }
  saveStory(state: StoryState, headline: string, articleId: string): Promise<void> {
    return this.#stories.saveStory(state, headline, articleId);
  }
  replaceStories(
    stories: Array<{ state: StoryState; headline: string }>,
    features: Map<string, StoryFeatures>,
  ): Promise<void> {
    return this.#stories.replaceStories(stories, features);
  }
  ungroupedArticleIds(limit: number): Promise<string[]> {
    return this.#stories.ungroupedArticleIds(limit);
  }
  listStories(options: StoryListOptions): Promise<StoryRecord[]> {
    return this.#stories.listStories(options);
  }
  getStories(ids: string[], options?: StoryReadOptions): Promise<StoryRecord[]> {
    return this.#stories.getStories(ids, options);
  }
  storiesOfArticles(articleIds: string[]): Promise<Map<string, string>> {
    return this.#stories.storiesOfArticles(articleIds);
  }
  async searchStoryArticles(query: string, limit: number): Promise<StoryArticleHit[]> {
    const ids = await this.#articles.searchIds(query, limit);
    const storyOf = await this.#stories.storiesOfArticles(ids);
    return ids.flatMap((articleId) => {
      const storyId = storyOf.get(articleId);
      return storyId === undefined ? [] : [{ articleId, storyId }];
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    try {
      optimizeDatabase(this.#db);
    } catch (err) {
      this.#log.debug({ err }, "store: optimize before close failed");
    }
    this.#db.close();
    this.#log.debug("store: closed");
  }
}

/** Opens (creating and migrating if needed) the SQLite store at `path`; `":memory:"` for a private in-memory one. */
export async function openSqliteStore(path: string, options: SqliteStoreOptions = {}): Promise<SqliteStore> {
  const logger = (options.logger ?? silentLogger).child({ component: "store" });
  let db: Database.Database;
  try {
    db = openDatabase(path, logger);
  } catch (err) {
    throw wrap(`open ${path}`, err);
  }
  logger.debug({ path }, "store: opened");
  return new SqliteStore(db, logger);
}
