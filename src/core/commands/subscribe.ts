import type { CommandContext, CoreDeps } from "../deps.js";
import { errorReply, type Reply } from "../reply.js";
import { parseTopic, storedTopicKey, topicKey } from "../topic-query.js";
import { channelOrError, notice, usageOf } from "./channel-notice.js";

/** Topics one channel can follow, at most. */
export const MAX_SUBSCRIPTIONS = 25;

/** "/subscribe tariffs -steel alerts": the topic, and whether a trailing `alerts` asks for per-story alerts. */
export function splitAlerts(argument: string): { topic: string; alerts: boolean } {
  const m = /^(.*\S)\s+alerts$/i.exec(argument.trim());
  return m ? { topic: m[1] ?? "", alerts: true } : { topic: argument.trim(), alerts: false };
}

export async function runSubscribe(
  argument: string,
  context: CommandContext,
  deps: CoreDeps,
): Promise<Reply> {
  const where = channelOrError("subscribe", context);
  if ("error" in where) return where.error;
  const { topic, alerts } = splitAlerts(argument);
  const parsed = parseTopic(topic);
  if (!parsed.ok) return errorReply(parsed.message, "usage", usageOf("subscribe"));
  const store = deps.store.channels;
  const current = await store.subscriptions(where.channel);
  // The same topic written another way ("tariff" for "tariffs") is the subscription the channel has.
  const key = topicKey(parsed.query);
  const same = current.find((s) => s.topic === parsed.canonical || storedTopicKey(s.topic) === key);
  if (current.length >= MAX_SUBSCRIPTIONS && !same) {
    return errorReply(
      `This channel already follows ${MAX_SUBSCRIPTIONS} topics, the most it can. Remove one with /unsubscribe <topic>.`,
      "usage",
    );
  }
  const followed = same?.topic ?? parsed.canonical;
  const { created } = await store.subscribe(where.channel, followed, alerts, deps.now().toISOString());
  const digest = await store.getDigest(where.channel);
  return notice("subscribe", created ? "Subscribed" : "Subscription updated", [
    `${created ? "This channel now follows" : "This channel follows"} ${followed}.`,
    alerts
      ? "Alerts on: each new story on it is posted here once, when it first appears."
      : "Alerts off: its stories come in the channel's digest.",
    digest?.enabled
      ? `Digest: ${digest.days === "weekdays" ? "weekdays" : "every day"} at ${digest.time} (${digest.zone}).`
      : "No digest is scheduled here yet: set one with /digest <HH:MM> [IANA timezone] [daily|weekdays].",
  ]);
}
