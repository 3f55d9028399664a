/** Word tokens, normalization and a light suffix stemmer for the story terms. */

import { STOP_WORDS } from "./stop-words.js";

/** A word with its position in the text. Inner apostrophes, dots, hyphens and ampersands stay in the word. */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const WORD = /[\p{L}\p{N}]+(?:['’.&-][\p{L}\p{N}]+)*\.?/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    let word = m[0];
    // Keep the dot of "U.S." but not a sentence-final one.
    if (word.endsWith(".") && !/^(?:\p{L}\.)+$/u.test(word)) word = word.slice(0, -1);
    out.push({ text: word, start: m.index, end: m.index + word.length });
  }
  return out;
}

/** Distinct words remembered by each memo below; past it the memo starts over, so memory stays bounded. */
const MEMO_SIZE = 20_000;

/**
 * A pure function of a word, remembered: news text repeats its words, and every article is read word by word
 * several times (story features, names, keywords). Results are shared, so they must not be changed.
 */
function memo<T>(fn: (word: string) => T): (word: string) => T {
  const known = new Map<string, T>();
  return (word) => {
    let v = known.get(word);
    if (v === undefined) {
      v = fn(word);
      if (known.size >= MEMO_SIZE) known.clear();
      known.set(word, v);
    }
    return v;
  };
}

/** Lowercase, without a possessive "'s" and without the dots of abbreviations ("U.S." → "us"). */
export const normalizeWord: (word: string) => string = memo((word) =>
  word
    .toLowerCase()
    .replace(/['’]s$/u, "")
    .replace(/['’]/gu, "")
    .replace(/\./g, ""),
);

/** Plural to singular only ("minutes" → "minute", "casualties" → "casualty"). */
export function singular(word: string): string {
  if (word.length <= 3 || word === "news") return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ch|sh|x|z|ss)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !/(?:ss|us|is|ous)$/.test(word)) return word.slice(0, -1);
  return word;
}

const UNDOUBLE = /([bdfgklmnprt])\1$/;

/** A light, deterministic suffix stemmer: plurals, -ing, -ed and a final -e ("meetings" → "meet"). */
export function stem(word: string): string {
  if (word.length <= 3) return word;
  let w = singular(word);
  if (w.endsWith("ing") && w.length >= 7) w = w.slice(0, -3).replace(UNDOUBLE, "$1");
  else if (w.endsWith("ed") && w.length >= 6) w = w.slice(0, -2).replace(UNDOUBLE, "$1");
  if (w.endsWith("e") && w.length >= 5) w = w.slice(0, -1);
  return w;
}

/**
 * The term keys of one word: hyphenated compounds give their parts; stop words and bare numbers give none. The
 * list is shared between calls with the same word (frozen).
 */
export const wordTerms: (word: string) => readonly string[] = memo((word) => {
  const out: string[] = [];
  for (const part of normalizeWord(word).split(/[-&]/)) {
    if (part.length < 2 || STOP_WORDS.has(part) || /^\p{N}+$/u.test(part) || /\p{N}/u.test(part[0] ?? ""))
      continue;
    out.push(stem(part));
  }
  return Object.freeze(out);
});

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(normalizeWord(word));
}

/** `wordTerms` and `isStopWord` of a word in one look-up (shared between calls, like `wordTerms`). */
export const wordInfo: (word: string) => { readonly terms: readonly string[]; readonly stop: boolean } = memo(
  (word) => Object.freeze({ terms: wordTerms(word), stop: isStopWord(word) }),
);
