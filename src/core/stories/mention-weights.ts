/**
 * How much each position of an article counts. News puts the event first (inverted pyramid) and background
 * later, so the title and lead count more and the weight decays with the words before a line; lines that look like
 * junk (little shared vocabulary with the article, or another language) count little.
 */

import { cohesionWeights, languageWeights } from "./cohesion.js";
import { type Token, tokenize, wordInfo } from "./tokens.js";

/** A title word counts this many times; a lead word (among the first LEAD_WORDS of the text) this many. */
const TITLE_WEIGHT = 2;
const LEAD_WEIGHT = 1.5;
const LEAD_WORDS = 120;
/** A line after n words of content counts DECAY_WORDS / (DECAY_WORDS + n): half after 60 words, a tenth after 540. */
const DECAY_WORDS = 60;

export interface WeightedToken {
  at: number;
  terms: readonly string[];
  /** `weightAt(at)`. */
  weight: number;
}

export interface ArticleText {
  /** Title and text joined, which all offsets refer to. */
  full: string;
  tokens: WeightedToken[];
  /** The words of `full` as `tokenize` gives them, for whoever reads it further (names). */
  words: Token[];
  /** The weight of a mention starting at an offset of `full`. */
  weightAt: (at: number) => number;
}

/** Offsets where each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/** The line of an offset. */
function lineAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function articleText(title: string, text: string): ArticleText {
  const head = title.trim();
  const full = head === "" ? text : `${head}\n\n${text}`;
  const titleEnd = head.length;
  const starts = lineStarts(full);
  const words = tokenize(full);
  // Words come in order: their lines are found by walking the line starts along.
  let line = 0;
  const raw = words.map((t) => {
    while (line + 1 < starts.length && (starts[line + 1] as number) <= t.start) line++;
    const info = wordInfo(t.text);
    return { at: t.start, line, terms: info.terms, stop: info.stop, weight: 1 };
  });
  const lines: Array<Map<string, number>> = [];
  const stops: number[] = [];
  const counts: number[] = [];
  for (const t of raw) {
    stops[t.line] = (stops[t.line] ?? 0) + (t.stop ? 1 : 0);
    counts[t.line] = (counts[t.line] ?? 0) + 1;
    const m = lines[t.line] ?? new Map<string, number>();
    lines[t.line] = m;
    for (const k of t.terms) m.set(k, (m.get(k) ?? 0) + 1);
  }
  const language = languageWeights(
    Array.from(stops, (n) => n ?? 0),
    Array.from(counts, (n) => n ?? 0),
  );
  const cohesion = cohesionWeights(Array.from(lines, (m) => m ?? new Map<string, number>()));
  const lineWeight = cohesion.map((w, i) => Math.min(w, language[i] ?? 1));
  // Words of content before each line (junk lines count by their weight), for the lead and the decay.
  const before: number[] = [];
  let seen = 0;
  for (const t of raw) {
    if (before[t.line] === undefined) before[t.line] = seen;
    if (t.at >= titleEnd) seen += lineWeight[t.line] ?? 1;
  }
  const weightOn = (line: number, at: number): number => {
    const w = lineWeight[line] ?? 1;
    if (at < titleEnd) return w * TITLE_WEIGHT;
    const n = before[line] ?? 0;
    return w * (n < LEAD_WORDS ? LEAD_WEIGHT : 1) * (DECAY_WORDS / (DECAY_WORDS + n));
  };
  for (const t of raw) t.weight = weightOn(t.line, t.at);
  return { full, tokens: raw, words, weightAt: (at) => weightOn(lineAt(starts, at), at) };
}
