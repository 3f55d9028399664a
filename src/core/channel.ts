import type { Platform } from "./deps.js";
import type { Reply } from "./reply.js";

/** One chat channel: where subscriptions and digests belong and where scheduled posts go. */
export interface ChannelRef {
  platform: Platform;
  /** Slack workspace (team id) or Discord guild id; "local" for the terminal. */
  workspaceId: string;
  channelId: string;
}

/** A message an adapter posted, so it can be edited later (Slack `ts`, Discord message id). */
export interface PostedMessage {
  id: string;
}

/**
 * How the core (digests, alerts) posts into a channel without a command to answer. Each adapter implements it with
 * its own renderer and keeps within its platform's limits.
 */
export interface ChannelPoster {
  platform: Platform;
  post(channel: ChannelRef, reply: Reply): Promise<PostedMessage>;
  /** Replaces a message posted earlier with a new version of the Reply. */
  edit(channel: ChannelRef, message: PostedMessage, reply: Reply): Promise<void>;
}
