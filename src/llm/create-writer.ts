/** The writer the settings ask for: the model-backed one when NEWSDESK_LLM=on, otherwise none (offline answers). */
import type { Writer } from "../core/writer.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import { TokenBudget } from "./budget.js";
import { CompletionCache } from "./cache.js";
import { openAiChatClient } from "./client.js";
import type { LlmConfig } from "./config.js";
import { ModelWriter } from "./model-writer.js";

export interface WriterDeps {
  store: Pick<Store, "completions">;
  logger: Pick<Logger, "debug" | "info" | "warn">;
  now: () => Date;
}

/** A model-backed Writer for `config`, or undefined when the model is off (commands then answer offline). */
export function writerFromConfig(config: LlmConfig, deps: WriterDeps): Writer | undefined {
  if (!config.enabled) return undefined;
  const client = openAiChatClient(config);
  return new ModelWriter({
    client,
    cache: new CompletionCache(deps.store.completions, config.model, deps.logger, deps.now),
    budget: new TokenBudget(deps.store.completions, config.dailyTokens, deps.now, deps.logger),
    logger: deps.logger,
    timeoutMs: config.timeoutMs,
    dailyTokens: config.dailyTokens,
  });
}
