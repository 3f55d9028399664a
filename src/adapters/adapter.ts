import type { ChannelPoster } from "../core/channel.js";

/** A chat platform newsdesk is connected to, as `serve` sees it: how to post into it and how to stop it. */
export interface RunningAdapter {
  name: string;
  poster: ChannelPoster;
  stop(): Promise<void>;
}
