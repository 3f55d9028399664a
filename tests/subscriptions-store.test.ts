import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelRef } from "../src/core/channel.js";
import { channelKey } from "../src/store/channels.js";
import type { Store } from "../src/store/store.js";
import {
  channelEnv,
  GRAIN,
  ingestFixtures,
  SLACK_GENERAL,
  SLACK_NEWS,
  type testClock,
} from "./helpers/channel-fixtures.js";
import { tempDir } from "./helpers/ingest-env.js";

let store: Store;
let clock: ReturnType<typeof testClock>;
beforeEach(async () => {
  ({ store, clock } = await channelEnv("2026-05-05T06:00:00Z"));
});
afterEach(async () => {
  await store.close();
});

const terms = (owner: string, now: string, maxAttempts = 3) => ({ owner, now, leaseMs: 60_000, maxAttempts });

describe("SQLite channel store", () => {
  it("applies migration version 3 and keeps hostile text verbatim through bound parameters", async () => {
    const path = join(tempDir().dir, "v3.db");
    const { store: s } = await channelEnv("2026-05-05T06:00:00Z", path);
    const hostile: ChannelRef = {
      platform: "slack",
      workspaceId: "T'; DROP TABLE articles; --",
      channelId: 'C"1',
    };
    await s.channels.subscribe(
      hostile,
      "x'); DELETE FROM channel_subscriptions; --",
      false,
      "2026-05-05T06:00:00Z",
    );
    expect((await s.channels.subscriptions(hostile)).map((x) => x.topic)).toEqual([
      "x'); DELETE FROM channel_subscriptions; --",
    ]);
    await s.close();
    const db = new Database(path, { readonly: true });
    const versions = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
    expect(versions).toContain(3);
    expect(db.prepare("SELECT count(*) FROM articles").pluck().get()).toBe(0);
    db.close();
  });

  it("keeps alerts' start when re-subscribed with alerts, and channels apart", async () => {
    const first = await store.channels.subscribe(SLACK_GENERAL, "tariffs", true, "2026-05-05T06:00:00.000Z");
    const again = await store.channels.subscribe(SLACK_GENERAL, "tariffs", true, "2026-05-06T06:00:00.000Z");
    expect(first.created).toBe(true);
    expect(again).toMatchObject({
      created: false,
      subscription: { alertsSince: "2026-05-05T06:00:00.000Z" },
    });
    expect(await store.channels.subscriptions(SLACK_NEWS)).toEqual([]);
    expect((await store.channels.alertSubscriptions()).map((a) => a.channel)).toEqual([SLACK_GENERAL]);
  });

  it("stores, lists, turns off and records digests", async () => {
    await store.channels.setDigest(
      SLACK_GENERAL,
      { time: "08:00", zone: "UTC", days: "daily" },
      "2026-05-05T06:00:00Z",
    );
    expect((await store.channels.enabledDigests()).map((d) => d.channel)).toEqual([SLACK_GENERAL]);
    expect(await store.channels.disableDigest(SLACK_GENERAL, "2026-05-05T07:00:00Z")).toBe(true);
    expect(await store.channels.disableDigest(SLACK_GENERAL, "2026-05-05T07:00:00Z")).toBe(false);
    expect(await store.channels.enabledDigests()).toEqual([]);
    await store.channels.recordDigestSent(SLACK_NEWS, "2026-05-05T09:00:00Z");
    expect(await store.channels.getDigest(SLACK_NEWS)).toMatchObject({
      enabled: false,
      lastSentAt: "2026-05-05T09:00:00Z",
    });
  });

  it("lets one owner hold a slot claim; a failed one is retried up to the limit, a sent one never again", async () => {
    const key = `${channelKey(SLACK_GENERAL)}|2026-05-05|08:00`;
    const at = "2026-05-05T08:00:00Z";
    const claim = (owner: string, now: string) =>
      store.channels.claimSlot(key, SLACK_GENERAL, at, terms(owner, now));
    expect(await claim("a", "2026-05-05T08:00:00Z")).toEqual({ claimed: true, attempt: 1 });
    expect(await claim("b", "2026-05-05T08:00:10Z")).toEqual({ claimed: false, state: "claimed" });
    await store.channels.failSlot(key, "a", "timeout", "2026-05-05T08:00:20Z");
    expect(await claim("b", "2026-05-05T08:01:00Z")).toEqual({ claimed: true, attempt: 2 });
    expect(await store.channels.completeSlot(key, "a", "m0", "2026-05-05T08:01:01Z")).toBe(false);
    expect(await store.channels.completeSlot(key, "b", "m1", "2026-05-05T08:01:02Z")).toBe(true);
    expect(await claim("c", "2026-05-05T09:00:00Z")).toEqual({ claimed: false, state: "done" });
    expect(await store.channels.skipSlot(key, SLACK_GENERAL, at, "2026-05-05T09:00:00Z")).toBe(false);
    expect(await store.channels.getSlot(key)).toMatchObject({ state: "done", attempts: 2, messageId: "m1" });
  });

  it("finds a channel's alert by story or, after stories were re-grouped, by any shared article", async () => {
    const t = terms("a", "2026-05-05T08:00:00Z");
    expect(await store.channels.claimAlert(SLACK_GENERAL, "story-1", "tariffs", ["a1", "a2"], t)).toEqual({
      claimed: true,
      attempt: 1,
    });
    expect(
      await store.channels.claimAlert(SLACK_GENERAL, "story-1", "tariffs", ["a1"], terms("b", t.now)),
    ).toEqual({
      claimed: false,
      state: "claimed",
    });
    await store.channels.completeAlert(SLACK_GENERAL, "story-1", "a", "m1", t.now);
    const found = await store.channels.findAlert(SLACK_GENERAL, "story-9", ["a2", "a3"]);
    expect(found).toMatchObject({
      storyId: "story-1",
      messageId: "m1",
      articleIds: ["a1", "a2"],
      state: "done",
    });
    expect(await store.channels.findAlert(SLACK_NEWS, "story-1", ["a1"])).toBeNull();
    const grow = (from: string[], to: string[]) =>
      store.channels.updateAlertArticles(SLACK_GENERAL, "story-1", from, to, t.now);
    expect(await grow(["a1", "a2"], ["a1", "a2", "a3"])).toBe(true);
    expect(await grow(["a1", "a2"], ["a1", "a2", "a4"])).toBe(false);
  });

  it("lists what was ingested since a time with its story, and when each story first appeared", async () => {
    const first = await ingestFixtures(store, clock.now, [GRAIN[0]]);
    clock.advance(3_600_000);
    const second = await ingestFixtures(store, clock.now, [GRAIN[1]]);
    const rows = await store.channels.newsSince("2026-05-05T06:30:00.000Z", 10);
    expect(rows.map((r) => r.articleId)).toEqual(second);
    const storyId = rows[0]?.storyId ?? "";
    expect(storyId).not.toBe("");
    expect((await store.channels.newsSince("2026-05-05T00:00:00Z", 10)).map((r) => r.articleId)).toEqual([
      ...second,
      ...first,
    ]);
    expect(await store.channels.storiesFirstSeen([storyId, "story-unknown"])).toEqual(
      new Map([[storyId, "2026-05-05T06:00:00.000Z"]]),
    );
  });
});
