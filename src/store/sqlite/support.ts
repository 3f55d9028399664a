/** Helpers shared by the article and analysis halves of the SQLite store. No SQL here. */
import { describeError, isNewsdeskError, NewsdeskError } from "../../errors.js";

export const DEFAULT_SEARCH_LIMIT = 10;
export const MAX_SEARCH_LIMIT = 1000;

/** Any failure as a STORE_FAILED NewsdeskError naming the operation (NewsdeskErrors pass through unchanged). */
export function wrap(op: string, err: unknown): NewsdeskError {
  if (isNewsdeskError(err)) return err;
  return new NewsdeskError("STORE_FAILED", `store: ${op} failed: ${describeError(err)}`, { cause: err });
}

/** A search limit between 0 and MAX_SEARCH_LIMIT; the default for a non-number. */
export function searchLimit(limit: number): number {
  if (!Number.isFinite(limit)) return DEFAULT_SEARCH_LIMIT;
  return Math.min(Math.max(Math.floor(limit), 0), MAX_SEARCH_LIMIT);
}

/** A SQL LIMIT for a listing: -1 (no limit) for Infinity, 0 for anything else that is not a positive number. */
export function rowLimit(limit: number): number {
  if (limit === Number.POSITIVE_INFINITY) return -1;
  if (!Number.isFinite(limit)) return 0;
  return Math.max(0, Math.floor(limit));
}

/** FTS5 rejected a MATCH expression (quoted terms cannot form bad syntax, but should one still be rejected). */
export function isFtsQueryError(err: unknown): boolean {
  return err instanceof Error && err.message.startsWith("fts5:");
}
