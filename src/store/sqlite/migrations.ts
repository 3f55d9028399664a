import type Database from "better-sqlite3";
import type { Logger } from "pino";
import { NewsdeskError } from "../../errors.js";
import { ANALYSIS_MIGRATION } from "./migrations-analysis.js";
import { ARTICLES_MIGRATION } from "./migrations-articles.js";
import { CHANNELS_MIGRATION } from "./migrations-channels.js";
import { FEEDS_MIGRATION } from "./migrations-feeds.js";
import { LLM_MIGRATION } from "./migrations-llm.js";
import { STORIES_MIGRATION } from "./migrations-stories.js";

export interface Migration {
  /** Positive, strictly increasing; never renumber or edit a released migration, add a new one. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  ARTICLES_MIGRATION,
  ANALYSIS_MIGRATION,
  CHANNELS_MIGRATION,
  LLM_MIGRATION,
  FEEDS_MIGRATION,
  STORIES_MIGRATION,
];

const CREATE_MIGRATIONS_TABLE = `
  CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`;

/** Throws unless versions are positive integers in strictly increasing order. */
function assertOrdered(migrations: readonly Migration[]): void {
  let previous = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= previous) {
      throw new NewsdeskError(
        "STORE_FAILED",
        `migration ${m.version} (${m.name}) is out of order: versions must increase from 1`,
      );
    }
    previous = m.version;
  }
}

/** Versions recorded as applied, ascending. */
export function appliedVersions(db: Database.Database): number[] {
  db.exec(CREATE_MIGRATIONS_TABLE);
  const rows = db.prepare("SELECT version FROM schema_migrations ORDER BY version").pluck().all();
  return rows as number[];
}

/**
 * Applies every migration not yet recorded, in version order, each in its own IMMEDIATE transaction together
 * with its `schema_migrations` row, so a migration is applied entirely or not at all, and exactly once even when
 * two processes open the same database at the same time. Returns the versions it applied.
 */
export function migrate(
  db: Database.Database,
  logger: Logger,
  migrations: readonly Migration[] = MIGRATIONS,
): number[] {
  assertOrdered(migrations);
  const known = new Set(migrations.map((m) => m.version));
  const newest = migrations.at(-1)?.version ?? 0;
  const done = appliedVersions(db);
  const unknown = done.filter((v) => !known.has(v));
  if (unknown.some((v) => v > newest)) {
    throw new NewsdeskError(
      "STORE_FAILED",
      `the database has schema version ${Math.max(...unknown)}, newer than this newsdesk knows (${newest}): upgrade newsdesk`,
    );
  }
  const isApplied = db.prepare("SELECT 1 FROM schema_migrations WHERE version = ?").pluck();
  const record = db.prepare("INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)");
  const applied: number[] = [];
  for (const m of migrations) {
    if (done.includes(m.version)) continue;
    const apply = db.transaction(() => {
      // Another process may have applied it between our check and our lock.
      if (isApplied.get(m.version) !== undefined) return false;
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
      return true;
    });
    if (apply.immediate()) {
      applied.push(m.version);
      logger.info({ version: m.version, migration: m.name }, "store: applied migration");
    }
  }
  return applied;
}
