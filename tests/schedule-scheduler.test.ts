import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { DigestSchedule } from "../src/store/channels.js";
import { GRAIN, ingestFixtures, recordingPoster, SLACK_GENERAL } from "./helpers/channel-fixtures.js";
import { tempDir } from "./helpers/ingest-env.js";
import { berlin8, MINUTE, quiet, scheduler, setup } from "./helpers/scheduler-fixtures.js";

describe("DigestScheduler.tick", () => {
  it("posts the digest at its slot in the channel's zone, once, and archives it", async () => {
    const { store, clock } = await setup("2026-05-05T05:59:00Z", berlin8);
    await ingestFixtures(store, clock.now, GRAIN);
    const { poster, posts } = recordingPoster("slack");
    const dir = tempDir().dir;
    const s = scheduler(store, clock.now, poster, { briefingsDir: dir });
    expect((await s.tick()).sent).toEqual([]);
    clock.set("2026-05-05T06:00:20Z");
    expect((await s.tick()).sent).toEqual(["slack:T1:C-general|2026-05-05|08:00"]);
    clock.advance(MINUTE);
    await s.tick();
    expect(posts.length).toBe(1);
    expect(posts[0]?.channel).toEqual(SLACK_GENERAL);
    expect(posts[0]?.reply).toMatchObject({ kind: "brief", title: "Digest" });
    expect(readdirSync(dir)).toEqual(["2026-05-05-slack-C-general.md"]);
    const slot = await store.channels.getSlot("slack:T1:C-general|2026-05-05|08:00");
    expect(slot).toMatchObject({ state: "done", attempts: 1, messageId: "m1" });
    expect((await store.channels.getDigest(SLACK_GENERAL))?.lastSentAt).toBe("2026-05-05T06:00:20.000Z");
  });

  it("does not send a slot that passed before the schedule was set", async () => {
    const { store, clock } = await setup("2026-05-05T07:00:00Z", berlin8, "2026-05-05T06:30:00Z");
    const { poster, posts } = recordingPoster("slack");
    await scheduler(store, clock.now, poster).tick();
    expect(posts).toEqual([]);
  });

  it("retries a failed post on the next tick and posts exactly once", async () => {
    const { store, clock } = await setup("2026-05-05T06:00:00Z", berlin8);
    const { poster, posts } = recordingPoster("slack", 2);
    const warnings: string[] = [];
    const s = scheduler(store, clock.now, poster, { logger: quiet(warnings) });
    const reports = [];
    for (let i = 0; i < 4; i++) {
      reports.push(await s.tick());
      clock.advance(MINUTE);
    }
    expect(reports.map((r) => [r.failed.length, r.sent.length])).toEqual([
      [1, 0],
      [1, 0],
      [0, 1],
      [0, 0],
    ]);
    expect(posts.length).toBe(1);
    expect(warnings.filter((w) => w.includes("post failed")).length).toBe(2);
    expect(await store.channels.getSlot("slack:T1:C-general|2026-05-05|08:00")).toMatchObject({
      state: "done",
      attempts: 3,
    });
  });

  it("gives up on a slot after the last allowed attempt", async () => {
    const { store, clock } = await setup("2026-05-05T06:00:00Z", berlin8);
    const { poster, posts } = recordingPoster("slack", 99);
    const s = scheduler(store, clock.now, poster, { maxAttempts: 3 });
    let failed = 0;
    for (let i = 0; i < 6; i++) {
      failed += (await s.tick()).failed.length;
      clock.advance(MINUTE);
    }
    expect(failed).toBe(3);
    expect(posts).toEqual([]);
    expect(await store.channels.getSlot("slack:T1:C-general|2026-05-05|08:00")).toMatchObject({
      state: "abandoned",
    });
  });

  it("takes over a slot whose claimer vanished once its lease ran out", async () => {
    const { store, clock } = await setup("2026-05-05T06:00:00Z", berlin8);
    const key = "slack:T1:C-general|2026-05-05|08:00";
    const terms = { owner: "crashed", now: clock.now().toISOString(), leaseMs: 10 * MINUTE, maxAttempts: 5 };
    expect(await store.channels.claimSlot(key, SLACK_GENERAL, "2026-05-05T06:00:00.000Z", terms)).toEqual({
      claimed: true,
      attempt: 1,
    });
    const { poster, posts } = recordingPoster("slack");
    const s = scheduler(store, clock.now, poster);
    clock.advance(5 * MINUTE);
    await s.tick();
    expect(posts.length).toBe(0);
    clock.advance(6 * MINUTE);
    await s.tick();
    expect(posts.length).toBe(1);
    expect(await store.channels.getSlot(key)).toMatchObject({ state: "done", attempts: 2 });
  });

  it("leaves channels of a platform it has no poster for to the process that has one", async () => {
    const { store, clock } = await setup("2026-05-05T06:00:00Z", berlin8);
    const { poster, posts } = recordingPoster("discord");
    await scheduler(store, clock.now, poster).tick();
    expect(posts).toEqual([]);
    expect(await store.channels.getSlot("slack:T1:C-general|2026-05-05|08:00")).toBeNull();
  });

  it("sends one digest per local day when ticking through a week of weekdays, skipping the weekend", async () => {
    const weekdays: DigestSchedule = { time: "07:00", zone: "Pacific/Auckland", days: "weekdays" };
    const { store, clock } = await setup("2026-05-03T00:00:00Z", weekdays);
    const { poster, posts } = recordingPoster("slack");
    const s = scheduler(store, clock.now, poster);
    while (clock.now() < new Date("2026-05-10T12:00:00Z")) {
      await s.tick();
      clock.advance(15 * MINUTE);
    }
    expect(posts.length).toBe(5);
    const dates = [];
    for (const date of [
      "2026-05-04",
      "2026-05-05",
      "2026-05-06",
      "2026-05-07",
      "2026-05-08",
      "2026-05-09",
      "2026-05-10",
    ]) {
      const slot = await store.channels.getSlot(`slack:T1:C-general|${date}|07:00`);
      if (slot?.state === "done") dates.push(date);
    }
    expect(dates).toEqual(["2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-08"]);
  });

  it("sends one digest a day across Lord Howe Island's half-hour clock changes", async () => {
    // 5 April 2026: 02:00 goes back to 01:30 (01:45 happens twice); 4 October 2026: 02:00 jumps to 02:30.
    for (const [time, from, to, transition] of [
      ["01:45", "2026-04-03T12:00:00Z", "2026-04-06T12:00:00Z", "2026-04-05"],
      ["02:15", "2026-10-02T12:00:00Z", "2026-10-05T12:00:00Z", "2026-10-04"],
    ] as const) {
      const { store, clock } = await setup(from, { time, zone: "Australia/Lord_Howe", days: "daily" }, from);
      const { poster, posts } = recordingPoster("slack");
      const s = scheduler(store, clock.now, poster);
      while (clock.now() < new Date(to)) {
        await s.tick();
        clock.advance(5 * MINUTE);
      }
      expect(posts.length).toBe(3);
      expect((await store.channels.getSlot(`slack:T1:C-general|${transition}|${time}`))?.state).toBe("done");
    }
  });

  it("sends exactly one digest on a spring-forward day and one on a fall-back day", async () => {
    for (const [time, from, to, transition] of [
      ["02:30", "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z", "2026-03-08"],
      ["01:30", "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z", "2026-11-01"],
    ] as const) {
      const { store, clock } = await setup(from, { time, zone: "America/New_York", days: "daily" }, from);
      const { poster, posts } = recordingPoster("slack");
      const s = scheduler(store, clock.now, poster);
      while (clock.now() < new Date(to)) {
        await s.tick();
        clock.advance(10 * MINUTE);
      }
      expect(posts.length).toBe(3);
      const slot = await store.channels.getSlot(`slack:T1:C-general|${transition}|${time}`);
      expect(slot?.state).toBe("done");
    }
  });
});
