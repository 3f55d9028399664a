import { canonicalZone, nextRun, parseTime } from "../../schedule/slots.js";
import type { DigestDays, DigestSchedule, DigestSettings } from "../../store/channels.js";
import type { ChannelRef } from "../channel.js";
import type { CommandContext, CoreDeps } from "../deps.js";
import { buildDigest, digestSince } from "../digest/build.js";
import { describeSchedule, formatInZone } from "../digest/format-time.js";
import { errorReply, type Reply } from "../reply.js";
import { channelOrError, notice } from "./channel-notice.js";

export type DigestArgs =
  | { kind: "off" | "now" | "status" }
  | { kind: "set"; time: string; zone?: string; days?: DigestDays }
  | { kind: "error"; message: string };

export const DIGEST_USAGE =
  "Usage: /digest <HH:MM> [IANA timezone] [daily|weekdays], e.g. /digest 08:00 Europe/Berlin weekdays; or /digest off, /digest now, /digest status.";

/** A word the user typed, shown back without anything that could mention or format (no @, <, >, *…). */
function shown(word: string): string {
  const safe = word.replace(/[^\p{L}\p{N}:/_+.-]/gu, "");
  return safe.length > 40 ? `${safe.slice(0, 40)}…` : safe;
}

/** Parses the arguments of /digest. Never throws; every problem is one line naming what was wrong. */
export function parseDigestArgs(argument: string): DigestArgs {
  const words = argument.trim().split(/\s+/).filter(Boolean);
  const [first, ...rest] = words;
  if (first === undefined) return { kind: "status" };
  const keyword = first.toLowerCase();
  if (keyword === "off" || keyword === "now" || keyword === "status") {
    return rest.length
      ? { kind: "error", message: `/digest ${keyword} takes nothing after it.` }
      : { kind: keyword };
  }
  const time = parseTime(first);
  if (time === null) {
    return { kind: "error", message: `“${shown(first)}” is not a time: give a 24-hour HH:MM such as 08:00.` };
  }
  const args: DigestArgs = { kind: "set", time };
  for (const word of rest) {
    const lower = word.toLowerCase();
    if (lower === "daily" || lower === "weekdays") {
      if (args.days) return { kind: "error", message: "Give daily or weekdays once." };
      args.days = lower;
      continue;
    }
    const zone = canonicalZone(word);
    if (zone === null || !/[A-Za-z]/.test(word)) {
      return {
        kind: "error",
        message: `“${shown(word)}” is not an IANA time zone or daily/weekdays: try Europe/Berlin, America/New_York or UTC.`,
      };
    }
    if (args.zone) return { kind: "error", message: "Give one time zone." };
    args.zone = zone;
  }
  return args;
}

async function describe(
  channel: ChannelRef,
  settings: DigestSettings | null,
  deps: CoreDeps,
): Promise<string[]> {
  const subs = await deps.store.channels.subscriptions(channel);
  const topics = subs.length
    ? `Topics: ${subs.map((s) => s.topic).join(", ")}.`
    : "Topics: all news (no subscriptions).";
  if (!settings?.enabled) return ["Schedule: off.", topics];
  const now = deps.now();
  const after = new Date(Math.max(now.getTime(), Date.parse(settings.updatedAt) || 0));
  const next = nextRun(settings, after);
  return [
    `Schedule: ${describeSchedule(settings)}.`,
    `Next digest: ${next ? formatInZone(next.at, settings.zone) : "none within a week"}.`,
    topics,
  ];
}

function lastSent(settings: DigestSettings | null): string {
  if (!settings?.lastSentAt) return "Last sent: never.";
  return `Last sent: ${formatInZone(new Date(settings.lastSentAt), settings.zone)}.`;
}

export async function runDigest(argument: string, context: CommandContext, deps: CoreDeps): Promise<Reply> {
  const where = channelOrError("digest", context);
  if ("error" in where) return where.error;
  const { channel } = where;
  const args = parseDigestArgs(argument);
  const store = deps.store.channels;
  const now = deps.now();
  switch (args.kind) {
    case "error":
      return errorReply(args.message, "usage", DIGEST_USAGE);
    case "status": {
      const settings = await store.getDigest(channel);
      return notice(
        "digest",
        "Digest status",
        [...(await describe(channel, settings, deps)), lastSent(settings)],
        "info",
      );
    }
    case "off": {
      const was = await store.disableDigest(channel, now.toISOString());
      return was
        ? notice("digest", "Digest off", [
            "This channel's scheduled digest is off. /digest <HH:MM> turns it on.",
          ])
        : notice("digest", "Digest off", ["This channel has no scheduled digest."], "info");
    }
    case "now": {
      if (deps.digests) return deps.digests.runNow(channel);
      const settings = await store.getDigest(channel);
      const since = digestSince(settings?.lastSentAt ?? null, now);
      return buildDigest(channel, deps, { since, zone: settings?.zone ?? "UTC" });
    }
    case "set": {
      const current = await store.getDigest(channel);
      const schedule: DigestSchedule = {
        time: args.time,
        zone: args.zone ?? current?.zone ?? "UTC",
        days: args.days ?? current?.days ?? "daily",
      };
      await store.setDigest(channel, schedule, now.toISOString());
      const lines = await describe(channel, await store.getDigest(channel), deps);
      if (schedule.zone === "UTC" && !args.zone)
        lines.push("Times are UTC: add an IANA time zone, e.g. /digest 08:00 Europe/Berlin.");
      return notice("digest", "Digest scheduled", lines);
    }
  }
}
