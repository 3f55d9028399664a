/**
 * Digest slots: when a schedule ("08:00 Europe/Berlin weekdays") runs, as instants. Pure functions of their
 * arguments (the time zone rules come from Intl), so tests can ask about any day without waiting.
 *
 * Daylight saving: a local time that does not exist on a spring-forward day (02:30 when clocks jump from 02:00 to
 * 03:00) runs at the first instant after it (the jump, 03:00); a local time that happens twice on a fall-back day
 * runs once, at its first occurrence. A slot is one local date at the schedule's time, so its key (channel + local
 * date + HH:MM) is unique per day whatever the clocks do.
 */
import type { ChannelRef } from "../core/channel.js";
import { channelKey, type DigestSchedule } from "../store/channels.js";

export interface Slot {
  /** Local date "YYYY-MM-DD" in the schedule's zone. */
  date: string;
  /** Local "HH:MM", as scheduled. */
  time: string;
  at: Date;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(zone, f);
  }
  return f;
}

/** The zone's wall clock at `t`, read as if it were UTC (ms), seconds included. */
function wallClock(t: number, zone: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(zone).formatToParts(new Date(t))) {
    if (part.type !== "literal") p[part.type] = Number(part.value);
  }
  return Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day ?? 1, p.hour ?? 0, p.minute ?? 0, p.second ?? 0);
}

/** The local date "YYYY-MM-DD" of an instant in a zone. */
export function localDate(instant: Date, zone: string): string {
  return new Date(wallClock(instant.getTime(), zone)).toISOString().slice(0, 10);
}

/** Whether `zone` is an IANA time zone this runtime knows; its canonical spelling if so. */
export function canonicalZone(zone: string): string | null {
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** "HH:MM" (or "H:MM") as "HH:MM", or null. */
export function parseTime(text: string): string | null {
  const m = /^([01]?\d|2[0-3]):([0-5]\d)$/.exec(text.trim());
  return m ? `${(m[1] ?? "").padStart(2, "0")}:${m[2]}` : null;
}

/**
 * The instant at which the wall clock of `zone` shows `time` on `date`: the first of two on a fall-back day, the
 * first instant after it when the time is skipped on a spring-forward day.
 */
export function zonedInstant(date: string, time: string, zone: string): Date {
  const [y, mo, d] = date.split("-").map(Number);
  const [h, mi] = time.split(":").map(Number);
  const target = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  const offsets = [target - DAY, target + DAY].map((t) => wallClock(t, zone) - t);
  const candidates = [...new Set(offsets.map((o) => target - o))].sort((a, b) => a - b);
  const exact = candidates.find((t) => wallClock(t, zone) === target);
  if (exact !== undefined) return new Date(exact);
  // Skipped: the wall clock jumps over `target` between the candidates. Find the jump, to the minute.
  let lo = candidates[0] ?? target;
  let hi = candidates.at(-1) ?? target;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (wallClock(mid, zone) >= target) hi = mid;
    else lo = mid;
  }
  return new Date(hi);
}

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY).toISOString().slice(0, 10);
}

/** Saturday or Sunday (a calendar date's weekday does not depend on the zone). */
function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

/** The slots of a schedule that fall after `from` and at or before `to`, in order. */
export function slotsBetween(schedule: DigestSchedule, from: Date, to: Date): Slot[] {
  const slots: Slot[] = [];
  if (to.getTime() <= from.getTime()) return slots;
  const last = addDays(localDate(to, schedule.zone), 1);
  for (let date = addDays(localDate(from, schedule.zone), -1); date <= last; date = addDays(date, 1)) {
    if (schedule.days === "weekdays" && isWeekend(date)) continue;
    const at = zonedInstant(date, schedule.time, schedule.zone);
    if (at.getTime() > from.getTime() && at.getTime() <= to.getTime()) {
      slots.push({ date, time: schedule.time, at });
    }
  }
  return slots;
}

/** The first slot after `after`. */
export function nextRun(schedule: DigestSchedule, after: Date): Slot | null {
  return slotsBetween(schedule, after, new Date(after.getTime() + 8 * DAY))[0] ?? null;
}

/** The unique key of a slot: channel + local date + HH:MM. */
export function slotKey(channel: ChannelRef, slot: Pick<Slot, "date" | "time">): string {
  return `${channelKey(channel)}|${slot.date}|${slot.time}`;
}
