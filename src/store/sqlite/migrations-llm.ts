import type { Migration } from "./migrations.js";

/** The optional language model's completion cache and daily token totals (src/llm). */
export const LLM_MIGRATION: Migration = {
  version: 4,
  name: "language model: completion cache, daily token usage",
  sql: `
    -- One row per prompt (sha256 of model and messages) and model: a repeated prompt is answered from here.
    CREATE TABLE llm_completions (
      key TEXT NOT NULL,
      model TEXT NOT NULL,
      text TEXT NOT NULL,
      prompt_tokens INTEGER NOT NULL,
      completion_tokens INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      PRIMARY KEY (key, model)
    ) WITHOUT ROWID;
    -- Tokens paid for per day (UTC date), for the daily budget.
    CREATE TABLE llm_usage (
      day TEXT PRIMARY KEY,
      prompt_tokens INTEGER NOT NULL,
      completion_tokens INTEGER NOT NULL,
      requests INTEGER NOT NULL
    ) WITHOUT ROWID;
  `,
};
