import { existsSync } from "node:fs";
import { join } from "node:path";
import { getTasks } from "node-cron";
import { describe, expect, it, vi } from "vitest";
import type { ChannelPoster } from "../src/core/channel.js";
import { openStore } from "../src/store/open-store.js";
import {
  channelEnv,
  FROST,
  ingestFixtures,
  recordingPoster,
  SLACK_GENERAL,
} from "./helpers/channel-fixtures.js";
import { tempDir } from "./helpers/ingest-env.js";
import { berlin8, cleanup, MINUTE, quiet, scheduler, setup } from "./helpers/scheduler-fixtures.js";

describe("restart catch-up", () => {
  it("sends a digest missed while down once at start when within the grace window", async () => {
    const { store, clock } = await setup("2026-05-05T07:30:00Z", berlin8);
    const { poster, posts } = recordingPoster("slack");
    const report = await scheduler(store, clock.now, poster).start();
    expect(report.sent).toEqual(["slack:T1:C-general|2026-05-05|08:00"]);
    const again = await scheduler(store, clock.now, poster).start();
    expect(again.sent).toEqual([]);
    expect(posts.length).toBe(1);
  });

  it("skips and logs a digest missed by more than the grace window", async () => {
    const { store, clock } = await setup("2026-05-05T08:30:00Z", berlin8);
    const { poster, posts } = recordingPoster("slack");
    const warnings: string[] = [];
    await scheduler(store, clock.now, poster, { logger: quiet(warnings) }).start();
    expect(posts).toEqual([]);
    expect(await store.channels.getSlot("slack:T1:C-general|2026-05-05|08:00")).toMatchObject({
      state: "skipped",
    });
    expect(warnings.some((w) => w.includes("older than the grace window"))).toBe(true);
  });

  it("uses the configured grace window, and sends only the latest of several missed digests", async () => {
    const { store, clock } = await setup("2026-05-05T08:30:00Z", berlin8);
    const { poster, posts } = recordingPoster("slack");
    const report = await scheduler(store, clock.now, poster, { graceMinutes: 27 * 60 }).start();
    expect(report.sent).toEqual(["slack:T1:C-general|2026-05-05|08:00"]);
    expect(report.skipped).toEqual(["slack:T1:C-general|2026-05-04|08:00"]);
    expect(posts.length).toBe(1);
  });
});

describe("two processes on one database", () => {
  it("send one digest per slot when both tick at the same instants", async () => {
    const path = join(tempDir().dir, "shared.db");
    const clock = (await channelEnv("2026-05-04T05:00:00Z")).clock;
    const [a, b] = [await openStore(path), await openStore(path)];
    cleanup.push(async () => {
      await a.close();
      await b.close();
    });
    await a.channels.setDigest(SLACK_GENERAL, berlin8, "2026-05-01T00:00:00Z");
    await ingestFixtures(a, clock.now, [FROST]);
    const one = recordingPoster("slack");
    const two = recordingPoster("slack");
    const sa = scheduler(a, clock.now, one.poster, { owner: "process-a" });
    const sb = scheduler(b, clock.now, two.poster, { owner: "process-b" });
    while (clock.now() < new Date("2026-05-07T12:00:00Z")) {
      await Promise.all([sa.tick(), sb.tick()]);
      clock.advance(30 * MINUTE);
    }
    // Slots at 08:00 Berlin on 4, 5, 6 and 7 May: four digests between the two processes, never two for one slot.
    expect(one.posts.length + two.posts.length).toBe(4);
    for (const date of ["2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07"]) {
      expect(await b.channels.getSlot(`slack:T1:C-general|${date}|08:00`)).toMatchObject({
        state: "done",
        attempts: 1,
      });
    }
    expect(existsSync(path)).toBe(true);
  });
});

describe("the node-cron job", () => {
  const digestTasks = () => [...getTasks().values()].filter((t) => t.name === "newsdesk-digests");

  it("runs a tick every minute once started, and is gone after stop()", async () => {
    const { store, clock } = await setup("2026-05-05T05:00:00Z", berlin8);
    const { poster, posts } = recordingPoster("slack");
    const s = scheduler(store, clock.now, poster);
    await s.start();
    const [task, ...others] = digestTasks();
    expect(others).toEqual([]);
    expect(task?.getPattern()).toBe("* * * * *");
    clock.set("2026-05-05T06:00:30Z");
    await task?.execute();
    expect(posts.length).toBe(1);
    await s.stop();
    expect(digestTasks()).toEqual([]);
  });

  it("is never left running when stop() comes while start() is still catching up", async () => {
    const { store, clock } = await setup("2026-05-05T06:00:00Z", berlin8);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    let posts = 0;
    const slow: ChannelPoster = {
      platform: "slack",
      async post() {
        posts++;
        await gate;
        return { id: "m1" };
      },
      async edit() {},
    };
    const s = scheduler(store, clock.now, slow);
    const starting = s.start();
    await vi.waitFor(() => expect(posts).toBe(1));
    const stopping = s.stop();
    release();
    await Promise.all([starting, stopping]);
    expect(digestTasks()).toEqual([]);
  });
});
