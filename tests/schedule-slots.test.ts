import { describe, expect, it } from "vitest";
import { localDate, nextRun, slotKey, slotsBetween, zonedInstant } from "../src/schedule/slots.js";
import type { DigestSchedule } from "../src/store/channels.js";
import { SLACK_GENERAL } from "./helpers/channel-fixtures.js";

const at = (schedule: DigestSchedule, from: string, to: string) =>
  slotsBetween(schedule, new Date(from), new Date(to)).map((s) => `${s.date} ${s.at.toISOString()}`);

describe("next run in several zones", () => {
  it("computes the next digest as an instant in the channel's zone", () => {
    const after = new Date("2026-05-05T12:00:00Z");
    const next = (time: string, zone: string) =>
      nextRun({ time, zone, days: "daily" }, after)?.at.toISOString();
    // Mexico City has kept UTC-6 all year since 2022: 12:00 UTC is 06:00 there.
    expect(next("08:00", "America/Mexico_City")).toBe("2026-05-05T14:00:00.000Z");
    expect(next("05:00", "America/Mexico_City")).toBe("2026-05-06T11:00:00.000Z");
    expect(next("08:00", "Europe/Berlin")).toBe("2026-05-06T06:00:00.000Z");
    expect(next("18:00", "Europe/Berlin")).toBe("2026-05-05T16:00:00.000Z");
    expect(next("09:00", "Australia/Lord_Howe")).toBe("2026-05-05T22:30:00.000Z");
    expect(next("07:00", "Asia/Kolkata")).toBe("2026-05-06T01:30:00.000Z");
    expect(next("00:00", "UTC")).toBe("2026-05-06T00:00:00.000Z");
  });

  it("gives the local date of the slot in the zone, not in UTC", () => {
    const slot = nextRun(
      { time: "06:00", zone: "Pacific/Auckland", days: "daily" },
      new Date("2026-05-05T12:00:00Z"),
    );
    expect(slot).toMatchObject({ date: "2026-05-06", time: "06:00" });
    expect(localDate(new Date("2026-05-05T20:00:00Z"), "Pacific/Auckland")).toBe("2026-05-06");
  });

  it("skips Saturday and Sunday of the channel's zone for weekdays", () => {
    const weekdays: DigestSchedule = { time: "08:00", zone: "Pacific/Auckland", days: "weekdays" };
    // Friday 8 May 2026 20:00 UTC is already Saturday 9 May in Auckland: next is Monday 11 May there.
    const next = nextRun(weekdays, new Date("2026-05-08T20:00:00Z"));
    expect(next?.date).toBe("2026-05-11");
    const week = at(weekdays, "2026-05-03T00:00:00Z", "2026-05-10T00:00:00Z").map((s) => s.slice(0, 10));
    expect(week).toEqual(["2026-05-04", "2026-05-05", "2026-05-06", "2026-05-07", "2026-05-08"]);
    const daily = at({ ...weekdays, days: "daily" }, "2026-05-03T00:00:00Z", "2026-05-10T00:00:00Z");
    expect(daily.length).toBe(7);
  });
});

describe("daylight saving", () => {
  it("runs a time skipped on a spring-forward day once, at the first instant after it", () => {
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT (07:00 UTC).
    const ny: DigestSchedule = { time: "02:30", zone: "America/New_York", days: "daily" };
    expect(at(ny, "2026-03-07T00:00:00Z", "2026-03-10T00:00:00Z")).toEqual([
      "2026-03-07 2026-03-07T07:30:00.000Z",
      "2026-03-08 2026-03-08T07:00:00.000Z",
      "2026-03-09 2026-03-09T06:30:00.000Z",
    ]);
    // Lord Howe Island, 4 October 2026: 02:00 jumps half an hour to 02:30.
    expect(zonedInstant("2026-10-04", "02:15", "Australia/Lord_Howe").toISOString()).toBe(
      "2026-10-03T15:30:00.000Z",
    );
    const berlin = zonedInstant("2026-03-29", "02:30", "Europe/Berlin");
    expect(berlin.toISOString()).toBe("2026-03-29T01:00:00.000Z");
  });

  it("runs a time repeated on a fall-back day once, at its first occurrence", () => {
    // New York, 1 November 2026: 01:00-02:00 happens twice (EDT, then EST).
    const ny: DigestSchedule = { time: "01:30", zone: "America/New_York", days: "daily" };
    expect(at(ny, "2026-10-31T00:00:00Z", "2026-11-03T00:00:00Z")).toEqual([
      "2026-10-31 2026-10-31T05:30:00.000Z",
      "2026-11-01 2026-11-01T05:30:00.000Z",
      "2026-11-02 2026-11-02T06:30:00.000Z",
    ]);
    // Lord Howe Island, 5 April 2026: 02:00 goes back to 01:30, so 01:45 happens twice.
    const howe: DigestSchedule = { time: "01:45", zone: "Australia/Lord_Howe", days: "daily" };
    expect(at(howe, "2026-04-04T00:00:00Z", "2026-04-05T12:00:00Z")).toEqual([
      "2026-04-05 2026-04-04T14:45:00.000Z",
    ]);
  });

  it("keeps a normal time at the same wall clock across both transitions", () => {
    const berlin: DigestSchedule = { time: "08:00", zone: "Europe/Berlin", days: "daily" };
    expect(at(berlin, "2026-03-28T00:00:00Z", "2026-03-30T00:00:00Z")).toEqual([
      "2026-03-28 2026-03-28T07:00:00.000Z",
      "2026-03-29 2026-03-29T06:00:00.000Z",
    ]);
    expect(at(berlin, "2026-10-24T00:00:00Z", "2026-10-26T00:00:00Z")).toEqual([
      "2026-10-24 2026-10-24T06:00:00.000Z",
      "2026-10-25 2026-10-25T07:00:00.000Z",
    ]);
  });
});

describe("slots", () => {
  it("are half-open windows: after `from`, up to and including `to`", () => {
    const utc: DigestSchedule = { time: "08:00", zone: "UTC", days: "daily" };
    expect(at(utc, "2026-05-05T08:00:00Z", "2026-05-06T08:00:00Z")).toEqual([
      "2026-05-06 2026-05-06T08:00:00.000Z",
    ]);
    expect(at(utc, "2026-05-05T09:00:00Z", "2026-05-05T08:00:00Z")).toEqual([]);
  });

  it("are keyed by channel, local date and HH:MM", () => {
    expect(slotKey(SLACK_GENERAL, { date: "2026-05-05", time: "08:00" })).toBe(
      "slack:T1:C-general|2026-05-05|08:00",
    );
    const odd = { platform: "slack" as const, workspaceId: "T:1", channelId: "C|2" };
    expect(slotKey(odd, { date: "2026-05-05", time: "08:00" })).toBe("slack:T%3A1:C%7C2|2026-05-05|08:00");
  });
});
