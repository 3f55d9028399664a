import type { Migration } from "./migrations.js";

/** Followed feeds with their polling status, and the items each feed has yielded. */
export const FEEDS_MIGRATION: Migration = {
  version: 5,
  name: "feeds and the items they yielded",
  sql: `
    CREATE TABLE feeds (
      id INTEGER PRIMARY KEY,
      url TEXT NOT NULL UNIQUE,
      title TEXT,
      -- 'cli', or the platform of the channel that added the feed (with its workspace and channel).
      added_platform TEXT NOT NULL,
      added_workspace TEXT,
      added_channel TEXT,
      added_at TEXT NOT NULL,
      etag TEXT,
      last_modified TEXT,
      last_polled_at TEXT,
      last_success_at TEXT,
      last_error TEXT,
      last_error_at TEXT,
      consecutive_errors INTEGER NOT NULL DEFAULT 0,
      next_poll_at TEXT NOT NULL,
      items_seen INTEGER NOT NULL DEFAULT 0,
      articles_added INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX feeds_next_poll ON feeds (next_poll_at);

    -- Item ids (guid, Atom id or link) a feed has yielded, so a poll processes only new items. failures: 0 once
    -- stored (or found a duplicate), else how many polls failed to ingest it.
    CREATE TABLE feed_items (
      feed_id INTEGER NOT NULL REFERENCES feeds (id) ON DELETE CASCADE,
      item_id TEXT NOT NULL,
      seen_at TEXT NOT NULL,
      failures INTEGER NOT NULL DEFAULT 0,
      PRIMARY KEY (feed_id, item_id)
    ) WITHOUT ROWID;
  `,
};
