import type Database from "better-sqlite3";
import type { Logger } from "pino";
import type { Article, ArticleSummary, CleanArticle, NewArticle, RawInput } from "../../core/article.js";
import type { StoryFeatures, StoryState } from "../../core/stories/types.js";
import { describeError, NewsdeskError } from "../../errors.js";
import { NEAR_DUPLICATE_THRESHOLD, signatureSimilarity } from "../../ingest/fingerprint.js";
import { silentLogger } from "../../logger.js";
import type { ArticleAnalysis, AttributionHit, StoryListOptions, StoryRecord } from "../analysis.js";
import type { DuplicateMatch, DuplicateQuery, ListOptions, SearchHit, Store } from "../store.js";
import { ftsExpression, queryTerms } from "./fts-query.js";
import { openDatabase, optimizeDatabase } from "./open.js";
import { toArticle, toCleanParams, toHit, toInsertParams, toRaw, toSummary } from "./rows.js";
import { bandKeys, decodeSignature, encodeSignature } from "./signature.js";
import { SqliteAnalysis } from "./sqlite-analysis.js";
import { SqliteChannels } from "./sqlite-channels.js";
import { SqliteCompletions } from "./sqlite-completions.js";
import { SqliteFeeds } from "./sqlite-feeds.js";
import { prepareStatements, type Statements } from "./statements.js";
import { DEFAULT_SEARCH_LIMIT, isFtsQueryError, searchLimit, wrap } from "./support.js";

interface SqliteStoreOptions {
  logger?: Logger;
}

type CleanUpdate = CleanArticle & { contentHash: string; words: number; signature: number[] };

/** Row counts per table, for diagnostics and tests. */
interface StoreStats {
  articles: number;
  signatures: number;
  bands: number;
  blocks: number;
}

/**
 * A Store on one better-sqlite3 connection. Open it with `openSqliteStore`. The analysis methods are those of a
 * SqliteAnalysis on the same connection.
 */
export class SqliteStore implements Store {
  readonly completions: SqliteCompletions;
  readonly channels: SqliteChannels;
  readonly feeds: SqliteFeeds;
  readonly #db: Database.Database;
  readonly #st: Statements;
  readonly #analysis: SqliteAnalysis;
  readonly #log: Logger;
  readonly #insert: (article: NewArticle) => void;
  readonly #update: (id: string, clean: CleanUpdate) => void;
  #closed = false;

  constructor(db: Database.Database, logger: Logger) {
    this.#db = db;
    this.#log = logger;
    const st = prepareStatements(db);
    this.#st = st;
    this.#analysis = new SqliteAnalysis(db, logger);
    this.completions = new SqliteCompletions(db);
    this.channels = new SqliteChannels(db);
    this.feeds = new SqliteFeeds(db);

    this.#insert = db.transaction((a: NewArticle) => {
      const seq = Number(st.insertArticle.run(toInsertParams(a)).lastInsertRowid);
      st.putSignature.run(seq, encodeSignature(a.signature));
      for (const key of bandKeys(a.signature)) st.insertBand.run(key, seq);
      if (a.siteKey !== null)
        for (const hash of new Set(a.blockHashes)) st.insertBlock.run(a.siteKey, hash, seq);
    });

    this.#update = db.transaction((id: string, c: CleanUpdate) => {
      const current = st.seqAndSource.get(id);
      if (current === undefined) throw new NewsdeskError("NOT_FOUND", `no stored article with id ${id}`);
      const { seq } = current;
      // Band rows are found through their keys, recomputed from the stored signature (no index on article_seq).
      const old = st.signatureBySeq.get(seq);
      if (old !== undefined) for (const key of bandKeys(decodeSignature(old))) st.deleteBand.run(key, seq);
      st.updateClean.run(toCleanParams(id, c));
      st.putSignature.run(seq, encodeSignature(c.signature));
      for (const key of bandKeys(c.signature)) st.insertBand.run(key, seq);
    });
  }

  /** Runs a synchronous database operation, turning any failure into a STORE_FAILED NewsdeskError. */
  #run<T>(op: string, fn: (st: Statements) => T): T {
    if (this.#closed) throw new NewsdeskError("STORE_FAILED", `store: ${op} failed: the store is closed`);
    try {
      return fn(this.#st);
    } catch (err) {
      throw wrap(op, err);
    }
  }

  async insertArticle(article: NewArticle): Promise<void> {
    this.#run("insert", () => this.#insert(article));
  }

  async findDuplicate(query: DuplicateQuery): Promise<DuplicateMatch | null> {
    return this.#run("duplicate lookup", (st) => {
      const sameContent = st.idByContentHash.get(query.contentHash);
      if (sameContent !== undefined) return { id: sameContent, reason: "same-content", similarity: 1 };

      if (query.url) {
        const row = st.byUrl.get(query.url);
        if (row !== undefined) {
          const similarity = row.signature
            ? signatureSimilarity(query.signature, decodeSignature(row.signature))
            : 0;
          return { id: row.id, reason: "same-url", similarity };
        }
      }

      const keys = bandKeys(query.signature);
      if (keys.length === 0) return null;
      let best: DuplicateMatch | null = null;
      for (const c of st.bandCandidates.all(JSON.stringify(keys))) {
        const similarity = signatureSimilarity(query.signature, decodeSignature(c.signature));
        if (similarity >= NEAR_DUPLICATE_THRESHOLD && (best === null || similarity > best.similarity)) {
          best = { id: c.id, reason: "near-duplicate", similarity };
        }
      }
      return best;
    });
  }

  async getArticle(id: string): Promise<Article | null> {
    return this.#run("get article", (st) => {
      const row = st.articleById.get(id);
      return row === undefined ? null : toArticle(row);
    });
  }

  async getArticles(ids: string[]): Promise<Article[]> {
    return this.#run("get articles", (st) => {
      if (ids.length === 0) return [];
      const byId = new Map(st.articlesByIds.all(JSON.stringify([...new Set(ids)])).map((r) => [r.id, r]));
      return ids.flatMap((id) => {
        const row = byId.get(id);
        return row === undefined ? [] : [toArticle(row)];
      });
    });
  }

  async getRaw(id: string): Promise<RawInput | null> {
    return this.#run("get raw input", (st) => {
      const row = st.rawById.get(id);
      return row === undefined ? null : toRaw(row);
    });
  }

  async listArticles(options: ListOptions = {}): Promise<ArticleSummary[]> {
    return this.#run("list", (st) => {
      const limit =
        options.limit === undefined || !Number.isFinite(options.limit)
          ? -1
          : Math.max(0, Math.floor(options.limit));
      const offset =
        options.offset === undefined || !Number.isFinite(options.offset)
          ? 0
          : Math.max(0, Math.floor(options.offset));
      const rows =
        options.since === undefined
          ? st.list.all(limit, offset)
          : st.listSince.all(options.since, limit, offset);
      return rows.map(toSummary);
    });
  }

  async countArticles(): Promise<number> {
    return this.#run("count", (st) => st.count.get() ?? 0);
  }

  async search(query: string, limit: number = DEFAULT_SEARCH_LIMIT): Promise<SearchHit[]> {
    return this.#run("search", (st) => {
      const n = searchLimit(limit);
      const terms = queryTerms(query);
      const all = ftsExpression(terms, "and");
      if (n === 0 || all === null) return [];
      try {
        let rows = st.search.all(all, n);
        if (rows.length === 0 && terms.length > 1) rows = st.search.all(ftsExpression(terms, "or") ?? all, n);
        return rows.map(toHit);
      } catch (err) {
        // Quoted terms cannot form bad syntax; should FTS5 still reject one, a search finds nothing, never crashes.
        if (isFtsQueryError(err)) {
          this.#log.warn({ err, terms }, "store: search query rejected by FTS5");
          return [];
        }
        throw err;
      }
    });
  }

  async updateClean(id: string, clean: CleanUpdate): Promise<void> {
    this.#run("update", () => this.#update(id, clean));
  }

  async siteBlockCounts(
    source: string,
    blockHashes: string[],
    excludeId?: string,
  ): Promise<Map<string, number>> {
    return this.#run("site block counts", (st) => {
      const counts = new Map<string, number>(blockHashes.map((h) => [h, 0]));
      if (counts.size === 0) return counts;
      const exclude = excludeId === undefined ? -1 : (st.seqById.get(excludeId) ?? -1);
      for (const row of st.blockCounts.all(source, JSON.stringify([...counts.keys()]), exclude)) {
        counts.set(row.hash, row.n);
      }
      return counts;
    });
  }

  /** Ids in insertion order, oldest first. */
  async allIds(): Promise<string[]> {
    return this.#run("list ids", (st) => st.allIds.all());
  }

  /** Row counts of the store's tables. */
  async stats(): Promise<StoreStats> {
    return this.#run(
      "stats",
      (st) => st.tableCounts.get() ?? { articles: 0, signatures: 0, bands: 0, blocks: 0 },
    );
  }

  /** Problems found by SQLite's integrity, foreign key and full-text index checks; empty when all is well. */
  async checkIntegrity(): Promise<string[]> {
    return this.#run("integrity check", (st) => {
      const problems = st.integrityCheck.all().filter((r) => r !== "ok");
      const orphans = st.foreignKeyCheck.all().length;
      if (orphans > 0) problems.push(`${orphans} rows violate foreign keys`);
      try {
        st.ftsIntegrityCheck.run();
      } catch (err) {
        problems.push(`full-text index: ${describeError(err)}`);
      }
      problems.push(...this.#analysis.indexProblems());
      return problems;
    });
  }

  // AnalysisStore, delegated.
  saveAnalysis(articleId: string, analysis: ArticleAnalysis): Promise<void> {
    return this.#analysis.saveAnalysis(articleId, analysis);
  }
  unanalysedArticleIds(limit: number): Promise<string[]> {
    return this.#analysis.unanalysedArticleIds(limit);
  }
  storyKeyFrequencies(keys: string[]): Promise<{ df: Map<string, number>; total: number }> {
    return this.#analysis.storyKeyFrequencies(keys);
  }
  candidateStories(keys: string[], limit: number, time?: number | null): Promise<StoryState[]> {
    return this.#analysis.candidateStories(keys, limit, time);
  }
  saveStory(state: StoryState, headline: string, articleId: string): Promise<void> {
    return this.#analysis.saveStory(state, headline, articleId);
  }
  replaceStories(
    stories: Array<{ state: StoryState; headline: string }>,
    features: Map<string, StoryFeatures>,
  ): Promise<void> {
    return this.#analysis.replaceStories(stories, features);
  }
  ungroupedArticleIds(limit: number): Promise<string[]> {
    return this.#analysis.ungroupedArticleIds(limit);
  }
  listStories(options: StoryListOptions): Promise<StoryRecord[]> {
    return this.#analysis.listStories(options);
  }
  getStories(ids: string[]): Promise<StoryRecord[]> {
    return this.#analysis.getStories(ids);
  }
  storiesOfArticles(articleIds: string[]): Promise<Map<string, string>> {
    return this.#analysis.storiesOfArticles(articleIds);
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
