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

/** Lowercase, without a possessive "'s" and without the dots of abbreviations ("U.S." → "us"). */
export function normalizeWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/['’]s$/u, "")
    .replace(/['’]/gu, "")
    .replace(/\./g, "");
}

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

/** The term keys of one word: hyphenated compounds give their parts; stop words and bare numbers give none. */
export function wordTerms(word: string): string[] {
  const out: string[] = [];
  for (const part of normalizeWord(word).split(/[-&]/)) {
    if (part.length < 2 || STOP_WORDS.has(part) || /^\p{N}+$/u.test(part) || /\p{N}/u.test(part[0] ?? ""))
      continue;
    out.push(stem(part));
  }
  return out;
}

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(normalizeWord(word));
}
