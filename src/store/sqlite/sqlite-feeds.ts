import type Database from "better-sqlite3";
import type { Platform } from "../../core/deps.js";
import type {
  FeedFailure,
  FeedOwner,
  FeedRecord,
  FeedStore,
  FeedSuccess,
  ItemOutcome,
  NewFeed,
} from "../feeds.js";
import { MAX_ITEM_ATTEMPTS, normaliseFeedUrl } from "../feeds.js";
import { wrap } from "./support.js";

interface FeedRow {
  id: number;
  url: string;
  title: string | null;
  added_platform: string;
  added_workspace: string | null;
  added_channel: string | null;
  added_at: string;
  etag: string | null;
  last_modified: string | null;
  last_polled_at: string | null;
  last_success_at: string | null;
  last_error: string | null;
  last_error_at: string | null;
  consecutive_errors: number;
  next_poll_at: string;
  items_seen: number;
  articles_added: number;
}

function owner(row: FeedRow): FeedOwner {
  if (row.added_platform === "cli" && row.added_channel === null) return "cli";
  return {
    platform: row.added_platform as Platform,
    workspaceId: row.added_workspace ?? "",
    channelId: row.added_channel ?? "",
  };
}

function toRecord(row: FeedRow): FeedRecord {
  return {
    id: row.id,
    url: row.url,
    title: row.title,
    addedBy: owner(row),
    addedAt: row.added_at,
    etag: row.etag,
    lastModified: row.last_modified,
    lastPolledAt: row.last_polled_at,
    lastSuccessAt: row.last_success_at,
    lastError: row.last_error,
    lastErrorAt: row.last_error_at,
    consecutiveErrors: row.consecutive_errors,
    nextPollAt: row.next_poll_at,
    itemsSeen: row.items_seen,
    articlesAdded: row.articles_added,
  };
}

/** A URL that is not a valid feed URL names no stored feed. */
function lookupKey(url: string): string | null {
  try {
    return normaliseFeedUrl(url);
  } catch {
    return null;
  }
}

/** Most feeds carry tens of items; ids are checked in batches below SQLite's parameter limit. */
const BATCH = 500;

/** The FeedStore of a SqliteStore, on the same connection. */
export class SqliteFeeds implements FeedStore {
  readonly #db: Database.Database;

  constructor(db: Database.Database) {
    this.#db = db;
  }

  #run<T>(op: string, fn: (db: Database.Database) => T): Promise<T> {
    try {
      return Promise.resolve(fn(this.#db));
    } catch (err) {
      return Promise.reject(wrap(`feeds.${op}`, err));
    }
  }

  #byUrl(db: Database.Database, url: string): FeedRecord | null {
    const row = db.prepare("SELECT * FROM feeds WHERE url = ?").get(url) as FeedRow | undefined;
    return row ? toRecord(row) : null;
  }

  add(feed: NewFeed): Promise<{ added: boolean; feed: FeedRecord }> {
    return this.#run("add", (db) => {
      const url = normaliseFeedUrl(feed.url);
      const by = feed.addedBy;
      const result = db
        .prepare(
          `INSERT INTO feeds (url, title, added_platform, added_workspace, added_channel, added_at, next_poll_at)
           VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`,
        )
        .run(
          url,
          feed.title ?? null,
          by === "cli" ? "cli" : by.platform,
          by === "cli" ? null : by.workspaceId,
          by === "cli" ? null : by.channelId,
          feed.now,
          feed.now,
        );
      const stored = this.#byUrl(db, url);
      if (!stored) throw new Error(`feed ${url} vanished after insert`);
      return { added: result.changes > 0, feed: stored };
    });
  }

  get(url: string): Promise<FeedRecord | null> {
    return this.#run("get", (db) => {
      const key = lookupKey(url);
      return key === null ? null : this.#byUrl(db, key);
    });
  }

  list(): Promise<FeedRecord[]> {
    return this.#run("list", (db) =>
      (db.prepare("SELECT * FROM feeds ORDER BY id").all() as FeedRow[]).map(toRecord),
    );
  }

  remove(url: string): Promise<boolean> {
    return this.#run("remove", (db) => {
      const key = lookupKey(url);
      return key !== null && db.prepare("DELETE FROM feeds WHERE url = ?").run(key).changes > 0;
    });
  }

  due(now: string): Promise<FeedRecord[]> {
    return this.#run("due", (db) =>
      (
        db
          .prepare("SELECT * FROM feeds WHERE next_poll_at <= ? ORDER BY next_poll_at, id")
          .all(now) as FeedRow[]
      ).map(toRecord),
    );
  }

  recordSuccess(id: number, s: FeedSuccess): Promise<void> {
    return this.#run("recordSuccess", (db) => {
      db.prepare(
        `UPDATE feeds SET last_polled_at = @at, last_success_at = @at, consecutive_errors = 0,
           next_poll_at = @next, articles_added = articles_added + @added,
           etag = CASE WHEN @notModified THEN etag ELSE @etag END,
           last_modified = CASE WHEN @notModified THEN last_modified ELSE @lastModified END,
           items_seen = CASE WHEN @notModified THEN items_seen ELSE @items END,
           title = coalesce(@title, title)
         WHERE id = @id`,
      ).run({
        id,
        at: s.at,
        next: s.nextPollAt,
        added: s.articlesAdded ?? 0,
        notModified: s.notModified ? 1 : 0,
        etag: s.etag ?? null,
        lastModified: s.lastModified ?? null,
        items: s.itemsSeen ?? 0,
        title: s.title || null,
      });
    });
  }

  recordError(id: number, f: FeedFailure): Promise<void> {
    return this.#run("recordError", (db) => {
      db.prepare(
        `UPDATE feeds SET last_polled_at = ?, last_error = ?, last_error_at = ?, consecutive_errors = ?,
           next_poll_at = ? WHERE id = ?`,
      ).run(f.at, f.message, f.at, f.consecutiveErrors, f.nextPollAt, id);
    });
  }

  pendingItems(id: number, itemIds: string[]): Promise<string[]> {
    return this.#run("pendingItems", (db) => {
      const settled = new Set<string>();
      for (let i = 0; i < itemIds.length; i += BATCH) {
        const batch = itemIds.slice(i, i + BATCH);
        const rows = db
          .prepare(
            `SELECT item_id FROM feed_items WHERE feed_id = ? AND (failures = 0 OR failures >= ?)
               AND item_id IN (${batch.map(() => "?").join(",")})`,
          )
          .pluck()
          .all(id, MAX_ITEM_ATTEMPTS, ...batch) as string[];
        for (const r of rows) settled.add(r);
      }
      return [...new Set(itemIds)].filter((item) => !settled.has(item));
    });
  }

  recordItems(id: number, outcome: ItemOutcome, currentIds: string[], at: string): Promise<void> {
    return this.#run("recordItems", (db) => {
      const done = db.prepare(
        `INSERT INTO feed_items (feed_id, item_id, seen_at, failures) VALUES (?, ?, ?, 0)
         ON CONFLICT DO UPDATE SET failures = 0`,
      );
      const failed = db.prepare(
        `INSERT INTO feed_items (feed_id, item_id, seen_at, failures) VALUES (?, ?, ?, 1)
         ON CONFLICT DO UPDATE SET failures = failures + 1`,
      );
      const existing = db.prepare("SELECT item_id FROM feed_items WHERE feed_id = ?").pluck();
      const forget = db.prepare("DELETE FROM feed_items WHERE feed_id = ? AND item_id = ?");
      const exists = db.prepare("SELECT 1 FROM feeds WHERE id = ?").pluck();
      db.transaction(() => {
        // A feed removed while it was polled keeps no item history.
        if (exists.get(id) === undefined) return;
        for (const item of outcome.done) done.run(id, item, at);
        for (const item of outcome.failed) failed.run(id, item, at);
        const keep = new Set([...currentIds, ...outcome.done, ...outcome.failed]);
        for (const item of existing.all(id) as string[]) if (!keep.has(item)) forget.run(id, item);
      })();
    });
  }
}
