/**
 * The analysis half of the SQLite store (attributions, story features and key frequencies, keywords, outlets), on
 * the store's connection. Stories are in sqlite-stories.ts.
 */
import type Database from "better-sqlite3";
import type { Logger } from "pino";
import type { StoryFeatures } from "../../core/stories/types.js";
import { describeError, NewsdeskError } from "../../errors.js";
import type { AnalysisStore, ArticleAnalysis, AttributionHit, StoryStore } from "../analysis.js";
import { parseFeatures, toAttributionHit, toAttributionParams } from "./analysis-rows.js";
import { type AnalysisStatements, prepareAnalysisStatements } from "./analysis-statements.js";
import { ftsExpression, queryTerms } from "./fts-query.js";
import { jsonSet } from "./json-set.js";
import { registerSpeakerMatch, speakerQuery } from "./speaker-match.js";
import { isFtsQueryError, rowLimit, searchLimit, wrap } from "./support.js";

/** The columns of attributions_fts that user words may match, and the filter for direct quotes. */
const WORDS_COLUMNS = "{content speaker}";
const DIRECT_ONLY = 'kind : "direct"';

export class SqliteAnalysis implements Omit<AnalysisStore, keyof StoryStore> {
  readonly #db: Database.Database;
  readonly #st: AnalysisStatements;
  readonly #log: Logger;
  readonly #save: (articleId: string, analysis: ArticleAnalysis) => void;

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
