import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import type { DigestService } from "./digest/service.js";
import type { Reply } from "./reply.js";
import type { UrlService } from "./url-service.js";
import type { Writer } from "./writer.js";

/** What the core needs from the outside world, injected by whoever runs it. */
export interface CoreDeps {
  store: Store;
  now: () => Date;
  logger: Pick<Logger, "debug" | "info" | "warn" | "error">;
  /** Writes /brief, /stance and /ask sentences; extractive (offline) when absent. */
  writer?: Writer;
  /** Fetches URLs typed in chat (/ingest, /summarize <url>, /feed add) through the URL guard; absent: refused. */
  urls?: UrlService;
  /** The running digest scheduler, for /digest now; without it /digest now answers without archiving. */
  digests?: DigestService;
}

export type Platform = "console" | "cli" | "slack" | "discord";

/** Who asked, and where. Platforms fill in what they know. */
export interface CommandContext {
  platform: Platform;
  userId?: string;
  channelId?: string;
  /** Slack workspace or Discord guild. */
  workspaceId?: string;
  /**
   * Whether the caller may change this channel's setup (subscriptions, digests, feeds): Manage Channels on
   * Discord, a workspace admin or owner on Slack, always on the terminal. Commands marked `manageChannel` in the
   * registry are refused unless it is true.
   */
  canManageChannel?: boolean;
  /**
   * Called with partial answers while a slow answer is being written (a model streaming), on platforms that can
   * edit a message in place. Adapters throttle it; the final Reply is still the return value of handleCommand.
   */
  onProgress?: (partial: Reply) => void;
}
