import type { Migration } from "./migrations.js";

/** Version 1: the articles, their full-text index, their MinHash signatures and the site blocks seen per outlet. */
export const ARTICLES_MIGRATION: Migration = {
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
};
