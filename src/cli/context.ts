import type { Readable, Writable } from "node:stream";
import { type Config, loadConfig } from "../config.js";
import type { Logger } from "../logger.js";
import { openStore } from "../store/open-store.js";
import type { Store } from "../store/store.js";

/** Where the CLI writes, what it reads, and its clock: injected so tests run it in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
  now: () => Date;
  logger: Logger;
  /** Terminal width, when stdout is a terminal. */
  columns?: number;
  /** The process's streams, for the interactive prompt (`serve`). */
  stdin?: Readable & { isTTY?: boolean };
  stdoutStream?: Writable;
  /**
   * Ends a headless `serve` (chat platforms only) when aborted. Default: the process's SIGINT or SIGTERM.
   */
  shutdown?: AbortSignal;
}

export interface GlobalOptions {
  db?: string;
}

export function configFor(io: CliIo, global: GlobalOptions): Config {
  return loadConfig(io.env, global.db ? { dbPath: global.db } : {});
}

/** Opens the store named by the config, runs `fn`, and always closes the store. */
export async function withStore<T>(config: Config, io: CliIo, fn: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(config.dbPath, { logger: io.logger });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
