import type { StoryFeatures, StoryState } from "../core/stories/types.js";
import type { Attribution } from "../nlp/quotes/index.js";

/** An attribution as stored: who said what in one article (see src/nlp/quotes); offsets index the clean text. */
export type StoredAttribution = Pick<
  Attribution,
  "speaker" | "speakerMention" | "content" | "cue" | "direct" | "contentStart" | "contentEnd"
>;

/** An attribution with the article it comes from, for citing. */
export interface AttributionHit extends StoredAttribution {
  articleId: string;
  title: string;
  source: string;
  url: string | null;
  publishedAt: string | null;
  /** BM25 relevance (higher is better) for searches; 0 for plain listings. */
  score: number;
}

/** What ingestion derives from an article's clean text, stored with it so commands need not recompute it. */
export interface ArticleAnalysis {
  attributions: StoredAttribution[];
  /** Story-grouping features (src/core/stories). */
  storyFeatures: StoryFeatures;
  /** The article's story keys (`documentKeys`), counted for document frequencies. */
  storyKeys: string[];
  /** Lower-case topic keywords: names and salient words in their written form ("sovereignty", "claudia sheinbaum"). */
  keywords: string[];
}

/** A story as listed to users. Dates are ISO `YYYY-MM-DD`. */
export interface StoryRecord {
  id: string;
  headline: string;
  /**
   * The story's articles in the order they joined: all of them, or only the first ones when the listing asked
   * for at most `articleLimit`. `articleCount` always counts them all.
   */
  articleIds: string[];
  /** Every outlet of the story, in the order their first article joined (whatever `articleLimit`). */
  sources: string[];
  articleCount: number;
  sourceCount: number;
  start: string | null;
  end: string | null;
  /** ISO time the story last gained an article. */
  updatedAt: string;
}

export interface StoryReadOptions {
  /**
   * At most this many article ids per story, those that joined first (0: none). Default: all of them, which for a
   * big story means reading hundreds of rows: listings that show a few articles should set it.
   */
  articleLimit?: number;
}

export interface StoryListOptions extends StoryReadOptions {
  /** "recent": newest `end` first; "breadth": most sources, then most articles, then newest. */
  orderBy: "recent" | "breadth";
  limit: number;
  /** ISO date: only stories whose `end` (or, undated, `updatedAt`) is at or after it. */
  since?: string;
}

/** An article matching a search, and the story it belongs to. */
export interface StoryArticleHit {
  articleId: string;
  storyId: string;
}

/** The stories: grouping state, members and listings. Part of the analysis store. */
export interface StoryStore {
  /**
   * Stories whose centroid shares at least one of `keys`: at most `limit`, those sharing the most keys first, then
   * the most recently updated. Given the article's `time` (`StoryFeatures.time`), stories whose known span is more
   * than MAX_GAP_DAYS away from it are left out, as `StoryIndex.candidates` does: they could not take the article,
   * and older stories on the same topic would otherwise crowd the right one out of the `limit`.
   */
  candidateStories(keys: string[], limit: number, time?: number | null): Promise<StoryState[]>;
  /** Creates or updates a story (state and headline), adds `articleId` to it, and refreshes its postings. */
  saveStory(state: StoryState, headline: string, articleId: string): Promise<void>;
  /**
   * Replaces every story at once (after re-grouping the whole corpus) and the story features of the given
   * articles, in one transaction.
   */
  replaceStories(
    stories: Array<{ state: StoryState; headline: string }>,
    features: Map<string, StoryFeatures>,
  ): Promise<void>;
  /** Ids of analysed articles that belong to no story yet, oldest first. */
  ungroupedArticleIds(limit: number): Promise<string[]>;
  listStories(options: StoryListOptions): Promise<StoryRecord[]>;
  /** The stories with these ids, in the order given; unknown ids are skipped. */
  getStories(ids: string[], options?: StoryReadOptions): Promise<StoryRecord[]>;
  /**
   * The articles best matching a full-text query (ranked and limited as `search`, with user text just as safe)
   * that belong to a story, best first, with their story: `search` and `storiesOfArticles` in one, without
   * making snippets.
   */
  searchStoryArticles(query: string, limit: number): Promise<StoryArticleHit[]>;
  /** The story each of the given articles belongs to (articles without a story are absent). */
  storiesOfArticles(articleIds: string[]): Promise<Map<string, string>>;
}

/** The analysis half of the store: attributions, stories, keywords. Implemented next to the article store. */
export interface AnalysisStore extends StoryStore {
  /** Saves an article's analysis, replacing any earlier one, in one transaction. */
  saveAnalysis(articleId: string, analysis: ArticleAnalysis): Promise<void>;
  /** Ids of stored articles that have no analysis yet, oldest first (for recovery after an interruption). */
  unanalysedArticleIds(limit: number): Promise<string[]>;

  /** Document frequency of each story key among analysed articles, and how many articles were analysed. */
  storyKeyFrequencies(keys: string[]): Promise<{ df: Map<string, number>; total: number }>;
  getStoryFeatures(articleIds: string[]): Promise<Map<string, StoryFeatures>>;

  /** Full-text search over attribution content and speakers; user text is safe as in `search`. */
  searchAttributions(
    query: string,
    options: { limit: number; speaker?: string; directOnly?: boolean },
  ): Promise<AttributionHit[]>;
  /** Attributions whose speaker matches `name` (whole-word, case-insensitive: "Sheinbaum" finds "Claudia Sheinbaum"), newest article first. */
  attributionsBySpeaker(name: string, limit: number): Promise<AttributionHit[]>;
  attributionsOfArticles(articleIds: string[]): Promise<AttributionHit[]>;
  /** Speakers with the most attributions. */
  topSpeakers(limit: number): Promise<Array<{ name: string; attributions: number; articles: number }>>;

  /** Outlets with their article counts and latest publication (or ingest) date. */
  sources(): Promise<Array<{ name: string; articles: number; latest: string | null }>>;
  /** Keywords by how many articles carry them. */
  topKeywords(limit: number): Promise<Array<{ term: string; articles: number }>>;
  /** How many articles carry each keyword. */
  keywordCounts(terms: string[]): Promise<Map<string, number>>;
  keywordsOfArticles(articleIds: string[]): Promise<Map<string, string[]>>;
}
