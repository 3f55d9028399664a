/**
 * Every statement of the analysis half of the SQLite store but the stories' (story-statements.ts), prepared once per
 * connection. Lists of ids or keys
 * are passed as one JSON array and read with json_each, so any number of them takes one statement.
 */
import type Database from "better-sqlite3";
import type { AttributionHitRow, AttributionParams } from "./analysis-rows.js";

/** BM25 weights of the columns of attributions_fts: content, speaker, kind (a filter, not a relevance signal). */
const BM25 = "bm25(attributions_fts, 1, 1, 0)";

const NEWEST = "coalesce(a.published_at, a.ingested_at)";
const HIT_COLUMNS = `a.id AS article_id, a.title, a.source, a.url, a.published_at, t.speaker, t.speaker_mention,
  t.content, t.cue, t.direct, t.content_start, t.content_end`;

export interface SearchParams {
  match: string;
  limit: number;
}

export interface SpeakerSearchParams extends SearchParams {
  /** Words of a speaker name, as `speakerQuery` joins them. */
  speaker: string;
}

export function prepareAnalysisStatements(db: Database.Database) {
  return {
    seqById: db.prepare<[string], number>("SELECT seq FROM articles WHERE id = ?").pluck(),

    // Analysis. Deleting the features row fires the trigger that takes its keys out of story_key_df.
    deleteAttributions: db.prepare<[number]>("DELETE FROM attributions WHERE article_seq = ?"),
    deleteKeywords: db.prepare<[number]>("DELETE FROM keywords WHERE article_seq = ?"),
    deleteFeatures: db.prepare<[number]>("DELETE FROM article_features WHERE article_seq = ?"),
    deleteAnalysis: db.prepare<[number]>("DELETE FROM article_analysis WHERE article_seq = ?"),
    insertAnalysis: db.prepare<[number, string]>(
      "INSERT INTO article_analysis (article_seq, analysed_at) VALUES (?, ?)",
    ),
    insertFeatures: db.prepare<[number, string, string]>(
      "INSERT INTO article_features (article_seq, story_features, story_keys) VALUES (?, ?, ?)",
    ),
    insertKeyword: db.prepare<[number, number, string]>(
      "INSERT INTO keywords (article_seq, rank, term) VALUES (?, ?, ?)",
    ),
    insertAttribution: db.prepare<AttributionParams>(
      `INSERT INTO attributions (article_seq, speaker, speaker_mention, content, cue, direct, content_start,
         content_end)
       VALUES (@article_seq, @speaker, @speaker_mention, @content, @cue, @direct, @content_start, @content_end)`,
    ),
    /**
     * `+a.seq` keeps SQLite from walking the articles table for its order: scanning the (small) id index and
     * sorting the few unanalysed articles reads far less than the table's large rows.
     */
    unanalysed: db
      .prepare<[number], string>(
        `SELECT a.id FROM articles a
         WHERE NOT EXISTS (SELECT 1 FROM article_analysis an WHERE an.article_seq = a.seq)
         ORDER BY +a.seq LIMIT ?`,
      )
      .pluck(),
    keyFrequencies: db.prepare<[string], { key: string; df: number }>(
      "SELECT key, df FROM story_key_df WHERE key IN (SELECT value FROM json_each(?))",
    ),
    analysedTotal: db.prepare<[], number>("SELECT analysed FROM analysis_totals WHERE id = 1").pluck(),
    featuresOf: db.prepare<[string], { id: string; features: string }>(
      `SELECT a.id, f.story_features AS features
       FROM articles a JOIN article_features f ON f.article_seq = a.seq
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    ),

    // Attributions. The FTS table is not aliased: bm25() must name it.
    /** Best matches first, ranked in the full-text index alone (as the article search). */
    search: db.prepare<SearchParams, AttributionHitRow>(
      `WITH hits AS (
         SELECT rowid AS id, ${BM25} AS bm25 FROM attributions_fts
         WHERE attributions_fts MATCH @match ORDER BY bm25 LIMIT @limit
       )
       SELECT ${HIT_COLUMNS}, -hits.bm25 AS score
       FROM hits JOIN attributions t ON t.id = hits.id JOIN articles a ON a.seq = t.article_seq
       ORDER BY hits.bm25, t.id`,
    ),
    /** As `search`, keeping the attributions whose speaker has the words (the match finds them, and more). */
    searchSpeaker: db.prepare<SpeakerSearchParams, AttributionHitRow>(
      `WITH hits AS (
         SELECT attributions_fts.rowid AS id, ${BM25} AS bm25
         FROM attributions_fts JOIN attributions t ON t.id = attributions_fts.rowid
         WHERE attributions_fts MATCH @match AND speaker_has_words(t.speaker, @speaker)
         ORDER BY bm25 LIMIT @limit
       )
       SELECT ${HIT_COLUMNS}, -hits.bm25 AS score
       FROM hits JOIN attributions t ON t.id = hits.id JOIN articles a ON a.seq = t.article_seq
       ORDER BY hits.bm25, t.id`,
    ),
    bySpeaker: db.prepare<SpeakerSearchParams, AttributionHitRow>(
      `SELECT ${HIT_COLUMNS}, 0 AS score
       FROM attributions_fts JOIN attributions t ON t.id = attributions_fts.rowid
         JOIN articles a ON a.seq = t.article_seq
       WHERE attributions_fts MATCH @match AND speaker_has_words(t.speaker, @speaker)
       ORDER BY ${NEWEST} DESC, t.article_seq DESC, t.id LIMIT @limit`,
    ),
    ofArticles: db.prepare<[string], AttributionHitRow>(
      `SELECT ${HIT_COLUMNS}, 0 AS score
       FROM articles a JOIN attributions t ON t.article_seq = a.seq
       WHERE a.id IN (SELECT value FROM json_each(?))
       ORDER BY t.id`,
    ),
    topSpeakers: db.prepare<[number], { name: string; attributions: number; articles: number }>(
      `SELECT speaker AS name, attributions, articles FROM speaker_counts WHERE speaker <> ''
       ORDER BY attributions DESC, articles DESC, speaker LIMIT ?`,
    ),

    // Sources and keywords.
    sources: db.prepare<[], { name: string; articles: number; latest: string | null }>(
      `SELECT source AS name, count(*) AS articles,
         substr(max(coalesce(published_at, ingested_at)), 1, 10) AS latest
       FROM articles GROUP BY source ORDER BY articles DESC, name`,
    ),
    topKeywords: db.prepare<[number], { term: string; articles: number }>(
      "SELECT term, articles FROM keyword_counts ORDER BY articles DESC, term LIMIT ?",
    ),
    keywordCounts: db.prepare<[string], { term: string; articles: number }>(
      "SELECT term, articles FROM keyword_counts WHERE term IN (SELECT value FROM json_each(?))",
    ),
    /** Analysed articles of a JSON array of ids with their keywords in rank order (term null for none). */
    keywordsOf: db.prepare<[string], { id: string; term: string | null }>(
      `SELECT a.id, k.term
       FROM articles a JOIN article_analysis an ON an.article_seq = a.seq
         LEFT JOIN keywords k ON k.article_seq = an.article_seq
       WHERE a.id IN (SELECT value FROM json_each(?))
       ORDER BY a.seq, k.rank`,
    ),

    ftsIntegrityCheck: db.prepare<[]>(
      "INSERT INTO attributions_fts (attributions_fts, rank) VALUES ('integrity-check', 1)",
    ),
  };
}

export type AnalysisStatements = ReturnType<typeof prepareAnalysisStatements>;
