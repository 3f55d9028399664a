/** The stories of the SQLite store (grouping state, members, postings, listings), on the store's connection. */
import type Database from "better-sqlite3";
import { MAX_GAP_DAYS } from "../../core/stories/doc-time.js";
import type { StoryFeatures, StoryState } from "../../core/stories/types.js";
import { NewsdeskError } from "../../errors.js";
import type { StoryListOptions, StoryReadOptions, StoryRecord, StoryStore } from "../analysis.js";
import { jsonSet } from "./json-set.js";
import {
  centroidKeys,
  isoDay,
  membersByStory,
  parseState,
  type StoredState,
  type StoryRow,
  storedState,
  toStoryRecord,
  toStoryState,
} from "./story-rows.js";
import { prepareStoryStatements, type StoryStatements } from "./story-statements.js";
import { rowLimit, wrap } from "./support.js";

const DAY = 86_400_000;
/** Parsed story states kept for candidate look-ups, at most (then forgotten all at once). */
const STATE_CACHE = 4096;

type ReplacedStories = Array<{ state: StoryState; headline: string }>;

/** The stories, but their search (`searchStoryArticles`, which needs the articles' index: SqliteStore). */
export class SqliteStories implements Omit<StoryStore, "searchStoryArticles"> {
  readonly #db: Database.Database;
  readonly #st: StoryStatements;
  readonly #saveStory: (state: StoryState, headline: string, articleId: string) => void;
  readonly #replaceStories: (stories: ReplacedStories, features: Map<string, StoryFeatures>) => void;
  /**
   * Parsed states by story seq, with the JSON they were parsed from: the big stories are candidates for article
   * after article, and a state read again is used as parsed as long as its JSON is unchanged (whoever changed it).
   * Frozen, as they are shared.
   */
  readonly #states = new Map<number, { json: string; state: StoredState }>();

  constructor(db: Database.Database) {
    this.#db = db;
    const st = prepareStoryStatements(db);
    this.#st = st;

    const seqOf = (articleId: string): number => {
      const seq = st.seqById.get(articleId);
      if (seq === undefined) throw new NewsdeskError("NOT_FOUND", `no stored article with id ${articleId}`);
      return seq;
    };

    /** Adds an article to a story unless it is in it already; refuses one that belongs to another story. */
    const addMember = (seq: number, articleId: string): boolean => {
      const articleSeq = seqOf(articleId);
      const current = st.storyOfArticle.get(articleSeq);
      if (current === undefined) {
        st.addMember.run(seq, articleSeq);
        return true;
      }
      if (current !== seq) {
        throw new NewsdeskError(
          "STORE_FAILED",
          `article ${articleId} already belongs to story ${st.storyIdBySeq.get(current) ?? current}`,
        );
      }
      return false;
    };

    this.#saveStory = db.transaction((state: StoryState, headline: string, articleId: string) => {
      const now = new Date().toISOString();
      seqOf(articleId); // an unknown article fails before anything is written
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
      if (addMember(seq, articleId) && old !== undefined) st.touchStory.run(now, seq);

      // Postings change by a few keys per update: rewrite only those.
      const newKeys = centroidKeys(state.centroid);
      const keep = new Set(newKeys);
      const had = new Set(oldKeys);
      for (const key of oldKeys) if (!keep.has(key)) st.deletePosting.run(key, seq);
      for (const key of newKeys) if (!had.has(key)) st.insertPosting.run(key, seq);
      this.#refreshStats(seq, state);
    });

    // The same stories as saving each story once per article (`saveStory`), written once per story.
    this.#replaceStories = db.transaction(
      (stories: ReplacedStories, features: Map<string, StoryFeatures>) => {
        st.clearPostings.run();
        st.clearStories.run();
        for (const [articleId, f] of features) st.setFeatures.run(JSON.stringify(f), seqOf(articleId));
        const now = new Date().toISOString();
        for (const { state, headline } of stories) {
          if (state.articleIds.length === 0) continue; // a story without articles is never stored
          if (st.storyById.get(state.id) !== undefined) {
            // The same id twice: the second updates the first, article by article, as saveStory does.
            for (const articleId of state.articleIds) this.#saveStory(state, headline, articleId);
            continue;
          }
          const seq = Number(st.insertStory.run(state.id, headline, now).lastInsertRowid);
          st.putState.run(seq, storedState(state));
          for (const articleId of state.articleIds) addMember(seq, articleId);
          for (const key of centroidKeys(state.centroid)) st.insertPosting.run(key, seq);
          this.#refreshStats(seq, state);
        }
      },
    );
  }

  /** A story's counts, outlets and days, from its articles; days from its state when it has them. */
  #refreshStats(seq: number, state: Pick<StoryState, "start" | "end">): void {
    const st = this.#st;
    const stats = st.storyStats.get(seq) ?? { articles: 0, first: null, last: null };
    const sources = st.storySources.all(seq);
    st.setStoryStats.run({
      seq,
      articles: stats.articles,
      sources: JSON.stringify(sources),
      sourceCount: sources.length,
      start: isoDay(state.start) ?? stats.first,
      end: isoDay(state.end) ?? stats.last,
    });
  }

  /**
   * Refreshes the counts, outlets and days of the story holding an article (after its outlet or date changed).
   * Runs in the caller's transaction.
   */
  refreshStoryOf(articleSeq: number): void {
    const seq = this.#st.storyOfArticle.get(articleSeq);
    if (seq === undefined) return;
    const state = this.#st.stateBySeq.get(seq);
    this.#refreshStats(seq, state === undefined ? { start: null, end: null } : parseState(state));
  }

  #parsed(seq: number, json: string): StoredState {
    const known = this.#states.get(seq);
    if (known?.json === json) return known.state;
    const state = parseState(json);
    Object.freeze(state.centroid);
    for (const entry of state.centroid) Object.freeze(entry);
    Object.freeze(state.entities);
    Object.freeze(state);
    if (this.#states.size >= STATE_CACHE) this.#states.clear();
    this.#states.set(seq, { json, state });
    return state;
  }

  /** Runs a synchronous database operation, turning any failure into a STORE_FAILED NewsdeskError. */
  #run<T>(op: string, fn: (st: StoryStatements) => T): T {
    if (!this.#db.open) throw new NewsdeskError("STORE_FAILED", `store: ${op} failed: the store is closed`);
    try {
      return fn(this.#st);
    } catch (err) {
      throw wrap(op, err);
    }
  }

  /** Records of story rows, with all their article ids or the first `articleLimit`. */
  #records(st: StoryStatements, rows: readonly StoryRow[], options: StoryReadOptions): StoryRecord[] {
    if (rows.length === 0) return [];
    if (options.articleLimit === undefined) {
      const members = membersByStory(st.members.all(jsonSet(rows.map((r) => r.seq))));
      return rows.map((r) => toStoryRecord(r, members.get(r.seq) ?? []));
    }
    const n = rowLimit(options.articleLimit);
    return rows.map((r) => toStoryRecord(r, n === 0 ? [] : st.firstMembers.all(r.seq, n)));
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
      return rows.map((r) => toStoryState(r, this.#parsed(r.seq, r.state), members.get(r.seq) ?? []));
    });
  }

  async saveStory(state: StoryState, headline: string, articleId: string): Promise<void> {
    this.#run("save story", () => this.#saveStory(state, headline, articleId));
  }

  async replaceStories(stories: ReplacedStories, features: Map<string, StoryFeatures>): Promise<void> {
    this.#run("replace stories", () => this.#replaceStories(stories, features));
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
      return this.#records(st, list.all(since, n), options);
    });
  }

  async getStories(ids: string[], options: StoryReadOptions = {}): Promise<StoryRecord[]> {
    return this.#run("get stories", (st) => {
      if (ids.length === 0) return [];
      const rows = st.storiesByIds.all(jsonSet(ids));
      const byId = new Map(this.#records(st, rows, options).map((r) => [r.id, r]));
      return ids.flatMap((id) => byId.get(id) ?? []);
    });
  }

  async storiesOfArticles(articleIds: string[]): Promise<Map<string, string>> {
    return this.#run("stories of articles", (st) => {
      if (articleIds.length === 0) return new Map();
      return new Map(st.storiesOfArticles.all(jsonSet(articleIds)).map((r) => [r.article, r.story]));
    });
  }
}
