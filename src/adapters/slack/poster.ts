import type { webApi } from "@slack/bolt";
import type { ChannelPoster, ChannelRef, PostedMessage } from "../../core/channel.js";
import type { Reply } from "../../core/reply.js";
import { renderReply } from "./blocks.js";
import { callWithRetry, type RetryDeps, slackErrorDetail } from "./retry.js";
import type { SlackMessage } from "./types.js";

type WebClient = InstanceType<typeof webApi.WebClient>;

export interface PosterDeps extends RetryDeps {
  /** A WebClient with the bot token, built with `rejectRateLimitedCalls: true` (see callWithRetry). */
  client: WebClient;
  /** Most messages one reply may take. Default 3. */
  maxMessages?: number;
}

/** PostedMessage.id of a reply that took several messages: their `ts`, comma-separated. */
const SEPARATOR = ",";

/**
 * Posts Replies into Slack channels with chat.postMessage (digests, alerts, answers to mentions) and edits them
 * with chat.update. Rate limits are waited out (Retry-After); failures are logged with the channel and thrown.
 */
export class SlackPoster implements ChannelPoster {
  readonly platform = "slack" as const;

  constructor(private readonly deps: PosterDeps) {}

  render(reply: Reply, maxMessages = this.deps.maxMessages ?? 3): SlackMessage[] {
    return renderReply(reply, { maxMessages });
  }

  /** Posts messages one after the other (in a thread when `threadTs` is given); resolves with their `ts`. */
  async postMessages(channelId: string, messages: SlackMessage[], threadTs?: string): Promise<string[]> {
    const ids: string[] = [];
    for (const m of messages) {
      const res = await callWithRetry(
        "chat.postMessage",
        { channel: channelId, part: ids.length + 1, of: messages.length },
        () =>
          this.deps.client.chat.postMessage({
            channel: channelId,
            text: m.text,
            blocks: m.blocks,
            unfurl_links: false,
            unfurl_media: false,
            ...(threadTs ? { thread_ts: threadTs } : {}),
          }),
        this.deps,
      );
      if (res.ts) ids.push(res.ts);
    }
    return ids;
  }

  /** Messages only `userId` sees (help, usage errors, failures). */
  async postEphemeral(
    channelId: string,
    userId: string,
    messages: SlackMessage[],
    threadTs?: string,
  ): Promise<void> {
    for (const m of messages) {
      await callWithRetry(
        "chat.postEphemeral",
        { channel: channelId, user: userId },
        () =>
          this.deps.client.chat.postEphemeral({
            channel: channelId,
            user: userId,
            text: m.text,
            blocks: m.blocks,
            ...(threadTs ? { thread_ts: threadTs } : {}),
          }),
        this.deps,
      );
    }
  }

  async update(channelId: string, ts: string, message: SlackMessage): Promise<void> {
    await callWithRetry(
      "chat.update",
      { channel: channelId, ts },
      () =>
        this.deps.client.chat.update({ channel: channelId, ts, text: message.text, blocks: message.blocks }),
      this.deps,
    );
  }

  async remove(channelId: string, ts: string): Promise<void> {
    await callWithRetry(
      "chat.delete",
      { channel: channelId, ts },
      () => this.deps.client.chat.delete({ channel: channelId, ts }),
      this.deps,
    );
  }

  async post(channel: ChannelRef, reply: Reply): Promise<PostedMessage> {
    const ids = await this.postMessages(channel.channelId, this.render(reply));
    return { id: ids.join(SEPARATOR) };
  }

  /**
   * Replaces a reply posted earlier. The new version takes at most as many messages as the old one (cut with
   * "… and N more"); messages it no longer needs are deleted.
   */
  async edit(channel: ChannelRef, message: PostedMessage, reply: Reply): Promise<void> {
    const ids = message.id.split(SEPARATOR).filter(Boolean);
    const messages = this.render(reply, Math.max(1, ids.length));
    for (const [i, ts] of ids.entries()) {
      const next = messages[i];
      if (next) {
        await this.update(channel.channelId, ts, next);
        continue;
      }
      await this.remove(channel.channelId, ts).catch((err: unknown) => {
        // Deleted earlier (by a previous edit, or by someone in the channel): nothing left to do.
        if (slackErrorDetail(err) !== "message_not_found") throw err;
      });
    }
  }
}
