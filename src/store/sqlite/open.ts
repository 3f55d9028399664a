import Database from "better-sqlite3";
import type { Logger } from "pino";
import { migrate } from "./migrations.js";

/** How long a statement waits for another connection's write lock before failing with SQLITE_BUSY. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Opens (creating if needed) a SQLite database tuned for newsdesk and brings its schema up to date.
 * WAL lets readers work while a writer writes; `synchronous=NORMAL` is safe with WAL (a crash never corrupts the
 * database or leaves half a transaction; a power cut may lose the last commits) and makes each commit cheap.
 */
export function openDatabase(path: string, logger: Logger): Database.Database {
  const db = new Database(path);
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("temp_store = MEMORY");
    db.pragma("cache_size = -32000");
    // Checkpoint every ~40 MB of WAL rather than 4 MB: pages rewritten by many small commits (index roots, FTS
    // segments) are copied into the database once per checkpoint, so fewer checkpoints mean less writing.
    db.pragma("wal_autocheckpoint = 10000");
    migrate(db, logger);
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** Lets SQLite refresh its query planner statistics; cheap, meant to run before closing. */
export function optimizeDatabase(db: Database.Database): void {
  db.pragma("optimize");
}
