/** The analysis half of the SQLite store (attributions, story features, stories, keywords), on the store's connection. */
import type Database from "better-sqlite3";
import type { Logger } from "pino";
import { MAX_GAP_DAYS } from "../../core/stories/doc-time.js";
import type { StoryFeatures, StoryState } from "../../core/stories/types.js";
import { describeError, NewsdeskError } from "../../errors.js";
import type {
  AnalysisStore,
  ArticleAnalysis,
  AttributionHit,
  StoryListOptions,
  StoryRecord,
} from "../analysis.js";
import {
  centroidKeys,
  isoDay,
  membersByStory,
  parseFeatures,
  parseState,
  type StoryRow,
  storedState,
  toAttributionHit,
  toAttributionParams,
  toStoryRecord,
  toStoryState,
} from "./analysis-rows.js";
import { type AnalysisStatements, prepareAnalysisStatements } from "./analysis-statements.js";
import { ftsExpression, queryTerms } from "./fts-query.js";
import { registerSpeakerMatch, speakerQuery } from "./speaker-match.js";
import { isFtsQueryError, rowLimit, searchLimit, wrap } from "./support.js";

const DAY = 86_400_000;

/** The columns of attributions_fts that user words may match, and the filter for direct quotes. */
const WORDS_COLUMNS = "{content speaker}";
const DIRECT_ONLY = 'kind : "direct"';

/** The distinct values of a list as the JSON array json_each reads. */
function jsonSet(values: readonly string[] | readonly number[]): string {
  return JSON.stringify([...new Set<string | number>(values)]);
}

export class SqliteAnalysis implements AnalysisStore {
  readonly #db: Database.Database;
  readonly #st: AnalysisStatements;
  readonly #log: Logger;
  readonly #save: (articleId: string, analysis: ArticleAnalysis) => void;
  readonly #saveStory: (state: StoryState, headline: string, articleId: string) => void;
  readonly #replaceStories: (
    stories: Array<{ state: StoryState; headline: string }>,
    features: Map<string, StoryFeatures>,
  ) => void;

  constructor(db: Database.Database, logger: Logger) {
    this.#db = db;
    this.#log = logger;
    registerSpeakerMatch(db);
    const st = prepareAnalysisStatements(db);
    this.#st = st;

    const seqOf = (articleId: string): number => {
      const seq = st.seqById.get(articleId);
      if (seq === undefined) throw new NewsdeskError("NOT_FOUND", `no stored article with id ${articleId}`);
      return seq;
    };

    this.#save = db.transaction((articleId: string, a: ArticleAnalysis) => {
      const seq = seqOf(articleId);
      // Children first, as they reference the analysis row. Triggers undo and redo the counts.
      st.deleteAttributions.run(seq);
      st.deleteKeywords.run(seq);
      st.deleteFeatures.run(seq);
      st.deleteAnalysis.run(seq);
      st.insertAnalysis.run(seq, new Date().toISOString());
      st.insertFeatures.run(seq, JSON.stringify(a.storyFeatures), jsonSet(a.storyKeys));
      let rank = 0;
      for (const term of new Set(a.keywords)) st.insertKeyword.run(seq, rank++, term);
      for (const attribution of a.attributions)
        st.insertAttribution.run(toAttributionParams(seq, attribution));
    });

    this.#saveStory = db.transaction((state: StoryState, headline: string, articleId: string) => {
      const articleSeq = seqOf(articleId);
      const now = new Date().toISOString();
      const old = st.storyById.get(state.id);
      let seq: number;
      let oldKeys: string[] = [];
      if (old === undefined) {
        seq = Number(st.insertStory.run(state.id, headline, now).lastInsertRowid);
      } else {
        seq = old.seq;
        oldKeys = centroidKeys(parseState(old.state).centroid);
        st.setHeadline.run(headline, seq);
      }
      st.putState.run(seq, storedState(state));

      const current = st.storyOfArticle.get(articleSeq);
      if (current === undefined) {
        st.addMember.run(seq, articleSeq);
        if (old !== undefined) st.touchStory.run(now, seq);
      } else if (current !== seq) {
        throw new NewsdeskError(
          "STORE_FAILED",
          `article ${articleId} already belongs to story ${st.storyIdBySeq.get(current) ?? current}`,
        );
      }

      // Postings change by a few keys per update: rewrite only those.
      const newKeys = centroidKeys(state.centroid);
      const keep = new Set(newKeys);
      const had = new Set(oldKeys);
      for (const key of oldKeys) if (!keep.has(key)) st.deletePosting.run(key, seq);
      for (const key of newKeys) if (!had.has(key)) st.insertPosting.run(key, seq);

      const stats = st.storyStats.get(seq) ?? { articles: 0, sources: 0, first: null, last: null };
      const start = isoDay(state.start) ?? stats.first;
      const end = isoDay(state.end) ?? stats.last;
      st.setStoryStats.run(stats.articles, stats.sources, start, end, seq);
    });

    // Stories cascade to their states and members; postings have no foreign key and are cleared by hand.
    const clearStories = db.prepare("DELETE FROM stories");
    const clearPostings = db.prepare("DELETE FROM story_postings");
    const setFeatures = db.prepare<[string, number]>(
      "UPDATE article_features SET story_features = ? WHERE article_seq = ?",
    );
    this.#replaceStories = db.transaction(
      (stories: Array<{ state: StoryState; headline: string }>, features: Map<string, StoryFeatures>) => {
        clearPostings.run();
        clearStories.run();
        for (const [articleId, f] of features) setFeatures.run(JSON.stringify(f), seqOf(articleId));
        for (const { state, headline } of stories) {
          for (const articleId of state.articleIds) this.#saveStory(state, headline, articleId);
        }
      },
    );
  }

  /** Runs a synchronous database operation, turning any failure into a STORE_FAILED NewsdeskError. */
  #run<T>(op: string, fn: (st: AnalysisStatements) => T): T {
    if (!this.#db.open) throw new NewsdeskError("STORE_FAILED", `store: ${op} failed: the store is closed`);
    try {
      return fn(this.#st);
    } catch (err) {
      throw wrap(op, err);
    }
  }

  /** Full-text searches find nothing, rather than fail, should FTS5 reject a (quoted, so valid) expression. */
  #match<T>(fn: () => T[], context: object): T[] {
    try {
      return fn();
    } catch (err) {
      if (!isFtsQueryError(err)) throw err;
      this.#log.warn({ err, ...context }, "store: attribution search rejected by FTS5");
      return [];
    }
  }

  #records(st: AnalysisStatements, rows: readonly StoryRow[]): StoryRecord[] {
    if (rows.length === 0) return [];
    const members = membersByStory(st.members.all(jsonSet(rows.map((r) => r.seq))));
    return rows.map((r) => toStoryRecord(r, members.get(r.seq) ?? []));
  }

  async saveAnalysis(articleId: string, analysis: ArticleAnalysis): Promise<void> {
    this.#run("save analysis", () => this.#save(articleId, analysis));
  }

  async unanalysedArticleIds(limit: number): Promise<string[]> {
    return this.#run("list unanalysed articles", (st) => st.unanalysed.all(rowLimit(limit)));
  }

  async storyKeyFrequencies(keys: string[]): Promise<{ df: Map<string, number>; total: number }> {
    return this.#run("story key frequencies", (st) => {
      const df = new Map<string, number>(keys.map((k) => [k, 0]));
      if (df.size > 0) for (const row of st.keyFrequencies.all(jsonSet(keys))) df.set(row.key, row.df);
      return { df, total: st.analysedTotal.get() ?? 0 };
    });
  }

  async candidateStories(keys: string[], limit: number, time?: number | null): Promise<StoryState[]> {
    return this.#run("candidate stories", (st) => {
      const n = rowLimit(limit);
      if (keys.length === 0 || n === 0) return [];
      const gap = MAX_GAP_DAYS * DAY;
      const near = typeof time === "number" && Number.isFinite(time);
      const from = near ? isoDay(time - gap) : null;
      const to = near ? isoDay(time + gap) : null;
      const rows = st.candidates.all({ keys: jsonSet(keys), limit: n, from, to });
      if (rows.length === 0) return [];
      const members = membersByStory(st.members.all(jsonSet(rows.map((r) => r.seq))));
      return rows.map((r) =>
        toStoryState(
          r,
          (members.get(r.seq) ?? []).map((m) => m.id),
        ),
      );
    });
  }

  async replaceStories(
    stories: Array<{ state: StoryState; headline: string }>,
    features: Map<string, StoryFeatures>,
  ): Promise<void> {
    this.#run("replace stories", () => this.#replaceStories(stories, features));
  }

  async saveStory(state: StoryState, headline: string, articleId: string): Promise<void> {
    this.#run("save story", () => this.#saveStory(state, headline, articleId));
  }

  async ungroupedArticleIds(limit: number): Promise<string[]> {
    return this.#run("list ungrouped articles", (st) => st.ungrouped.all(rowLimit(limit)));
  }

  async listStories(options: StoryListOptions): Promise<StoryRecord[]> {
    return this.#run("list stories", (st) => {
      const n = rowLimit(options.limit);
      if (n === 0) return [];
      // Stories are dated by day: a date-time `since` counts from its day.
      const since = options.since?.slice(0, 10) ?? "";
      const list = options.orderBy === "breadth" ? st.listBreadth : st.listRecent;
      return this.#records(st, list.all(since, n));
    });
  }

  async getStories(ids: string[]): Promise<StoryRecord[]> {
    return this.#run("get stories", (st) => {
      if (ids.length === 0) return [];
      const byId = new Map(this.#records(st, st.storiesByIds.all(jsonSet(ids))).map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    });
  }

  async storiesOfArticles(articleIds: string[]): Promise<Map<string, string>> {
    return this.#run("stories of articles", (st) => {
      if (articleIds.length === 0) return new Map();
      return new Map(st.storiesOfArticles.all(jsonSet(articleIds)).map((r) => [r.article, r.story]));
    });
  }

  async getStoryFeatures(articleIds: string[]): Promise<Map<string, StoryFeatures>> {
    return this.#run("get story features", (st) => {
      if (articleIds.length === 0) return new Map();
      return new Map(st.featuresOf.all(jsonSet(articleIds)).map((r) => [r.id, parseFeatures(r.features)]));
    });
  }

  async searchAttributions(
    query: string,
    options: { limit: number; speaker?: string; directOnly?: boolean },
  ): Promise<AttributionHit[]> {
    return this.#run("search attributions", (st) => {
      const limit = searchLimit(options.limit);
      const terms = queryTerms(query);
      const all = ftsExpression(terms, "and");
      if (limit === 0 || all === null) return [];
      // The words may match content and speaker, never the kind column, which holds the filter.
      let filters = options.directOnly === true ? ` AND ${DIRECT_ONLY}` : "";
      let speaker: string | null = null;
      if (typeof options.speaker === "string" && options.speaker.trim() !== "") {
        const q = speakerQuery(options.speaker);
        if (q === null) return [];
        speaker = q.words;
        filters += ` AND ${q.phrase}`;
      }
      const search = (expr: string) => {
        const match = `${WORDS_COLUMNS} : (${expr})${filters}`;
        return speaker === null
          ? st.search.all({ match, limit })
          : st.searchSpeaker.all({ match, speaker, limit });
      };
      return this.#match(
        () => {
          let rows = search(all);
          if (rows.length === 0 && terms.length > 1) rows = search(ftsExpression(terms, "or") ?? all);
          return rows.map(toAttributionHit);
        },
        { terms, speaker },
      );
    });
  }

  async attributionsBySpeaker(name: string, limit: number): Promise<AttributionHit[]> {
    return this.#run("attributions by speaker", (st) => {
      const n = searchLimit(limit);
      const q = speakerQuery(name);
      if (n === 0 || q === null) return [];
      return this.#match(
        () => st.bySpeaker.all({ match: q.phrase, speaker: q.words, limit: n }).map(toAttributionHit),
        { speaker: q.words },
      );
    });
  }

  async attributionsOfArticles(articleIds: string[]): Promise<AttributionHit[]> {
    return this.#run("attributions of articles", (st) => {
      if (articleIds.length === 0) return [];
      const byArticle = new Map<string, AttributionHit[]>();
      for (const hit of st.ofArticles.all(jsonSet(articleIds)).map(toAttributionHit)) {
        const list = byArticle.get(hit.articleId);
        if (list === undefined) byArticle.set(hit.articleId, [hit]);
        else list.push(hit);
      }
      return [...new Set(articleIds)].flatMap((id) => byArticle.get(id) ?? []);
    });
  }

  async topSpeakers(limit: number): Promise<Array<{ name: string; attributions: number; articles: number }>> {
    return this.#run("top speakers", (st) => st.topSpeakers.all(rowLimit(limit)));
  }

  async sources(): Promise<Array<{ name: string; articles: number; latest: string | null }>> {
    return this.#run("list sources", (st) => st.sources.all());
  }

  async topKeywords(limit: number): Promise<Array<{ term: string; articles: number }>> {
    return this.#run("top keywords", (st) => st.topKeywords.all(rowLimit(limit)));
  }

  async keywordCounts(terms: string[]): Promise<Map<string, number>> {
    return this.#run("keyword counts", (st) => {
      const counts = new Map<string, number>(terms.map((t) => [t, 0]));
      if (counts.size > 0)
        for (const r of st.keywordCounts.all(jsonSet(terms))) counts.set(r.term, r.articles);
      return counts;
    });
  }

  async keywordsOfArticles(articleIds: string[]): Promise<Map<string, string[]>> {
    return this.#run("keywords of articles", (st) => {
      const out = new Map<string, string[]>();
      if (articleIds.length === 0) return out;
      for (const { id, term } of st.keywordsOf.all(jsonSet(articleIds))) {
        let list = out.get(id);
        if (list === undefined) {
          list = [];
          out.set(id, list);
        }
        if (term !== null) list.push(term);
      }
      return out;
    });
  }

  /** Problems of the attribution search index (for the store's integrity check); empty when it is sound. */
  indexProblems(): string[] {
    try {
      this.#st.ftsIntegrityCheck.run();
      return [];
    } catch (err) {
      return [`attribution full-text index: ${describeError(err)}`];
    }
  }
}
