/** Every statement of the channel store, prepared once per connection. All values are bound parameters. */
import type Database from "better-sqlite3";

export interface ChannelCols {
  channel_key: string;
  platform: string;
  workspace_id: string;
  channel_id: string;
}

export interface SubscriptionRow {
  topic: string;
  created_at: string;
  alerts_since: string | null;
}

export interface DigestRow extends ChannelCols {
  time: string;
  zone: string;
  days: string;
  enabled: number;
  updated_at: string;
  last_sent_at: string | null;
}

export interface ClaimRow {
  state: string;
  attempts: number;
  lease_until: string | null;
}

export interface SlotRow extends ClaimRow {
  slot_key: string;
  channel_key: string;
  slot_at: string;
  message_id: string | null;
  last_error: string | null;
}

export interface AlertRow extends ClaimRow, ChannelCols {
  story_id: string;
  topic: string;
  message_id: string | null;
  article_ids: string;
}

/** Claim columns, bound in this order: state, attempts, owner, lease_until, updated_at. */
const CLAIM_SET = "state = ?, attempts = ?, owner = ?, lease_until = ?, updated_at = ?";

export function prepareChannelStatements(db: Database.Database) {
  return {
    subscribe: db.prepare<[string, string, string, string, string, string, string | null]>(
      `INSERT INTO channel_subscriptions
         (channel_key, platform, workspace_id, channel_id, topic, created_at, alerts_since)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    ),
    subscription: db.prepare<[string, string], SubscriptionRow>(
      "SELECT topic, created_at, alerts_since FROM channel_subscriptions WHERE channel_key = ? AND topic = ?",
    ),
    setAlerts: db.prepare<[string | null, string, string]>(
      "UPDATE channel_subscriptions SET alerts_since = ? WHERE channel_key = ? AND topic = ?",
    ),
    unsubscribe: db.prepare<[string, string]>(
      "DELETE FROM channel_subscriptions WHERE channel_key = ? AND topic = ?",
    ),
    subscriptions: db.prepare<[string], SubscriptionRow>(
      `SELECT topic, created_at, alerts_since FROM channel_subscriptions WHERE channel_key = ?
       ORDER BY created_at, topic`,
    ),
    alertSubscriptions: db.prepare<[], SubscriptionRow & ChannelCols>(
      `SELECT channel_key, platform, workspace_id, channel_id, topic, created_at, alerts_since
       FROM channel_subscriptions WHERE alerts_since IS NOT NULL ORDER BY channel_key, created_at, topic`,
    ),

    setDigest: db.prepare<[string, string, string, string, string, string, string, string]>(
      `INSERT INTO channel_digests
         (channel_key, platform, workspace_id, channel_id, time, zone, days, enabled, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, 1, ?)
       ON CONFLICT (channel_key) DO UPDATE SET time = excluded.time, zone = excluded.zone,
         days = excluded.days, enabled = 1, updated_at = excluded.updated_at`,
    ),
    disableDigest: db.prepare<[string, string]>(
      "UPDATE channel_digests SET enabled = 0, updated_at = ? WHERE channel_key = ? AND enabled = 1",
    ),
    digest: db.prepare<[string], DigestRow>("SELECT * FROM channel_digests WHERE channel_key = ?"),
    enabledDigests: db.prepare<[], DigestRow>(
      "SELECT * FROM channel_digests WHERE enabled = 1 ORDER BY channel_key",
    ),
    digestSent: db.prepare<[string, string]>(
      "UPDATE channel_digests SET last_sent_at = ? WHERE channel_key = ?",
    ),
    /** A digest sent in a channel that may have no schedule: kept as an unscheduled (off) row. */
    recordSent: db.prepare<[string, string, string, string, string, string]>(
      `INSERT INTO channel_digests
         (channel_key, platform, workspace_id, channel_id, time, zone, days, enabled, updated_at, last_sent_at)
       VALUES (?, ?, ?, ?, '08:00', 'UTC', 'daily', 0, ?, ?)
       ON CONFLICT (channel_key) DO UPDATE SET last_sent_at = excluded.last_sent_at`,
    ),

    slot: db.prepare<[string], SlotRow>("SELECT * FROM digest_slots WHERE slot_key = ?"),
    insertSlot: db.prepare<[string, string, string, string, number, string | null, string | null, string]>(
      `INSERT INTO digest_slots (slot_key, channel_key, slot_at, state, attempts, owner, lease_until, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slot_key) DO NOTHING`,
    ),
    reclaimSlot: db.prepare<[string, number, string | null, string | null, string, string]>(
      `UPDATE digest_slots SET ${CLAIM_SET} WHERE slot_key = ?`,
    ),
    completeSlot: db.prepare<[string, string, string, string]>(
      `UPDATE digest_slots SET state = 'done', message_id = ?, lease_until = NULL, last_error = NULL,
         updated_at = ? WHERE slot_key = ? AND owner = ? AND state = 'claimed'`,
    ),
    renewSlot: db.prepare<[string, string, string, string]>(
      `UPDATE digest_slots SET lease_until = ?, updated_at = ?
       WHERE slot_key = ? AND owner = ? AND state = 'claimed'`,
    ),
    failSlot: db.prepare<[string, string, string, string]>(
      `UPDATE digest_slots SET state = 'failed', last_error = ?, lease_until = NULL, updated_at = ?
       WHERE slot_key = ? AND owner = ? AND state = 'claimed'`,
    ),

    alert: db.prepare<[string, string], AlertRow>(
      "SELECT * FROM channel_alerts WHERE channel_key = ? AND story_id = ?",
    ),
    /** (channel_key, JSON array of article ids): an alert of the channel showing any of them. */
    alertByArticles: db.prepare<[string, string], AlertRow>(
      `SELECT a.* FROM channel_alerts a WHERE a.channel_key = ? AND EXISTS (
         SELECT 1 FROM json_each(a.article_ids) j WHERE j.value IN (SELECT value FROM json_each(?)))
       ORDER BY a.created_at LIMIT 1`,
    ),
    insertAlert: db.prepare<
      [string, string, string, string, string, string, string, string, string, string, string]
    >(
      `INSERT INTO channel_alerts (channel_key, story_id, platform, workspace_id, channel_id, topic, state,
         attempts, owner, lease_until, article_ids, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, 'claimed', 1, ?, ?, ?, ?, ?) ON CONFLICT (channel_key, story_id) DO NOTHING`,
    ),
    reclaimAlert: db.prepare<[string, number, string | null, string | null, string, string, string]>(
      `UPDATE channel_alerts SET ${CLAIM_SET} WHERE channel_key = ? AND story_id = ?`,
    ),
    completeAlert: db.prepare<[string, string, string, string, string]>(
      `UPDATE channel_alerts SET state = 'done', message_id = ?, lease_until = NULL, last_error = NULL,
         updated_at = ? WHERE channel_key = ? AND story_id = ? AND owner = ? AND state = 'claimed'`,
    ),
    failAlert: db.prepare<[string, string, string, string, string]>(
      `UPDATE channel_alerts SET state = 'failed', last_error = ?, lease_until = NULL, updated_at = ?
       WHERE channel_key = ? AND story_id = ? AND owner = ? AND state = 'claimed'`,
    ),
    renewAlert: db.prepare<[string, string, string, string, string]>(
      `UPDATE channel_alerts SET lease_until = ?, updated_at = ?
       WHERE channel_key = ? AND story_id = ? AND owner = ? AND state = 'claimed'`,
    ),
    abandonAlert: db.prepare<[string, string, string, string]>(
      `UPDATE channel_alerts SET state = 'abandoned', lease_until = NULL, updated_at = ?
       WHERE channel_key = ? AND story_id = ? AND (state = 'failed' OR (state = 'claimed' AND lease_until < ?))`,
    ),
    updateAlertArticles: db.prepare<[string, string, string, string, string]>(
      `UPDATE channel_alerts SET article_ids = ?, updated_at = ?
       WHERE channel_key = ? AND story_id = ? AND article_ids = ? AND state = 'done'`,
    ),
    /** `platforms`: a JSON array of platforms, or null for all. */
    retryableAlerts: db.prepare<[{ max: number; now: string; platforms: string | null }], AlertRow>(
      `SELECT * FROM channel_alerts WHERE attempts < @max AND
         (state = 'failed' OR (state = 'claimed' AND lease_until < @now)) AND
         (@platforms IS NULL OR platform IN (SELECT value FROM json_each(@platforms)))
       ORDER BY created_at LIMIT 100`,
    ),

    newsSince: db.prepare<[string, number], { id: string; story: string | null; ingested_at: string }>(
      `SELECT a.id, s.id AS story, a.ingested_at FROM articles a
         LEFT JOIN story_articles sa ON sa.article_seq = a.seq LEFT JOIN stories s ON s.seq = sa.story_seq
       WHERE a.ingested_at >= ? ORDER BY a.ingested_at DESC, a.seq DESC LIMIT ?`,
    ),
    firstSeen: db.prepare<[string], { story: string; first: string }>(
      `SELECT s.id AS story, min(a.ingested_at) AS first FROM stories s
         JOIN story_articles sa ON sa.story_seq = s.seq JOIN articles a ON a.seq = sa.article_seq
       WHERE s.id IN (SELECT value FROM json_each(?)) GROUP BY s.id`,
    ),
  };
}

export type ChannelStatements = ReturnType<typeof prepareChannelStatements>;
