import type { Migration } from "./migrations.js";

/**
 * Channels: subscriptions, digest schedules, and the claims that make a digest slot or a story alert go out once
 * per channel, also with several processes on one database (the primary keys are the unique claim keys).
 */
export const CHANNELS_MIGRATION: Migration = {
  version: 3,
  name: "channels: subscriptions, digest schedules, digest slot and alert claims",
  sql: `
    CREATE TABLE channel_subscriptions (
      channel_key TEXT NOT NULL,
      platform TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      created_at TEXT NOT NULL,
      -- When per-story alerts were turned on; NULL when off.
      alerts_since TEXT,
      PRIMARY KEY (channel_key, topic)
    ) WITHOUT ROWID;
    CREATE INDEX channel_subscriptions_alerts ON channel_subscriptions (channel_key)
      WHERE alerts_since IS NOT NULL;

    CREATE TABLE channel_digests (
      channel_key TEXT PRIMARY KEY,
      platform TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      time TEXT NOT NULL,
      zone TEXT NOT NULL,
      days TEXT NOT NULL CHECK (days IN ('daily', 'weekdays')),
      enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
      updated_at TEXT NOT NULL,
      last_sent_at TEXT
    ) WITHOUT ROWID;

    -- One row per digest slot (channel + local date + time): claimed before it is sent.
    CREATE TABLE digest_slots (
      slot_key TEXT PRIMARY KEY,
      channel_key TEXT NOT NULL,
      slot_at TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('claimed', 'done', 'failed', 'skipped', 'abandoned')),
      attempts INTEGER NOT NULL,
      owner TEXT,
      lease_until TEXT,
      message_id TEXT,
      last_error TEXT,
      updated_at TEXT NOT NULL
    ) WITHOUT ROWID;

    -- One row per (channel, story) alerted: claimed before it is posted; article_ids is the JSON list shown.
    CREATE TABLE channel_alerts (
      channel_key TEXT NOT NULL,
      story_id TEXT NOT NULL,
      platform TEXT NOT NULL,
      workspace_id TEXT NOT NULL,
      channel_id TEXT NOT NULL,
      topic TEXT NOT NULL,
      state TEXT NOT NULL CHECK (state IN ('claimed', 'done', 'failed', 'skipped', 'abandoned')),
      attempts INTEGER NOT NULL,
      owner TEXT,
      lease_until TEXT,
      message_id TEXT,
      article_ids TEXT NOT NULL,
      last_error TEXT,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      PRIMARY KEY (channel_key, story_id)
    ) WITHOUT ROWID;
    CREATE INDEX channel_alerts_retry ON channel_alerts (state) WHERE state IN ('claimed', 'failed');

    -- Digests and alerts read what arrived since a time.
    CREATE INDEX articles_ingested ON articles (ingested_at);
  `,
};
