import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import type { ChannelPoster, PostedMessage } from "../src/core/channel.js";
import { silentLogger } from "../src/logger.js";
import { AlertNotifier } from "../src/schedule/alerts.js";
import { openStore } from "../src/store/open-store.js";
import type { Store } from "../src/store/store.js";
import {
  channelEnv,
  GRAIN,
  ingestFixtures,
  recordingPoster,
  SLACK_GENERAL,
} from "./helpers/channel-fixtures.js";
import { tempDir } from "./helpers/ingest-env.js";
import { berlin8, cleanup, MINUTE, scheduler, setup } from "./helpers/scheduler-fixtures.js";

const KEY = "slack:T1:C-general|2026-05-05|08:00";

/** A poster whose posts wait until the test lets them through (a platform that is slow or rate-limiting). */
function slowPoster() {
  const posted: string[] = [];
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started = 0;
  const poster: ChannelPoster = {
    platform: "slack",
    async post(): Promise<PostedMessage> {
      started++;
      await gate;
      posted.push(`slow${posted.length + 1}`);
      return { id: `slow${posted.length}` };
    },
    async edit() {},
  };
  return { poster, posted, release, started: () => started };
}

/** Two processes on one database file, on one test clock. */
async function twoProcesses(start: string) {
  const path = join(tempDir().dir, "lease.db");
  const { clock } = await channelEnv(start);
  const [a, b] = [await openStore(path), await openStore(path)];
  cleanup.push(async () => {
    await a.close();
    await b.close();
  });
  return { a, b, clock };
}

describe("a claim held while a slow post is in flight", () => {
  it("is renewed, so another process does not post the same digest slot when the lease would have run out", async () => {
    const { a, b, clock } = await twoProcesses("2026-05-05T06:00:00Z");
    await a.channels.setDigest(SLACK_GENERAL, berlin8, "2026-05-01T00:00:00Z");
    const slow = slowPoster();
    const other = recordingPoster("slack");
    const sa = scheduler(a, clock.now, slow.poster, { owner: "process-a", renewEveryMs: 5 });
    const sb = scheduler(b, clock.now, other.poster, { owner: "process-b" });
    const first = sa.tick();
    cleanup.unshift(async () => slow.release());
    await vi.waitFor(() => expect(slow.started()).toBe(1));
    // The post takes longer than the 10-minute lease.
    clock.advance(11 * MINUTE);
    await vi.waitFor(async () => {
      const slot = await b.channels.getSlot(KEY);
      expect(Date.parse(slot?.leaseUntil ?? "")).toBeGreaterThan(clock.now().getTime());
    });
    expect((await sb.tick()).sent).toEqual([]);
    slow.release();
    expect((await first).sent).toEqual([KEY]);
    expect(other.posts).toEqual([]);
    expect(slow.posted).toEqual(["slow1"]);
    expect(await b.channels.getSlot(KEY)).toMatchObject({ state: "done", attempts: 1, messageId: "slow1" });
  });

  it("is renewed for a story alert, so another process does not post the same story again", async () => {
    const { a, b, clock } = await twoProcesses("2026-05-05T06:00:00Z");
    await a.channels.subscribe(SLACK_GENERAL, "tariffs", true, clock.now().toISOString());
    clock.advance(MINUTE);
    const ids = await ingestFixtures(a, clock.now, [GRAIN[0]]);
    const slow = slowPoster();
    const other = recordingPoster("slack");
    const notifier = (store: Store, poster: ChannelPoster, owner: string, renewEveryMs?: number) =>
      new AlertNotifier({
        store,
        posters: [poster],
        now: clock.now,
        logger: silentLogger,
        owner,
        ...(renewEveryMs ? { renewEveryMs } : {}),
      });
    const first = notifier(a, slow.poster, "process-a", 5).process(ids);
    cleanup.unshift(async () => {
      slow.release();
      await first;
    });
    await vi.waitFor(() => expect(slow.started()).toBe(1));
    clock.advance(11 * MINUTE);
    const [storyId = ""] = (await a.storiesOfArticles(ids)).values();
    await vi.waitFor(async () => {
      const leases = await b.channels.retryableAlerts(clock.now().toISOString(), 5);
      expect(leases.map((r) => r.storyId)).not.toContain(storyId);
    });
    expect((await notifier(b, other.poster, "process-b").tick()).posted).toBe(0);
    slow.release();
    expect((await first).posted).toBe(1);
    expect(other.posts).toEqual([]);
    expect(slow.posted).toEqual(["slow1"]);
  });
});

describe("a digest that cannot be built", () => {
  it("releases its claim at once and is retried on the next tick, not after the lease", async () => {
    const { store, clock } = await setup("2026-05-05T06:00:00Z", berlin8);
    let failures = 1;
    const flaky = new Proxy(store, {
      get(target, prop, receiver) {
        if (prop === "getStories" && failures > 0) {
          return async () => {
            failures--;
            throw new Error("the database is busy");
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    await ingestFixtures(store, clock.now, [GRAIN[0]]);
    const { poster, posts } = recordingPoster("slack");
    const s = scheduler(flaky, clock.now, poster);
    expect(await s.tick()).toMatchObject({ sent: [], failed: [KEY] });
    expect(await store.channels.getSlot(KEY)).toMatchObject({
      state: "failed",
      lastError: expect.stringContaining("the database is busy"),
    });
    clock.advance(MINUTE);
    expect((await s.tick()).sent).toEqual([KEY]);
    expect(posts.length).toBe(1);
  });
});
