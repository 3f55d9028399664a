import type { Migration } from "./migrations.js";

/**
 * Version 6: stories list their outlets and are read without touching the (large) article rows. A story's outlets
 * are kept with its counts, so listings need not read its articles; its articles' ids, outlets and dates come from
 * an index on the articles' small columns (`INDEXED BY articles_members` in the story statements).
 */
export const STORIES_MIGRATION: Migration = {
  version: 6,
  name: "stories: outlets kept with the story, article columns indexed for story members",
  sql: `
    -- The story's outlets as a JSON array, in the order their first article joined; refreshed with its counts.
    ALTER TABLE stories ADD COLUMN sources TEXT NOT NULL DEFAULT '[]';
    CREATE INDEX articles_members ON articles (seq, id, source, published_at);
    UPDATE stories SET sources = coalesce((
      SELECT json_group_array(source ORDER BY first) FROM (
        SELECT a.source, min(sa.rowid) AS first
        FROM story_articles sa JOIN articles a ON a.seq = sa.article_seq
        WHERE sa.story_seq = stories.seq GROUP BY a.source
      )
    ), '[]');
  `,
};
