import type { Migration } from "./migrations.js";

/**
 * Version 2: what ingestion derives from each article (attributions, story features and key frequencies,
 * keywords) and the stories.
 */
export const ANALYSIS_MIGRATION: Migration = {
  version: 2,
  name: "analysis: attributions, story features and key frequencies, keywords, stories",
  sql: `
      -- One row per analysed article, kept small so that finding the articles without one scans little.
      CREATE TABLE article_analysis (
        article_seq INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
        analysed_at TEXT NOT NULL
      );
      -- The bulky part of an analysis: story features, and the article's distinct story keys (a JSON array) so
      -- that replacing or deleting the analysis can take them back out of story_key_df.
      CREATE TABLE article_features (
        article_seq INTEGER PRIMARY KEY REFERENCES article_analysis (article_seq) ON DELETE CASCADE,
        story_features TEXT NOT NULL,
        story_keys TEXT NOT NULL
      );
      -- count(*) of article_analysis would read the whole table: the count is kept here instead.
      CREATE TABLE analysis_totals (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        analysed INTEGER NOT NULL
      );
      INSERT INTO analysis_totals (id, analysed) VALUES (1, 0);
      CREATE TABLE story_key_df (
        key TEXT PRIMARY KEY,
        df INTEGER NOT NULL
      ) WITHOUT ROWID;

      -- Triggers keep the counts in step with the analyses however their rows go (replaced, or deleted with their
      -- article).
      CREATE TRIGGER article_analysis_insert AFTER INSERT ON article_analysis BEGIN
        UPDATE analysis_totals SET analysed = analysed + 1 WHERE id = 1;
      END;
      CREATE TRIGGER article_analysis_delete AFTER DELETE ON article_analysis BEGIN
        UPDATE analysis_totals SET analysed = analysed - 1 WHERE id = 1;
      END;
      CREATE TRIGGER article_features_insert AFTER INSERT ON article_features BEGIN
        INSERT INTO story_key_df (key, df) SELECT DISTINCT value, 1 FROM json_each(new.story_keys) WHERE true
          ON CONFLICT (key) DO UPDATE SET df = df + 1;
      END;
      CREATE TRIGGER article_features_delete AFTER DELETE ON article_features BEGIN
        UPDATE story_key_df SET df = df - 1 WHERE key IN (SELECT value FROM json_each(old.story_keys));
        DELETE FROM story_key_df WHERE df <= 0 AND key IN (SELECT value FROM json_each(old.story_keys));
      END;

      -- An article's keywords in their given order (rank); keyword_counts counts the articles carrying each.
      CREATE TABLE keywords (
        article_seq INTEGER NOT NULL REFERENCES article_analysis (article_seq) ON DELETE CASCADE,
        rank INTEGER NOT NULL,
        term TEXT NOT NULL,
        PRIMARY KEY (article_seq, rank)
      ) WITHOUT ROWID;
      CREATE TABLE keyword_counts (
        term TEXT PRIMARY KEY,
        articles INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX keyword_counts_top ON keyword_counts (articles DESC, term);
      CREATE TRIGGER keywords_insert AFTER INSERT ON keywords BEGIN
        INSERT INTO keyword_counts (term, articles) VALUES (new.term, 1)
          ON CONFLICT (term) DO UPDATE SET articles = articles + 1;
      END;
      CREATE TRIGGER keywords_delete AFTER DELETE ON keywords BEGIN
        UPDATE keyword_counts SET articles = articles - 1 WHERE term = old.term;
        DELETE FROM keyword_counts WHERE term = old.term AND articles <= 0;
      END;

      CREATE TABLE attributions (
        id INTEGER PRIMARY KEY,
        article_seq INTEGER NOT NULL REFERENCES article_analysis (article_seq) ON DELETE CASCADE,
        speaker TEXT NOT NULL,
        speaker_mention TEXT NOT NULL,
        content TEXT NOT NULL,
        cue TEXT NOT NULL,
        direct INTEGER NOT NULL CHECK (direct IN (0, 1)),
        content_start INTEGER NOT NULL,
        content_end INTEGER NOT NULL,
        -- Indexed as a word of its own by attributions_fts, so that "direct quotes only" filters in the index.
        kind TEXT GENERATED ALWAYS AS (CASE direct WHEN 1 THEN 'direct' ELSE 'reported' END) VIRTUAL
      );
      CREATE INDEX attributions_article ON attributions (article_seq);
      CREATE INDEX attributions_speaker ON attributions (speaker COLLATE NOCASE, article_seq);

      CREATE VIRTUAL TABLE attributions_fts USING fts5 (
        content, speaker, kind,
        content = 'attributions', content_rowid = 'id',
        tokenize = 'porter unicode61 remove_diacritics 2'
      );
      CREATE TRIGGER attributions_fts_insert AFTER INSERT ON attributions BEGIN
        INSERT INTO attributions_fts (rowid, content, speaker, kind)
          VALUES (new.id, new.content, new.speaker, new.kind);
      END;
      CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
        INSERT INTO attributions_fts (attributions_fts, rowid, content, speaker, kind)
          VALUES ('delete', old.id, old.content, old.speaker, old.kind);
      END;
      CREATE TRIGGER attributions_fts_update AFTER UPDATE OF content, speaker, direct ON attributions BEGIN
        INSERT INTO attributions_fts (attributions_fts, rowid, content, speaker, kind)
          VALUES ('delete', old.id, old.content, old.speaker, old.kind);
        INSERT INTO attributions_fts (rowid, content, speaker, kind)
          VALUES (new.id, new.content, new.speaker, new.kind);
      END;

      -- Attributions and articles per speaker (case-insensitive; the first spelling stored names it), for
      -- topSpeakers. An article counts once per speaker: the triggers look for the speaker's other attributions
      -- in the same article through attributions_speaker.
      CREATE TABLE speaker_counts (
        speaker TEXT COLLATE NOCASE PRIMARY KEY,
        attributions INTEGER NOT NULL,
        articles INTEGER NOT NULL
      ) WITHOUT ROWID;
      CREATE INDEX speaker_counts_top ON speaker_counts (attributions DESC, articles DESC, speaker);
      CREATE TRIGGER speaker_counts_insert AFTER INSERT ON attributions BEGIN
        INSERT INTO speaker_counts (speaker, attributions, articles)
          VALUES (new.speaker, 1, NOT EXISTS (SELECT 1 FROM attributions WHERE speaker = new.speaker COLLATE NOCASE
            AND article_seq = new.article_seq AND id <> new.id))
          ON CONFLICT (speaker) DO UPDATE SET attributions = attributions + 1, articles = articles + excluded.articles;
      END;
      CREATE TRIGGER speaker_counts_delete AFTER DELETE ON attributions BEGIN
        UPDATE speaker_counts SET attributions = attributions - 1,
          articles = articles - NOT EXISTS (SELECT 1 FROM attributions WHERE speaker = old.speaker COLLATE NOCASE
            AND article_seq = old.article_seq)
        WHERE speaker = old.speaker;
        DELETE FROM speaker_counts WHERE speaker = old.speaker AND attributions <= 0;
      END;
      CREATE TRIGGER speaker_counts_update AFTER UPDATE OF speaker, article_seq ON attributions BEGIN
        UPDATE speaker_counts SET attributions = attributions - 1,
          articles = articles - NOT EXISTS (SELECT 1 FROM attributions WHERE speaker = old.speaker COLLATE NOCASE
            AND article_seq = old.article_seq AND id <> old.id)
        WHERE speaker = old.speaker;
        DELETE FROM speaker_counts WHERE speaker = old.speaker AND attributions <= 0;
        INSERT INTO speaker_counts (speaker, attributions, articles)
          VALUES (new.speaker, 1, NOT EXISTS (SELECT 1 FROM attributions WHERE speaker = new.speaker COLLATE NOCASE
            AND article_seq = new.article_seq AND id <> new.id))
          ON CONFLICT (speaker) DO UPDATE SET attributions = attributions + 1, articles = articles + excluded.articles;
      END;

      -- A story, in a small row for listings and candidate ranking. start_day/end_day are ISO dates; touched
      -- grows with every article a story gains, ordering stories by their last update exactly.
      CREATE TABLE stories (
        seq INTEGER PRIMARY KEY,
        id TEXT NOT NULL UNIQUE,
        headline TEXT NOT NULL,
        article_count INTEGER NOT NULL,
        source_count INTEGER NOT NULL,
        start_day TEXT,
        end_day TEXT,
        updated_at TEXT NOT NULL,
        touched INTEGER NOT NULL
      );
      CREATE INDEX stories_recent ON stories (coalesce(end_day, substr(updated_at, 1, 10)), touched);
      CREATE INDEX stories_breadth ON stories (
        source_count, article_count, coalesce(end_day, substr(updated_at, 1, 10)), touched
      );
      CREATE INDEX stories_touched ON stories (touched);
      -- Its StoryState as JSON, without id and articleIds (the id column and story_articles): the centroid makes
      -- it a few kB, whatever the number of articles.
      CREATE TABLE story_states (
        story_seq INTEGER PRIMARY KEY REFERENCES stories (seq) ON DELETE CASCADE,
        state TEXT NOT NULL
      );

      -- Members in the order they joined (rowid). An article belongs to at most one story.
      CREATE TABLE story_articles (
        story_seq INTEGER NOT NULL REFERENCES stories (seq) ON DELETE CASCADE,
        article_seq INTEGER NOT NULL UNIQUE REFERENCES articles (seq) ON DELETE CASCADE
      );
      CREATE INDEX story_articles_story ON story_articles (story_seq);

      -- Inverted index from centroid keys to stories, for candidateStories. Derived from stories.state and
      -- rewritten by saveStory; no foreign key, which would need a second index on story_seq.
      CREATE TABLE story_postings (
        key TEXT NOT NULL,
        story_seq INTEGER NOT NULL,
        PRIMARY KEY (key, story_seq)
      ) WITHOUT ROWID;

      -- sources(): grouped by outlet, with its newest date, from the index alone.
      CREATE INDEX articles_source_newest ON articles (source, coalesce(published_at, ingested_at));
    `,
};
