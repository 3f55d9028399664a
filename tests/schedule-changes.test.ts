import { describe, expect, it } from "vitest";
import type { CommandContext } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { DigestSchedule } from "../src/store/channels.js";
import { recordingPoster, SLACK_GENERAL } from "./helpers/channel-fixtures.js";
import { berlin8, MINUTE, scheduler, setup } from "./helpers/scheduler-fixtures.js";

const admin: CommandContext = {
  platform: "slack",
  workspaceId: "T1",
  channelId: "C-general",
  canManageChannel: true,
};

describe("a schedule changed between ticks", () => {
  it("sends the first digest in a new zone although a digest of the same local date went out in the old one", async () => {
    const tokyo: DigestSchedule = { time: "08:00", zone: "Asia/Tokyo", days: "daily" };
    // 08:00 on 5 May in Tokyo is 23:00 UTC on 4 May.
    const { store, clock, deps } = await setup("2026-05-04T23:00:10Z", tokyo);
    const { poster, posts } = recordingPoster("slack");
    const s = scheduler(store, clock.now, poster);
    expect((await s.tick()).sent).toEqual(["slack:T1:C-general|2026-05-05|08:00"]);
    clock.set("2026-05-05T01:00:00Z");
    await handleCommand("/digest 08:00 America/New_York", admin, deps);
    const status = await handleCommand("/digest status", admin, deps);
    const promised = status.sections.flatMap((x) => x.lines.map((l) => l.text));
    expect(promised).toContain("Next digest: Tue 5 May 2026, 08:00 GMT-4.");
    for (clock.set("2026-05-05T11:50:00Z"); clock.now() < new Date("2026-05-05T14:00:00Z"); ) {
      await s.tick();
      clock.advance(5 * MINUTE);
    }
    expect(posts.length).toBe(2);
    const sent = await store.channels.getDigest(SLACK_GENERAL);
    expect(sent?.lastSentAt).toBe("2026-05-05T12:00:00.000Z");
    // And only once: ticking on through the day adds nothing.
    for (; clock.now() < new Date("2026-05-05T23:00:00Z"); clock.advance(30 * MINUTE)) await s.tick();
    expect(posts.length).toBe(2);
  });

  it("does not send a slot twice when the digest is turned off and on again the same day", async () => {
    const { store, clock, deps } = await setup("2026-05-05T06:00:10Z", berlin8);
    const { poster, posts } = recordingPoster("slack");
    const s = scheduler(store, clock.now, poster);
    await s.tick();
    clock.set("2026-05-05T06:30:00Z");
    await handleCommand("/digest off", admin, deps);
    clock.set("2026-05-05T06:40:00Z");
    await handleCommand("/digest 08:00", admin, deps);
    for (; clock.now() < new Date("2026-05-06T05:50:00Z"); clock.advance(10 * MINUTE)) await s.tick();
    expect(posts.length).toBe(1);
  });

  it("runs a schedule set during its own slot minute from the next day, as /digest status says", async () => {
    const { store, clock, deps } = await setup("2026-05-05T06:00:20Z", berlin8, "2026-05-01T00:00:00Z");
    await store.channels.disableDigest(SLACK_GENERAL, "2026-05-04T00:00:00Z");
    await handleCommand("/digest 08:00 Europe/Berlin", admin, deps);
    const status = await handleCommand("/digest status", admin, deps);
    expect(status.sections.flatMap((x) => x.lines.map((l) => l.text))).toContain(
      "Next digest: Wed 6 May 2026, 08:00 CEST.",
    );
    const { poster, posts } = recordingPoster("slack");
    const s = scheduler(store, clock.now, poster);
    clock.set("2026-05-05T06:00:40Z");
    await s.tick();
    expect(posts).toEqual([]);
    clock.set("2026-05-06T06:00:05Z");
    expect((await s.tick()).sent).toEqual(["slack:T1:C-general|2026-05-06|08:00"]);
  });
});
