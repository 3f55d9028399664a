import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";

/** What the core needs from the outside world, injected by whoever runs it. */
export interface CoreDeps {
  store: Store;
  now: () => Date;
  logger: Pick<Logger, "debug" | "info" | "warn" | "error">;
}

/** Who asked, and where. Platforms fill in what they know. */
export interface CommandContext {
  platform: "console" | "cli" | "slack" | "discord";
  userId?: string;
  channelId?: string;
  /** Slack workspace or Discord guild. */
  workspaceId?: string;
}
