import type { ChannelRef } from "./channel.js";
import type { CommandContext } from "./deps.js";

/** The terminal prompt (and `newsdesk chat`) as a channel: its subscriptions and digest live here. */
export const TERMINAL_CHANNEL: ChannelRef = {
  platform: "console",
  workspaceId: "local",
  channelId: "terminal",
};

/** The channel a command was typed in; null when the platform did not say (a chat command outside a channel). */
export function channelOfContext(context: CommandContext): ChannelRef | null {
  if (context.platform === "console" || context.platform === "cli") return TERMINAL_CHANNEL;
  if (!context.channelId) return null;
  return {
    platform: context.platform,
    // Discord direct messages have no guild: they are channels of their own.
    workspaceId: context.workspaceId || "direct",
    channelId: context.channelId,
  };
}
