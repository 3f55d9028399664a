/**
 * Every statement about stories, prepared once per connection. Lists of ids or keys are passed as one JSON array
 * and read with json_each. Story members are read through `articles_members` (migration 6), an index holding the
 * few article columns they need, never from the large article rows.
 */
import type Database from "better-sqlite3";
import type { CandidateStoryRow, MemberRow, StoryRow } from "./story-rows.js";

/** An article's publication day when its date is an ISO date or date-time, else null. */
const PUBLISHED_DAY = `CASE WHEN a.published_at GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*'
  THEN substr(a.published_at, 1, 10) END`;
/** A story's day for listings: its last publication day, or the day it was last updated. */
const STORY_DAY = "coalesce(end_day, substr(updated_at, 1, 10))";
const STORY_COLUMNS =
  "seq, id, headline, article_count, source_count, sources, start_day, end_day, updated_at";
/** Story members joined to their articles' small columns. */
const MEMBERS = "story_articles sa JOIN articles a INDEXED BY articles_members ON a.seq = sa.article_seq";

export interface CandidateParams {
  /** JSON array of keys. */
  keys: string;
  limit: number;
  /** ISO days: only stories whose known span overlaps them (both null for any story). */
  from: string | null;
  to: string | null;
}

export interface StoryStats {
  articles: number;
  first: string | null;
  last: string | null;
}

export interface StoryStatsParams {
  seq: number;
  articles: number;
  /** JSON array. */
  sources: string;
  sourceCount: number;
  start: string | null;
  end: string | null;
}

export function prepareStoryStatements(db: Database.Database) {
  return {
    seqById: db.prepare<[string], number>("SELECT seq FROM articles WHERE id = ?").pluck(),

    /**
     * Stories sharing the most centroid keys with a JSON array of keys, ties to the last updated, leaving out
     * dated stories outside [from, to]. Ranked on the small story rows; only the states of those kept are read.
     */
    candidates: db.prepare<CandidateParams, CandidateStoryRow>(
      `WITH shared AS (
         SELECT story_seq, count(*) AS n FROM story_postings
         WHERE key IN (SELECT value FROM json_each(@keys))
         GROUP BY story_seq
       ), ranked AS (
         SELECT s.seq, s.id, shared.n, s.touched FROM shared JOIN stories s ON s.seq = shared.story_seq
         WHERE @from IS NULL OR s.start_day IS NULL OR s.end_day IS NULL
           OR (s.start_day <= @to AND s.end_day >= @from)
         ORDER BY shared.n DESC, s.touched DESC LIMIT @limit
       )
       SELECT ranked.seq, ranked.id, ss.state FROM ranked JOIN story_states ss ON ss.story_seq = ranked.seq
       ORDER BY ranked.n DESC, ranked.touched DESC`,
    ),
    /** Members of a JSON array of story seqs, each story's in the order they joined. */
    members: db.prepare<[string], MemberRow>(
      `SELECT sa.story_seq, a.id FROM ${MEMBERS}
       WHERE sa.story_seq IN (SELECT value FROM json_each(?))
       ORDER BY sa.story_seq, sa.rowid`,
    ),
    /** (story seq, limit): the first members of one story, in the order they joined. */
    firstMembers: db
      .prepare<[number, number], string>(
        `SELECT a.id FROM ${MEMBERS} WHERE sa.story_seq = ? ORDER BY sa.rowid LIMIT ?`,
      )
      .pluck(),
    storyById: db.prepare<[string], { seq: number; state: string }>(
      "SELECT s.seq, ss.state FROM stories s JOIN story_states ss ON ss.story_seq = s.seq WHERE s.id = ?",
    ),
    stateBySeq: db.prepare<[number], string>("SELECT state FROM story_states WHERE story_seq = ?").pluck(),
    insertStory: db.prepare<[string, string, string]>(
      `INSERT INTO stories (id, headline, article_count, source_count, updated_at, touched)
       VALUES (?, ?, 0, 0, ?, (SELECT coalesce(max(touched), 0) + 1 FROM stories))`,
    ),
    setHeadline: db.prepare<[string, number]>("UPDATE stories SET headline = ? WHERE seq = ?"),
    putState: db.prepare<[number, string]>(
      `INSERT INTO story_states (story_seq, state) VALUES (?, ?)
       ON CONFLICT (story_seq) DO UPDATE SET state = excluded.state`,
    ),
    touchStory: db.prepare<[string, number]>(
      "UPDATE stories SET updated_at = ?, touched = (SELECT max(touched) + 1 FROM stories) WHERE seq = ?",
    ),
    storyOfArticle: db
      .prepare<[number], number>("SELECT story_seq FROM story_articles WHERE article_seq = ?")
      .pluck(),
    storyIdBySeq: db.prepare<[number], string>("SELECT id FROM stories WHERE seq = ?").pluck(),
    addMember: db.prepare<[number, number]>(
      "INSERT INTO story_articles (story_seq, article_seq) VALUES (?, ?)",
    ),
    insertPosting: db.prepare<[string, number]>(
      "INSERT OR IGNORE INTO story_postings (key, story_seq) VALUES (?, ?)",
    ),
    deletePosting: db.prepare<[string, number]>("DELETE FROM story_postings WHERE key = ? AND story_seq = ?"),
    storyStats: db.prepare<[number], StoryStats>(
      `SELECT count(*) AS articles, min(${PUBLISHED_DAY}) AS first, max(${PUBLISHED_DAY}) AS last
       FROM ${MEMBERS} WHERE sa.story_seq = ?`,
    ),
    /** A story's outlets, in the order their first article joined. */
    storySources: db
      .prepare<[number], string>(
        `SELECT a.source FROM ${MEMBERS} WHERE sa.story_seq = ? GROUP BY a.source ORDER BY min(sa.rowid)`,
      )
      .pluck(),
    setStoryStats: db.prepare<StoryStatsParams>(
      `UPDATE stories SET article_count = @articles, source_count = @sourceCount, sources = @sources,
         start_day = @start, end_day = @end
       WHERE seq = @seq`,
    ),
    storiesByIds: db.prepare<[string], StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE id IN (SELECT value FROM json_each(?))`,
    ),
    /** (since, limit); since "" for all. */
    listRecent: db.prepare<[string, number], StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE ${STORY_DAY} >= ?
       ORDER BY ${STORY_DAY} DESC, touched DESC LIMIT ?`,
    ),
    listBreadth: db.prepare<[string, number], StoryRow>(
      `SELECT ${STORY_COLUMNS} FROM stories WHERE ${STORY_DAY} >= ?
       ORDER BY source_count DESC, article_count DESC, ${STORY_DAY} DESC, touched DESC LIMIT ?`,
    ),
    storiesOfArticles: db.prepare<[string], { article: string; story: string }>(
      `SELECT a.id AS article, s.id AS story
       FROM articles a JOIN story_articles sa ON sa.article_seq = a.seq JOIN stories s ON s.seq = sa.story_seq
       WHERE a.id IN (SELECT value FROM json_each(?))`,
    ),
    ungrouped: db
      .prepare<[number], string>(
        `SELECT a.id FROM article_analysis an JOIN articles a ON a.seq = an.article_seq
         WHERE NOT EXISTS (SELECT 1 FROM story_articles sa WHERE sa.article_seq = an.article_seq)
         ORDER BY an.article_seq LIMIT ?`,
      )
      .pluck(),

    // Re-grouping. Stories cascade to their states and members; postings have no foreign key.
    clearStories: db.prepare<[]>("DELETE FROM stories"),
    clearPostings: db.prepare<[]>("DELETE FROM story_postings"),
    setFeatures: db.prepare<[string, number]>(
      "UPDATE article_features SET story_features = ? WHERE article_seq = ?",
    ),
  };
}

export type StoryStatements = ReturnType<typeof prepareStoryStatements>;
