/** Per-article features: one TF-IDF vector over word stems, named entities and numbers, plus the day. */

import { extractCues } from "./cues.js";
import { dayOf } from "./doc-time.js";
import { extractEntities } from "./entities.js";
import { articleText } from "./mention-weights.js";
import { extractNumbers } from "./numbers.js";
import { normalize, type SparseVector } from "./sparse-vector.js";
import { tokenize, wordTerms } from "./tokens.js";
import type { DocFrequency, StoryDoc, StoryFeatures } from "./types.js";

/** How many keys of each kind an article keeps. */
export const MAX_TERMS = 40;
export const MAX_ENTITIES = 12;
export const MAX_NUMBERS = 8;
/**
 * The heaviest entities of an article that can make up the cast it shares with a story (see `assignToStory`); their
 * name words are listed in `StoryFeatures.nameWords`. With 3 a leader is left out when the article's heaviest names
 * are a venue and two countries; with all 12, ECB+ loses recall (scripts/eval-stories.ts).
 */
export const CAST_SIZE = 5;

/**
 * Weight of a key of each kind relative to a plain word. Numbers with units are the strongest event evidence
 * ("15 minute", "97%"). A name is already counted as its words ("claudia", "sheinbaum"), so the entity key adds
 * only half again: with more, articles about the same people but different events look alike (tuned on ECB+ and
 * the same-actors case, see scripts/eval-stories.ts).
 */
export const ENTITY_BOOST = 0.5;
export const NUMBER_BOOST = 3;

export const ENTITY_PREFIX = "@";
export const NUMBER_PREFIX = "#";

interface Weighted {
  weight: number;
  first: number;
}

type Counts = Record<"words" | "entities" | "numbers", Map<string, Weighted>>;

function bump(m: Map<string, Weighted>, key: string, weight: number, at: number): void {
  const e = m.get(key);
  if (e) e.weight += weight;
  else m.set(key, { weight, first: at });
}

interface Analysis {
  counts: Counts;
  /** Title and text joined, and where each entity is mentioned in it. */
  full: string;
  spans: Map<string, Array<[number, number]>>;
  weightAt: (at: number) => number;
}

/** Weighted mention counts of every key of an article. */
function analyse(doc: StoryDoc): Analysis {
  const { full, tokens, words, weightAt } = articleText(doc.title, doc.text);
  const counts: Counts = { words: new Map(), entities: new Map(), numbers: new Map() };
  const spans = new Map<string, Array<[number, number]>>();
  for (const t of tokens) for (const k of t.terms) bump(counts.words, k, t.weight, t.at);
  for (const e of extractEntities(full, words)) {
    for (const [at] of e.spans) bump(counts.entities, ENTITY_PREFIX + e.key, weightAt(at), at);
    spans.set(e.key, e.spans);
  }
  for (const [k, at] of extractNumbers(full)) bump(counts.numbers, NUMBER_PREFIX + k, weightAt(at), at);
  return { counts, full, spans, weightAt };
}

/** The word keys of an entity's mentions ("sheinbaum" → claudia, sheinbaum). */
function nameWordsOf(a: Analysis, entity: string): string[] {
  const words = new Set<string>();
  for (const [start, end] of a.spans.get(entity) ?? []) {
    for (const t of tokenize(a.full.slice(start, end))) for (const k of wordTerms(t.text)) words.add(k);
  }
  return [...words];
}

/**
 * One article read once, for both of what the store needs of it: its `keys` (as `documentKeys`) to count
 * document frequencies, and its `features` (as `storyFeatures`) given them. Reading the text is most of the cost
 * of either, so an article analysed for both should be read through this once.
 */
export interface DocumentAnalysis {
  keys: string[];
  features(df?: DocFrequency, totalDocs?: number): StoryFeatures;
}

export function analyseDocument(doc: StoryDoc): DocumentAnalysis {
  const analysis = analyse(doc);
  const c = analysis.counts;
  return {
    keys: [...c.words.keys(), ...c.entities.keys(), ...c.numbers.keys()],
    features: (df, totalDocs) => featuresOf(doc, analysis, df, totalDocs),
  };
}

/**
 * Every distinct key of an article (words, `@`entities, `#`numbers), not only the kept ones: what a store counts
 * to answer `df(key)` for `storyFeatures`.
 */
export function documentKeys(doc: StoryDoc): string[] {
  return analyseDocument(doc).keys;
}

/** Document frequencies over a batch of articles. */
export function documentFrequencies(docs: readonly StoryDoc[]): { df: DocFrequency; totalDocs: number } {
  const counts = new Map<string, number>();
  for (const doc of docs) for (const k of new Set(documentKeys(doc))) counts.set(k, (counts.get(k) ?? 0) + 1);
  return { df: (term) => counts.get(term) ?? 0, totalDocs: docs.length };
}

/** Sublinear in the (weighted) count: 1 + ln(tf) from one mention on, proportional below. */
function tfWeight(tf: number): number {
  return tf <= 1 ? tf : 1 + Math.log(tf);
}

/** The `limit` heaviest keys; equal weights go to the earlier mention. */
function weigh(
  counts: Map<string, Weighted>,
  idf: (k: string) => number,
  boost: number,
  limit: number,
): SparseVector {
  return [...counts]
    .map(([k, c]) => ({ k, w: tfWeight(c.weight) * idf(k) * boost, first: c.first }))
    .sort((a, b) => b.w - a.w || a.first - b.first || (a.k < b.k ? -1 : 1))
    .slice(0, limit)
    .map(({ k, w }): [string, number] => [k, w]);
}

/**
 * The features of one article. `df`/`totalDocs` give inverse document frequencies, idf = ln(1 + N / df), over
 * the keys of `documentKeys`; without them every key has the same idf, and only stop words, position, names and
 * numbers shape the weights.
 */
export function storyFeatures(doc: StoryDoc, df?: DocFrequency, totalDocs?: number): StoryFeatures {
  return analyseDocument(doc).features(df, totalDocs);
}

function featuresOf(
  doc: StoryDoc,
  analysis: Analysis,
  df: DocFrequency | undefined,
  totalDocs: number | undefined,
): StoryFeatures {
  const n = totalDocs ?? 0;
  const idf = df && n > 0 ? (k: string) => Math.log(1 + n / Math.max(1, df(k))) : () => 1;
  const c = analysis.counts;
  const cues = extractCues(analysis.full, analysis.weightAt);
  const words = weigh(c.words, idf, 1, MAX_TERMS);
  const entities = weigh(c.entities, idf, ENTITY_BOOST, MAX_ENTITIES);
  const numbers = weigh(c.numbers, idf, NUMBER_BOOST, MAX_NUMBERS);
  const names = entities.map(([k]) => k.slice(ENTITY_PREFIX.length));
  const heaviest = names.slice(0, CAST_SIZE);
  return {
    terms: normalize([...words, ...entities, ...numbers]),
    entities: names,
    numbers: numbers.map(([k]) => k.slice(NUMBER_PREFIX.length)),
    ...(heaviest.length > 0
      ? { nameWords: Object.fromEntries(heaviest.map((e) => [e, nameWordsOf(analysis, e)])) }
      : {}),
    ...(cues.length > 0 ? { cues } : {}),
    time: dayOf(doc.publishedAt),
  };
}
