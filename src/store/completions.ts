/** What the optional language model keeps in the store: answers it already paid for, and tokens spent per day. */

/** A model answer, stored so that the same prompt to the same model is never paid for twice. */
export interface CachedCompletion {
  text: string;
  promptTokens: number;
  completionTokens: number;
  /** ISO time it was stored. */
  createdAt: string;
}

/** Tokens the model was paid for on one day (requests answered from the cache count nothing). */
export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
  requests: number;
}

export interface CompletionStore {
  /** The answer stored under `key` for `model`, or null. */
  getCompletion(key: string, model: string): Promise<CachedCompletion | null>;
  /** Stores (or replaces) the answer under `key` for `model`. */
  putCompletion(key: string, model: string, completion: CachedCompletion): Promise<void>;
  /** Adds one paid request's tokens to the day's totals (`day`: an ISO date, YYYY-MM-DD). */
  addUsage(day: string, usage: { promptTokens: number; completionTokens: number }): Promise<void>;
  /** The day's totals; zeros for a day without requests. */
  usage(day: string): Promise<TokenUsage>;
}
