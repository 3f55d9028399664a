/** The language model's completion cache and daily token totals, on the store's connection. */
import type Database from "better-sqlite3";
import type { CachedCompletion, CompletionStore, TokenUsage } from "../completions.js";
import { wrap } from "./support.js";

interface CompletionRow {
  text: string;
  prompt_tokens: number;
  completion_tokens: number;
  created_at: string;
}

interface UsageRow {
  prompt_tokens: number;
  completion_tokens: number;
  requests: number;
}

export class SqliteCompletions implements CompletionStore {
  readonly #get: Database.Statement<[string, string], CompletionRow>;
  readonly #put: Database.Statement<[string, string, string, number, number, string]>;
  readonly #add: Database.Statement<[string, number, number]>;
  readonly #usage: Database.Statement<[string], UsageRow>;

  constructor(db: Database.Database) {
    this.#get = db.prepare(
      "SELECT text, prompt_tokens, completion_tokens, created_at FROM llm_completions WHERE key = ? AND model = ?",
    );
    this.#put = db.prepare(
      `INSERT INTO llm_completions (key, model, text, prompt_tokens, completion_tokens, created_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (key, model) DO UPDATE SET text = excluded.text, prompt_tokens = excluded.prompt_tokens,
         completion_tokens = excluded.completion_tokens, created_at = excluded.created_at`,
    );
    this.#add = db.prepare(
      `INSERT INTO llm_usage (day, prompt_tokens, completion_tokens, requests) VALUES (?, ?, ?, 1)
       ON CONFLICT (day) DO UPDATE SET prompt_tokens = prompt_tokens + excluded.prompt_tokens,
         completion_tokens = completion_tokens + excluded.completion_tokens, requests = requests + 1`,
    );
    this.#usage = db.prepare(
      "SELECT prompt_tokens, completion_tokens, requests FROM llm_usage WHERE day = ?",
    );
  }

  async getCompletion(key: string, model: string): Promise<CachedCompletion | null> {
    try {
      const row = this.#get.get(key, model);
      if (row === undefined) return null;
      return {
        text: row.text,
        promptTokens: row.prompt_tokens,
        completionTokens: row.completion_tokens,
        createdAt: row.created_at,
      };
    } catch (err) {
      throw wrap("get completion", err);
    }
  }

  async putCompletion(key: string, model: string, c: CachedCompletion): Promise<void> {
    try {
      this.#put.run(key, model, c.text, c.promptTokens, c.completionTokens, c.createdAt);
    } catch (err) {
      throw wrap("put completion", err);
    }
  }

  async addUsage(day: string, usage: { promptTokens: number; completionTokens: number }): Promise<void> {
    try {
      this.#add.run(
        day,
        Math.max(0, Math.round(usage.promptTokens)),
        Math.max(0, Math.round(usage.completionTokens)),
      );
    } catch (err) {
      throw wrap("add token usage", err);
    }
  }

  async usage(day: string): Promise<TokenUsage> {
    try {
      const row = this.#usage.get(day);
      return {
        promptTokens: row?.prompt_tokens ?? 0,
        completionTokens: row?.completion_tokens ?? 0,
        requests: row?.requests ?? 0,
      };
    } catch (err) {
      throw wrap("token usage", err);
    }
  }
}
