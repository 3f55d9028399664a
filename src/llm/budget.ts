/** The daily token budget and the per-command token log. */
import type { Logger } from "../logger.js";
import type { CompletionStore } from "../store/completions.js";

/** Tokens paid for per UTC day, stored; once the day's total reaches the budget, the writer answers offline. */
export class TokenBudget {
  readonly #store: CompletionStore;
  readonly #daily: number;
  readonly #now: () => Date;
  readonly #logger: Pick<Logger, "warn">;

  /** `daily`: tokens (prompt + completion) per UTC day; 0 for no limit. */
  constructor(store: CompletionStore, daily: number, now: () => Date, logger: Pick<Logger, "warn">) {
    this.#store = store;
    this.#daily = daily;
    this.#now = now;
    this.#logger = logger;
  }

  #day(): string {
    return this.#now().toISOString().slice(0, 10);
  }

  /** Whether today's tokens have reached the budget. */
  async spent(): Promise<boolean> {
    if (this.#daily === 0) return false;
    try {
      const used = await this.#store.usage(this.#day());
      return used.promptTokens + used.completionTokens >= this.#daily;
    } catch (err) {
      this.#logger.warn({ err }, "llm: reading today's token usage failed");
      return false;
    }
  }

  async record(usage: { promptTokens: number; completionTokens: number }): Promise<void> {
    try {
      await this.#store.addUsage(this.#day(), usage);
    } catch (err) {
      this.#logger.warn({ err }, "llm: recording token usage failed");
    }
  }
}

/** What one command cost: logged once when it is written. */
export class CommandUsage {
  requests = 0;
  cached = 0;
  offline = 0;
  promptTokens = 0;
  completionTokens = 0;

  add(usage: { promptTokens: number; completionTokens: number }): void {
    this.requests++;
    this.promptTokens += usage.promptTokens;
    this.completionTokens += usage.completionTokens;
  }

  log(logger: Pick<Logger, "info">, command: string, model: string): void {
    logger.info(
      {
        command,
        model,
        requests: this.requests,
        cached: this.cached,
        offline: this.offline,
        promptTokens: this.promptTokens,
        completionTokens: this.completionTokens,
      },
      "llm: token usage",
    );
  }
}
