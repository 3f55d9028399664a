import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { ChannelRef } from "../src/core/channel.js";
import { parseDigestArgs } from "../src/core/commands/digest.js";
import type { CommandContext, CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Reply } from "../src/core/reply.js";
import {
  channelEnv,
  FROST,
  GRAIN,
  ingestFixtures,
  SLACK_GENERAL,
  type testClock,
} from "./helpers/channel-fixtures.js";

const admin: CommandContext = {
  platform: "slack",
  workspaceId: "T1",
  channelId: "C-general",
  canManageChannel: true,
};
const lines = (reply: Reply) => reply.sections.flatMap((s) => s.lines.map((l) => l.text));

describe("parseDigestArgs", () => {
  it("reads a time, an optional IANA zone and daily/weekdays in any order", () => {
    expect(parseDigestArgs("8:05")).toEqual({ kind: "set", time: "08:05" });
    expect(parseDigestArgs("07:30 weekdays europe/berlin")).toEqual({
      kind: "set",
      time: "07:30",
      zone: "Europe/Berlin",
      days: "weekdays",
    });
    expect(parseDigestArgs("23:59 America/Mexico_City daily")).toMatchObject({ zone: "America/Mexico_City" });
  });

  it("reads off, now and status, and status when empty", () => {
    expect(parseDigestArgs("OFF")).toEqual({ kind: "off" });
    expect(parseDigestArgs("now")).toEqual({ kind: "now" });
    expect(parseDigestArgs("")).toEqual({ kind: "status" });
  });

  it("names what is wrong in one line", () => {
    expect(parseDigestArgs("25:00")).toEqual({
      kind: "error",
      message: "“25:00” is not a time: give a 24-hour HH:MM such as 08:00.",
    });
    expect(parseDigestArgs("8am")).toMatchObject({
      kind: "error",
      message: expect.stringContaining("not a time"),
    });
    expect(parseDigestArgs("08:00 Mars/Olympus")).toMatchObject({
      kind: "error",
      message: expect.stringContaining("“Mars/Olympus” is not an IANA time zone"),
    });
    expect(parseDigestArgs("08:00 +05:00")).toMatchObject({ kind: "error" });
    expect(parseDigestArgs("<!channel> @everyone")).toEqual({
      kind: "error",
      message: "“channel” is not a time: give a 24-hour HH:MM such as 08:00.",
    });
    expect(parseDigestArgs("08:00 UTC Europe/Berlin")).toMatchObject({
      kind: "error",
      message: "Give one time zone.",
    });
    expect(parseDigestArgs("08:00 daily weekdays")).toMatchObject({ kind: "error" });
    expect(parseDigestArgs("off now")).toMatchObject({ kind: "error" });
    for (const r of [parseDigestArgs("25:00"), parseDigestArgs("08:00 Nowhere")]) {
      expect(r.kind === "error" && r.message.includes("\n")).toBe(false);
    }
  });
});

describe("/digest", () => {
  let deps: CoreDeps;
  let clock: ReturnType<typeof testClock>;
  beforeEach(async () => {
    ({ deps, clock } = await channelEnv("2026-05-08T05:00:00Z"));
  });
  afterEach(async () => {
    await deps.store.close();
  });

  it("stores the schedule and says when the next digest comes, in the channel's zone", async () => {
    const reply = await handleCommand("/digest 08:00 Europe/Berlin weekdays", admin, deps);
    expect(reply).toMatchObject({ kind: "notice", title: "Digest scheduled" });
    // Friday 07:00 in Berlin: the next weekday digest is today at 08:00 CEST.
    expect(lines(reply)).toEqual([
      "Schedule: weekdays at 08:00 (Europe/Berlin).",
      "Next digest: Fri 8 May 2026, 08:00 CEST.",
      "Topics: all news (no subscriptions).",
    ]);
    const stored = await deps.store.channels.getDigest(SLACK_GENERAL);
    expect(stored).toMatchObject({ time: "08:00", zone: "Europe/Berlin", days: "weekdays", enabled: true });
    clock.set("2026-05-08T06:30:00Z");
    const status = await handleCommand("/digest status", admin, deps);
    expect(lines(status)).toContain("Next digest: Mon 11 May 2026, 08:00 CEST.");
    expect(lines(status)).toContain("Last sent: never.");
  });

  it("keeps the zone and days when only the time changes, and hints at zones for UTC", async () => {
    await handleCommand("/digest 08:00 America/New_York weekdays", admin, deps);
    await handleCommand("/digest 09:15", admin, deps);
    expect(await deps.store.channels.getDigest(SLACK_GENERAL)).toMatchObject({
      time: "09:15",
      zone: "America/New_York",
      days: "weekdays",
    });
    const other: ChannelRef = { platform: "slack", workspaceId: "T1", channelId: "C-other" };
    const utc = await handleCommand("/digest 06:00", { ...admin, channelId: other.channelId }, deps);
    expect(lines(utc).at(-1)).toContain("Times are UTC");
  });

  it("turns the digest off, and says so when there was none", async () => {
    expect(lines(await handleCommand("/digest off", admin, deps))).toEqual([
      "This channel has no scheduled digest.",
    ]);
    await handleCommand("/digest 08:00", admin, deps);
    const off = await handleCommand("/digest off", admin, deps);
    expect(off).toMatchObject({ kind: "notice", title: "Digest off", data: { status: "ok" } });
    expect((await deps.store.channels.getDigest(SLACK_GENERAL))?.enabled).toBe(false);
    expect(lines(await handleCommand("/digest status", admin, deps))[0]).toBe("Schedule: off.");
  });

  it("gives a usage error with the full usage for bad arguments", async () => {
    const reply = await handleCommand("/digest 8 o'clock", admin, deps);
    expect(reply).toMatchObject({
      kind: "error",
      reason: "usage",
      usage: expect.stringContaining("/digest <HH:MM>"),
    });
    expect(await deps.store.channels.getDigest(SLACK_GENERAL)).toBeNull();
  });

  it("answers /digest now with a cited digest of the last 24 hours even without a running scheduler", async () => {
    await ingestFixtures(deps.store, deps.now, [FROST, ...GRAIN]);
    await handleCommand("/subscribe tariffs", admin, deps);
    const reply = await handleCommand("/digest now", admin, deps);
    expect(reply.kind).toBe("brief");
    if (reply.kind !== "brief") return;
    expect(reply.data.stories.map((s) => s.sources.length)).toEqual([3]);
    expect(reply.title).toBe("Digest: tariffs");
    expect(reply.citations.length).toBeGreaterThanOrEqual(3);
  });
});
