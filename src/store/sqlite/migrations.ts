import type Database from "better-sqlite3";
import type { Logger } from "pino";
import { NewsdeskError } from "../../errors.js";

export interface Migration {
  /** Positive, strictly increasing; never renumber or edit a released migration, add a new one. */
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: "articles, full-text index, signatures, site blocks",
    sql: `
      CREATE TABLE articles (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        external_id TEXT,
        title TEXT NOT NULL,
        source TEXT NOT NULL,
        url TEXT,
        author TEXT,
        published_at TEXT,
        language TEXT NOT NULL,
        text TEXT NOT NULL,
        ingested_at TEXT NOT NULL,
        content_hash TEXT NOT NULL UNIQUE,
        words INTEGER NOT NULL,
        raw_format TEXT NOT NULL,
        raw_body TEXT NOT NULL,
        raw_hints TEXT NOT NULL,
        raw_origin TEXT NOT NULL,
        raw_external_id TEXT
      );
      CREATE INDEX articles_url ON articles (url);
      CREATE INDEX articles_newest ON articles (coalesce(published_at, ingested_at));

      CREATE VIRTUAL TABLE articles_fts USING fts5 (
        title, text,
        content = 'articles', content_rowid = 'seq',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );

      CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;
      CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
      END;
      CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
        INSERT INTO articles_fts (articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
        INSERT INTO articles_fts (rowid, title, text) VALUES (new.seq, new.title, new.text);
      END;

      CREATE TABLE signatures (
        article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        signature BLOB NOT NULL
      );
      CREATE TABLE signature_bands (
        band_key INTEGER NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        PRIMARY KEY (band_key, article_seq)
      ) WITHOUT ROWID;

      CREATE TABLE site_blocks (
        source TEXT NOT NULL,
        block_hash TEXT NOT NULL,
        article_seq INTEGER NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
        PRIMARY KEY (source, block_hash, article_seq)
      ) WITHOUT ROWID;
    `,
  },
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
