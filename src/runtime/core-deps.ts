import { inputLimits } from "../config.js";
import type { CoreDeps } from "../core/deps.js";
import { createChatUrlService } from "../ingest/chat-url-service.js";
import { createUrlGuard, type UrlGuard } from "../ingest/fetch/url-guard.js";
import { writerFromConfig } from "../llm/create-writer.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import type { CoreSettings } from "./settings.js";

export interface RuntimeDeps {
  /** What every adapter hands to the core: the store, the clock, the model writer (when on) and chat URLs. */
  deps: CoreDeps;
  /** The URL guard chat URLs and feeds go through (NEWSDESK_ALLOWED_HOSTS). */
  guard: UrlGuard;
  limits: { maxBytes: number; fetchTimeoutMs: number };
}

/** The core's dependencies as configured: one place, so the prompt, `chat` and every platform answer alike. */
export function buildCoreDeps(
  store: Store,
  settings: CoreSettings,
  io: { logger: Logger; now: () => Date },
): RuntimeDeps {
  const { logger, now } = io;
  const limits = inputLimits(settings.config);
  const guard = createUrlGuard({ policy: settings.urlPolicy });
  const deps: CoreDeps = {
    store,
    now,
    logger,
    urls: createChatUrlService({
      store,
      logger,
      now,
      guard,
      limits,
      feedPollMinutes: settings.feedPollMinutes,
    }),
  };
  const writer = writerFromConfig(settings.llm, { store, logger, now });
  if (writer) deps.writer = writer;
  return { deps, guard, limits };
}
