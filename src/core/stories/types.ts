/** Types of the story-grouping algorithm. Plain JSON-friendly data: the store persists them as they are. */

/** One article as the grouping sees it. */
export interface StoryDoc {
  id: string;
  title: string;
  text: string;
  /** ISO 8601 date or date-time, or null when unknown. */
  publishedAt: string | null;
  source: string;
}

/**
 * Compact per-article features, computed once at ingest and persisted by the store as JSON.
 *
 * `terms` is one L2-normalized TF-IDF vector holding three kinds of keys, sorted by weight (descending):
 * plain word stems (`"call"`), named entities prefixed with `@` (`"@claudia sheinbaum"`) and numbers with their
 * unit prefixed with `#` (`"#15 minute"`, `"#97%"`, `"#$2.5 billion"`). `entities` and `numbers` list the same
 * entities and numbers without prefix, for display and candidate look-up. `time` is the publication day in
 * milliseconds since the epoch (UTC midnight), or null.
 */
export interface StoryFeatures {
  terms: Array<[string, number]>;
  entities: string[];
  numbers: string[];
  time: number | null;
  /**
   * The word keys of the heaviest entities' mentions ("sheinbaum" → ["claudia", "sheinbaum"]), to leave a shared
   * cast out of the evidence when the cues say different events. Absent in features from older versions.
   */
  nameWords?: Record<string, string[]>;
  /**
   * Event cues (`cues.ts`): `%day:friday`, `%kind:call` and so on, weighted by where the article mentions them.
   * Not part of `terms`; a story keeps their mean next to its centroid. Absent when none, and in older features.
   */
  cues?: Array<[string, number]>;
}

/**
 * A story: the articles about one event. Small and fixed-size whatever the number of articles: `centroid` is the
 * mean of the members' `terms` vectors cut to its heaviest keys, followed by the mean of their `cues` (`%` keys,
 * always last, never part of the vector's norm or products), `entities` the entity keys of the centroid,
 * `start`/`end` the earliest and latest known publication day (ms, UTC midnight).
 */
export interface StoryState {
  id: string;
  articleIds: string[];
  centroid: Array<[string, number]>;
  entities: string[];
  start: number | null;
  end: number | null;
}

export interface AssignOptions {
  /** Minimum score (0..1) to join an existing story; below it the article opens a new story. */
  threshold?: number;
  /** Id for a new story. Default: `"story-" + articleId`, deterministic and unique when article ids are. */
  newId?: () => string;
}

export interface AssignResult {
  /** The story the article now belongs to (a new object; the input stories are never mutated). */
  story: StoryState;
  created: boolean;
}

/** Document frequency of a key (as listed by `documentKeys`) among `totalDocs` articles. */
export type DocFrequency = (term: string) => number;
