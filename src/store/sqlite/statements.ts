/** Every statement the SQLite store runs, prepared once per connection. */
import type Database from "better-sqlite3";
import type {
  ArticleRow,
  CandidateRow,
  CleanParams,
  HitRow,
  InsertParams,
  RawRow,
  SummaryRow,
} from "./rows.js";

/** BM25 column weight of the title; the text's is 1. */
const TITLE_WEIGHT = 10;
/** Words of context in a search snippet. */
const SNIPPET_TOKENS = 20;
/** Near-duplicate candidates compared per lookup, those sharing the most LSH bands first. */
const MAX_CANDIDATES = 64;

const ARTICLE_COLUMNS = `id, external_id, title, source, url, author, published_at, language, text, ingested_at,
  content_hash, words`;
const SUMMARY_COLUMNS = "id, title, source, published_at, words, url";
const NEWEST = "coalesce(published_at, ingested_at)";
/** The best matches of @match, at most @limit, as (seq, bm25). */
const RANKED_HITS = `SELECT rowid AS seq, bm25(articles_fts, ${TITLE_WEIGHT}, 1) AS bm25 FROM articles_fts
  WHERE articles_fts MATCH @match ORDER BY bm25 LIMIT @limit`;

export interface SearchParams {
  /** An FTS5 MATCH expression (from fts-query.ts). */
  match: string;
  limit: number;
}

export function prepareStatements(db: Database.Database) {
  return {
    insertArticle: db.prepare<InsertParams>(
      `INSERT INTO articles (${ARTICLE_COLUMNS}, raw_format, raw_body, raw_hints, raw_origin, raw_external_id)
       VALUES (@id, @external_id, @title, @source, @url, @author, @published_at, @language, @text, @ingested_at,
         @content_hash, @words, @raw_format, @raw_body, @raw_hints, @raw_origin, @raw_external_id)`,
    ),
    updateClean: db.prepare<CleanParams>(
      `UPDATE articles SET title = @title, source = @source, url = @url, author = @author,
         published_at = @published_at, language = @language, text = @text, content_hash = @content_hash,
         words = @words
       WHERE id = @id`,
    ),
    putSignature: db.prepare<[number, Buffer]>(
      "INSERT OR REPLACE INTO signatures (article_seq, signature) VALUES (?, ?)",
    ),
    insertBand: db.prepare<[number, number]>(
      "INSERT INTO signature_bands (band_key, article_seq) VALUES (?, ?)",
    ),
    deleteBand: db.prepare<[number, number]>(
      "DELETE FROM signature_bands WHERE band_key = ? AND article_seq = ?",
    ),
    insertBlock: db.prepare<[string, string, number]>(
      "INSERT INTO site_blocks (source, block_hash, article_seq) VALUES (?, ?, ?)",
    ),
    /** (new source, old source, article seq): scans the old source's rows; runs only when a source changes. */
    seqById: db.prepare<[string], number>("SELECT seq FROM articles WHERE id = ?").pluck(),
    seqAndSource: db.prepare<[string], { seq: number; source: string }>(
      "SELECT seq, source FROM articles WHERE id = ?",
    ),
    signatureBySeq: db
      .prepare<[number], Uint8Array>("SELECT signature FROM signatures WHERE article_seq = ?")
      .pluck(),
    articleById: db.prepare<[string], ArticleRow>(`SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id = ?`),
    /** The articles whose ids are in a JSON array, in no particular order. */
    articlesByIds: db.prepare<[string], ArticleRow>(
      `SELECT ${ARTICLE_COLUMNS} FROM articles WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    rawById: db.prepare<[string], RawRow>(
      "SELECT raw_format, raw_body, raw_hints, raw_origin, raw_external_id FROM articles WHERE id = ?",
    ),
    idByContentHash: db.prepare<[string], string>("SELECT id FROM articles WHERE content_hash = ?").pluck(),
    byUrl: db.prepare<[string], { id: string; signature: Uint8Array | null }>(
      `SELECT a.id, s.signature FROM articles a LEFT JOIN signatures s ON s.article_seq = a.seq
       WHERE a.url = ? ORDER BY a.seq LIMIT 1`,
    ),
    /** Articles sharing at least one LSH band key (a JSON array) with the query signature. */
    bandCandidates: db.prepare<[string], CandidateRow>(
      `SELECT a.id, s.signature FROM (
         SELECT article_seq, count(*) AS shared FROM signature_bands
         WHERE band_key IN (SELECT value FROM json_each(?))
         GROUP BY article_seq ORDER BY shared DESC, article_seq LIMIT ${MAX_CANDIDATES}
       ) c
       JOIN articles a ON a.seq = c.article_seq
       JOIN signatures s ON s.article_seq = c.article_seq
       ORDER BY c.shared DESC, c.article_seq`,
    ),
    /** Per block hash (a JSON array), the articles of a source containing it, other than one article seq. */
    blockCounts: db.prepare<[string, string, number], { hash: string; n: number }>(
      `SELECT block_hash AS hash, count(*) AS n FROM site_blocks
       WHERE source = ? AND block_hash IN (SELECT value FROM json_each(?)) AND article_seq <> ?
       GROUP BY block_hash`,
    ),

    list: db.prepare<[number, number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles ORDER BY ${NEWEST} DESC, seq DESC LIMIT ? OFFSET ?`,
    ),
    listSince: db.prepare<[string, number, number], SummaryRow>(
      `SELECT ${SUMMARY_COLUMNS} FROM articles WHERE ${NEWEST} >= ?
       ORDER BY ${NEWEST} DESC, seq DESC LIMIT ? OFFSET ?`,
    ),
    count: db.prepare<[], number>("SELECT count(*) FROM articles").pluck(),
    allIds: db.prepare<[], string>("SELECT id FROM articles ORDER BY seq").pluck(),

    /**
     * BM25-ranked hits, score "higher is better". An explicit bm25() with ORDER BY ... LIMIT lets SQLite keep only
     * the top rows while scanning; that is ~40% faster on common words than FTS5's own `ORDER BY rank`, which
     * sorts every match. Snippets are made for the returned rows only, by a second look-up of each row in the
     * index: in the ranking query, snippet() would run for every match (most of the time of a common word).
     */
    search: db.prepare<SearchParams, HitRow>(
      `WITH hits AS (${RANKED_HITS})
       SELECT a.id, a.title, a.source, a.published_at, a.url, -hits.bm25 AS score,
         (SELECT snippet(articles_fts, 1, '', '', '…', ${SNIPPET_TOKENS}) FROM articles_fts
          WHERE articles_fts MATCH @match AND rowid = hits.seq) AS snippet
       FROM hits JOIN articles a ON a.seq = hits.seq
       ORDER BY hits.bm25`,
    ),
    /** The ids of `search`'s hits, best first. */
    searchIds: db
      .prepare<SearchParams, string>(
        `WITH hits AS (${RANKED_HITS})
         SELECT a.id FROM hits JOIN articles a ON a.seq = hits.seq ORDER BY hits.bm25`,
      )
      .pluck(),

    /** Diagnostics. */
    tableCounts: db.prepare<[], { articles: number; signatures: number; bands: number; blocks: number }>(
      `SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM signatures) AS signatures,
         (SELECT count(*) FROM signature_bands) AS bands, (SELECT count(*) FROM site_blocks) AS blocks`,
    ),
    integrityCheck: db.prepare<[], string>("PRAGMA integrity_check").pluck(),
    foreignKeyCheck: db.prepare<[], unknown>("PRAGMA foreign_key_check"),
    ftsIntegrityCheck: db.prepare<[]>(
      "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
    ),
  };
}

export type Statements = ReturnType<typeof prepareStatements>;
