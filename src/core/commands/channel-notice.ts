import type { ChannelRef } from "../channel.js";
import { channelOfContext } from "../channel-ref.js";
import type { CommandContext } from "../deps.js";
import { errorReply, type Reply } from "../reply.js";
import { type CommandName, findCommand } from "./registry.js";

/** A status answer of a channel command: lines without citations. */
export function notice(
  command: CommandName,
  title: string,
  lines: string[],
  status: "ok" | "info" = "ok",
): Reply {
  return {
    kind: "notice",
    title,
    sections: [{ lines: lines.map((text) => ({ text, cite: [] })) }],
    citations: [],
    data: { command, status },
  };
}

/** "Usage: /digest …: description", as the parser shows it. */
export function usageOf(name: CommandName): string {
  const spec = findCommand(name);
  return spec ? `Usage: ${spec.usage}: ${spec.description}` : `Usage: /${name}`;
}

/** The channel the command belongs to, or the error to answer with when the platform named none. */
export function channelOrError(
  name: CommandName,
  context: CommandContext,
): { channel: ChannelRef } | { error: Reply } {
  const channel = channelOfContext(context);
  if (channel) return { channel };
  return { error: errorReply(`/${name} works in a channel: run it in the channel it is for.`, "usage") };
}
