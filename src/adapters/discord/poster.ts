import { type APIMessage, type REST, Routes } from "discord.js";
import type { ChannelPoster, ChannelRef, PostedMessage } from "../../core/channel.js";
import type { Reply } from "../../core/reply.js";
import { type DiscordMessage, renderReply } from "./embeds.js";

/** The message body for Discord's REST API: nothing in it may ping anyone. */
export function messageBody(message: DiscordMessage): {
  embeds: DiscordMessage["embeds"];
  allowed_mentions: { parse: [] };
} {
  return { embeds: message.embeds, allowed_mentions: { parse: [] } };
}

/** What a message of an earlier, longer version shows once the new version needs fewer messages. */
const SUPERSEDED: DiscordMessage = {
  embeds: [{ description: "(Updated: see the message above.)", color: 0x94a3b8 }],
};

/** Ids of every message a post made, in order, kept in one PostedMessage id. */
const SEPARATOR = ",";

/**
 * Posts Replies into Discord channels without an interaction (digests, alerts), through the REST API. A Reply too
 * long for one message is posted as several; its PostedMessage id lists them all, so `edit` can replace each.
 */
export function createChannelPoster(rest: REST): ChannelPoster {
  return {
    platform: "discord",
    async post(channel: ChannelRef, reply: Reply): Promise<PostedMessage> {
      const ids: string[] = [];
      for (const message of renderReply(reply)) {
        const sent = (await rest.post(Routes.channelMessages(channel.channelId), {
          body: messageBody(message),
        })) as APIMessage;
        ids.push(sent.id);
      }
      return { id: ids.join(SEPARATOR) };
    },
    async edit(channel: ChannelRef, posted: PostedMessage, reply: Reply): Promise<void> {
      const ids = posted.id.split(SEPARATOR).filter(Boolean);
      // The edit can only use the messages posted before: a longer new version is shortened to fit them.
      const messages = renderReply(reply, { maxMessages: ids.length });
      for (const [i, id] of ids.entries()) {
        await rest.patch(Routes.channelMessage(channel.channelId, id), {
          body: messageBody(messages[i] ?? SUPERSEDED),
        });
      }
    },
  };
}
