/** The daily token budget and the per-command token log. */
import type { Logger } from "../logger.js";
import type { CompletionStore } from "../store/completions.js";

/** Tokens set aside for a request in flight, until what it cost is known. */
export interface Reservation {
  /** Records what the request cost and frees what was set aside. */
  settle(usage: { promptTokens: number; completionTokens: number }): Promise<void>;
}

/**
 * Tokens paid for per UTC day, stored; once the day's total reaches the budget, the writer answers offline. Requests
 * in flight count with their estimate until they are settled, so commands running at the same time cannot all start
 * on the same last remaining tokens.
 */
export class TokenBudget {
  readonly #store: CompletionStore;
  readonly #daily: number;
  readonly #now: () => Date;
  readonly #logger: Pick<Logger, "warn">;
  /** Estimated tokens of the requests in flight, per UTC day. */
  readonly #reserved = new Map<string, number>();

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

  /**
   * Sets `estimate` tokens aside for a request, or null when today's tokens (paid and set aside) have reached the
   * budget. A store that cannot be read is logged and does not stop the request.
   */
  async reserve(estimate: number): Promise<Reservation | null> {
    const day = this.#day();
    let used = 0;
    if (this.#daily > 0) {
      try {
        const u = await this.#store.usage(day);
        used = u.promptTokens + u.completionTokens;
      } catch (err) {
        this.#logger.warn({ err }, "llm: reading today's token usage failed");
      }
    }
    // No await between this check and the reservation: concurrent callers see each other's.
    const reserved = this.#reserved.get(day) ?? 0;
    if (this.#daily > 0 && used + reserved >= this.#daily) return null;
    this.#reserved.set(day, reserved + estimate);
    let settled = false;
    return {
      settle: async (usage) => {
        if (settled) return;
        settled = true;
        const left = (this.#reserved.get(day) ?? 0) - estimate;
        if (left > 0) this.#reserved.set(day, left);
        else this.#reserved.delete(day);
        await this.#record(usage);
      },
    };
  }

  async #record(usage: { promptTokens: number; completionTokens: number }): Promise<void> {
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
