import type { ChannelRef } from "../channel.js";
import type { CommandContext, CoreDeps } from "../deps.js";
import { errorReply, type Reply } from "../reply.js";
import { parseTopic, storedTopicKey, topicKey } from "../topic-query.js";
import { channelOrError, notice, usageOf } from "./channel-notice.js";
import { splitAlerts } from "./subscribe.js";

/**
 * Removes the topic as typed, or as subscribed with a trailing "alerts", also when it was subscribed in another
 * spelling that matches the same stories ("tariff" for "tariffs"); the stored topic removed, or null.
 */
async function remove(argument: string, channel: ChannelRef, deps: CoreDeps): Promise<string | null> {
  const { topic, alerts } = splitAlerts(argument);
  const current = await deps.store.channels.subscriptions(channel);
  for (const text of alerts ? [argument, topic] : [argument]) {
    const parsed = parseTopic(text);
    if (!parsed.ok) continue;
    const key = topicKey(parsed.query);
    const same =
      current.find((s) => s.topic === parsed.canonical) ??
      current.find((s) => storedTopicKey(s.topic) === key);
    if (same && (await deps.store.channels.unsubscribe(channel, same.topic))) return same.topic;
  }
  return null;
}

export async function runUnsubscribe(
  argument: string,
  context: CommandContext,
  deps: CoreDeps,
): Promise<Reply> {
  const where = channelOrError("unsubscribe", context);
  if ("error" in where) return where.error;
  const parsed = parseTopic(argument);
  if (!parsed.ok) return errorReply(parsed.message, "usage", usageOf("unsubscribe"));
  const removed = await remove(argument, where.channel, deps);
  const left = (await deps.store.channels.subscriptions(where.channel)).map((s) => s.topic);
  if (removed === null) {
    const follows = left.length ? ` It follows: ${left.join(", ")}.` : " It follows no topics.";
    return errorReply(`This channel does not follow ${parsed.canonical}.${follows}`, "not-found");
  }
  return notice("unsubscribe", "Unsubscribed", [
    `This channel no longer follows ${removed}.`,
    left.length
      ? `Still followed: ${left.join(", ")}.`
      : "It follows no topics now: its digest, if any, covers all news.",
  ]);
}
