import {
  BLOCK_CHARS,
  guessLanguage,
  type LanguageGuess,
  type LanguageScores,
  languageScores,
} from "../../nlp/language.js";
import { endsLikeSentence, lower, wordCount } from "./text.js";
import { symbolBits, triggerBits } from "./triggers.js";
import type { Item, State } from "./types.js";

export function setText(item: Item, text: string): void {
  item.text = text;
  item.words = wordCount(text);
}

/** Indexes of the blocks still kept, in order. */
export function keptIndexes(st: State): number[] {
  const out: number[] = [];
  for (let i = 0; i < st.items.length; i++) if (st.items[i]?.removed === null) out.push(i);
  return out;
}

/** The next kept item after index i (or before it, with step -1). */
export function nextKept(st: State, i: number, step: 1 | -1 = 1): number {
  for (let j = i + step; j >= 0 && j < st.items.length; j += step)
    if (st.items[j]?.removed === null) return j;
  return -1;
}

interface WordFacts {
  text: string;
  scores: LanguageScores;
  guess: LanguageGuess;
  triggers: number;
}
const FACTS = new WeakMap<Item, WordFacts>();
/** One pass over a block's words: its language evidence and the keyword rules it may trigger (cached per text). */
function wordFacts(item: Item): WordFacts {
  const c = FACTS.get(item);
  if (c && c.text === item.text) return c;
  let bits = symbolBits(lower(item.text));
  // Keyword rules only look at blocks of up to ~120 words; longer blocks need only language evidence.
  const span = item.words <= 120 ? item.text.length : BLOCK_CHARS;
  const scores = languageScores(item.text, span, (w) => {
    bits |= triggerBits(w);
  });
  const entry = { text: item.text, scores, guess: guessLanguage(scores), triggers: bits };
  FACTS.set(item, entry);
  return entry;
}

/** Bit mask of the keyword rules (see triggers.ts) whose trigger words occur in the block. */
export function triggers(item: Item): number {
  return wordFacts(item).triggers;
}

/** The block's own language (computed once per text). */
export function blockLanguage(item: Item): LanguageGuess {
  return wordFacts(item).guess;
}

/** The block's raw language evidence, for judging the whole article. */
export function blockLanguageScores(item: Item): LanguageScores {
  return wordFacts(item).scores;
}

/** Written in a language clearly different from the article's. */
export function isForeign(item: Item, st: State, minConfidence = 0.3): boolean {
  if (st.language === "und") return false;
  const g = blockLanguage(item);
  return g.language !== "und" && g.language !== st.language && g.confidence >= minConfidence;
}

/** A paragraph of running text of the story: long, punctuated, in the article's language. */
export function isStoryParagraph(item: Item, st: State): boolean {
  if (item.removed !== null || item.words < 25) return false;
  if (!endsLikeSentence(item.text) && item.words < 40) return false;
  return !isForeign(item, st);
}

/** A sentence of the story: for articles made only of short paragraphs. */
function isStorySentence(item: Item, st: State): boolean {
  return item.removed === null && item.words >= 10 && endsLikeSentence(item.text) && !isForeign(item, st);
}

/**
 * Indexes of the first and last story paragraphs (-1 when there is none): the head zone is before the first,
 * the tail zone after the last. An article without long paragraphs is bounded by its sentences instead.
 */
export function storyBounds(st: State): { first: number; last: number } {
  for (const test of [isStoryParagraph, isStorySentence]) {
    let first = -1;
    let last = -1;
    for (let i = 0; i < st.items.length; i++) {
      const it = st.items[i];
      if (it && test(it, st)) {
        if (first < 0) first = i;
        last = i;
      }
    }
    if (first >= 0) return { first, last };
  }
  return { first: -1, last: -1 };
}
