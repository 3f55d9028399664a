import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Logger } from "pino";
import { describeError, NewsdeskError } from "../errors.js";
import { openSqliteStore } from "./sqlite/sqlite-store.js";
import type { Store } from "./store.js";

/**
 * Opens the article store at `path` (a SQLite file, created with its parent directory if missing), or a private
 * in-memory store for `":memory:"`.
 */
export async function openStore(path: string, options: { logger?: Logger } = {}): Promise<Store> {
  const inMemory = path === ":memory:" || path === "";
  if (!inMemory) {
    try {
      mkdirSync(dirname(path), { recursive: true });
    } catch (err) {
      throw new NewsdeskError(
        "STORE_FAILED",
        `cannot create the directory for ${path}: ${describeError(err)}`,
        {
          cause: err,
        },
      );
    }
  }
  return openSqliteStore(path, options);
}
