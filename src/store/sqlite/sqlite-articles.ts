/** The article half of the SQLite store: articles, their search index, signatures and site blocks. */
import type Database from "better-sqlite3";
import type { Logger } from "pino";
import type { Article, ArticleSummary, CleanArticle, NewArticle, RawInput } from "../../core/article.js";
import { describeError, NewsdeskError } from "../../errors.js";
import { NEAR_DUPLICATE_THRESHOLD, signatureSimilarity } from "../../ingest/fingerprint.js";
import type { DuplicateMatch, DuplicateQuery, ListOptions, SearchHit } from "../store.js";
import { ftsExpression, queryTerms } from "./fts-query.js";
import { toArticle, toCleanParams, toHit, toInsertParams, toRaw, toSummary } from "./rows.js";
import { bandKeys, decodeSignature, encodeSignature } from "./signature.js";
import { prepareStatements, type Statements } from "./statements.js";
import { DEFAULT_SEARCH_LIMIT, isFtsQueryError, searchLimit, wrap } from "./support.js";

export type CleanUpdate = CleanArticle & { contentHash: string; words: number; signature: number[] };

/** Row counts per table, for diagnostics and tests. */
export interface StoreStats {
  articles: number;
  signatures: number;
  bands: number;
  blocks: number;
}

export class SqliteArticles {
  readonly #db: Database.Database;
  readonly #st: Statements;
  readonly #log: Logger;
  readonly #insert: (article: NewArticle) => void;
  readonly #update: (id: string, clean: CleanUpdate) => void;

  /** `afterUpdate` runs in the transaction of each `updateClean`, with the article's seq. */
  constructor(db: Database.Database, logger: Logger, afterUpdate: (articleSeq: number) => void) {
    this.#db = db;
    this.#log = logger;
    const st = prepareStatements(db);
    this.#st = st;
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
      afterUpdate(seq);
    });
  }

  /** Runs a synchronous database operation, turning any failure into a STORE_FAILED NewsdeskError. */
  #run<T>(op: string, fn: (st: Statements) => T): T {
    if (!this.#db.open) throw new NewsdeskError("STORE_FAILED", `store: ${op} failed: the store is closed`);
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
    return this.#run("search", (st) =>
      this.#match(query, limit, (match, n) => st.search.all({ match, limit: n })).map(toHit),
    );
  }

  /** Ids of the articles best matching a query, best first, as `search` ranks them (without snippets). */
  async searchIds(query: string, limit: number): Promise<string[]> {
    return this.#run("search", (st) =>
      this.#match(query, limit, (match, n) => st.searchIds.all({ match, limit: n })),
    );
  }

  /**
   * Runs a full-text query: all of the words, else (finding nothing) any of them. Quoted terms cannot form bad
   * syntax; should FTS5 still reject one, a search finds nothing, never crashes.
   */
  #match<T>(query: string, limit: number, run: (expression: string, limit: number) => T[]): T[] {
    const n = searchLimit(limit);
    const terms = queryTerms(query);
    const all = ftsExpression(terms, "and");
    if (n === 0 || all === null) return [];
    try {
      let rows = run(all, n);
      if (rows.length === 0 && terms.length > 1) rows = run(ftsExpression(terms, "or") ?? all, n);
      return rows;
    } catch (err) {
      if (isFtsQueryError(err)) {
        this.#log.warn({ err, terms }, "store: search query rejected by FTS5");
        return [];
      }
      throw err;
    }
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
      return problems;
    });
  }
}
