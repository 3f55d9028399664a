import type { Writable } from "node:stream";
import type { ChannelPoster } from "../../core/channel.js";
import { renderText } from "./render.js";

/**
 * The terminal's ChannelPoster: scheduled digests and alerts are printed into the prompt's output. A terminal
 * cannot change what it printed, so an edit prints the new version, marked as an update of the earlier post.
 */
export function consolePoster(output: Writable, options: { columns?: number } = {}): ChannelPoster {
  let posted = 0;
  const render = (text: string) => output.write(`\n${text}`);
  const width = options.columns ?? 88;
  return {
    platform: "console",
    async post(_channel, reply) {
      posted++;
      const id = `console-${posted}`;
      render(renderText(reply, { width }));
      return { id };
    },
    async edit(_channel, message, reply) {
      render(`(update of ${message.id})\n${renderText(reply, { width })}`);
    },
  };
}
