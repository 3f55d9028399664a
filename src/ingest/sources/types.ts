import type { RawInput } from "../../core/article.js";

/** What a source yields: a raw input to process, or one input it could not read, with a reason for the user. */
export type SourceItem = { ok: true; raw: RawInput } | { ok: false; input: string; reason: string };

export interface SourceLimits {
  /** Largest file (or .jsonl line, or fetched page) accepted, in bytes. */
  maxBytes: number;
  fetchTimeoutMs: number;
}
