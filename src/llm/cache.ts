/** Completions cached in the store by prompt: the same prompt to the same model is paid for once. */
import { createHash } from "node:crypto";
import type { Logger } from "../logger.js";
import type { CachedCompletion, CompletionStore } from "../store/completions.js";
import type { ChatAnswer, ChatMessage } from "./client.js";

/** sha256 of the model, the answer limit and the messages: the cache key of a prompt. */
export function completionKey(model: string, maxTokens: number, messages: ChatMessage[]): string {
  return createHash("sha256").update(JSON.stringify({ model, maxTokens, messages })).digest("hex");
}

/** The store's completion cache; a failing store is logged and treated as a miss, never fails a command. */
export class CompletionCache {
  readonly #store: CompletionStore;
  readonly #model: string;
  readonly #logger: Pick<Logger, "warn">;
  readonly #now: () => Date;

  constructor(store: CompletionStore, model: string, logger: Pick<Logger, "warn">, now: () => Date) {
    this.#store = store;
    this.#model = model;
    this.#logger = logger;
    this.#now = now;
  }

  async get(key: string): Promise<CachedCompletion | null> {
    try {
      return await this.#store.getCompletion(key, this.#model);
    } catch (err) {
      this.#logger.warn({ err }, "llm: completion cache read failed");
      return null;
    }
  }

  async put(key: string, answer: ChatAnswer): Promise<void> {
    try {
      await this.#store.putCompletion(key, this.#model, {
        text: answer.text,
        promptTokens: answer.promptTokens,
        completionTokens: answer.completionTokens,
        createdAt: this.#now().toISOString(),
      });
    } catch (err) {
      this.#logger.warn({ err }, "llm: completion cache write failed");
    }
  }
}
