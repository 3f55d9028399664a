import type { CommandContext, CoreDeps } from "../deps.js";
import { describeSchedule } from "../digest/format-time.js";
import type { Reply } from "../reply.js";
import { channelOrError, notice } from "./channel-notice.js";

export async function runSubscriptions(context: CommandContext, deps: CoreDeps): Promise<Reply> {
  const where = channelOrError("subscriptions", context);
  if ("error" in where) return where.error;
  const [subs, digest] = await Promise.all([
    deps.store.channels.subscriptions(where.channel),
    deps.store.channels.getDigest(where.channel),
  ]);
  const lines = subs.map((s) => (s.alertsSince ? `${s.topic} · alerts on` : s.topic));
  if (lines.length === 0) lines.push("No topics yet: follow one with /subscribe <topic> [alerts].");
  lines.push(
    digest?.enabled
      ? `Digest: ${describeSchedule(digest)}${subs.length ? "" : ", all news"}.`
      : "Digest: off. Set one with /digest <HH:MM> [IANA timezone] [daily|weekdays].",
  );
  const n = subs.length;
  return notice(
    "subscriptions",
    n ? `This channel follows ${n} topic${n === 1 ? "" : "s"}` : "Subscriptions",
    lines,
    "info",
  );
}
