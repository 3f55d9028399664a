/**
 * Candidate names in a text: runs of capitalized words, cut at roles and calendar words, with where they stand
 * (sentence start, title-case heading) so that `extractEntities` can tell names from capitals that only start a
 * sentence.
 */

import { STOP_WORDS } from "./stop-words.js";
import { normalizeWord, type Token, tokenize } from "./tokens.js";

export const CONNECTORS = new Set([
  "de",
  "la",
  "del",
  "della",
  "di",
  "da",
  "du",
  "dos",
  "van",
  "von",
  "der",
  "den",
  "al",
  "bin",
  "of",
  "y",
  "le",
  "el",
]);

const ROLES = new Set(
  `president presidents vice prime minister ministers secretary senator sen rep representative gov governor mayor chancellor
  king queen prince princess pope ambassador general gen chief ceo chairman chairwoman director spokesman spokeswoman
  spokesperson judge justice attorney commissioner officer sheriff coach captain capt lt sgt col mr mrs ms dr prof
  professor sir lord rev deputy leader speaker premier lawmaker congressman congresswoman detective inspector
  actor actress singer star staff writer writers editor reporter correspondent`.split(/\s+/),
);

const CALENDAR = new Set(
  `monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december jan feb mar apr jun jul aug sep sept oct nov dec`.split(/\s+/),
);

const SENTENCE_GAP = /[.!?:;"“”«»()[\]|\n•]/u;

/** Whether a word starts with an upper-case letter (ASCII letters decided without a regular expression). */
function isCapitalized(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

export function isAcronym(word: string): boolean {
  const bare = word.replace(/\./g, "");
  return bare.length >= 2 && /^\p{Lu}[\p{Lu}\p{N}&]+$/u.test(bare);
}

/** A candidate name: its words, offsets, and whether it starts a sentence or sits in a title-case heading. */
export interface Part {
  words: string[];
  initial: boolean;
  headline: boolean;
  start: number;
  end: number;
}

/** Whether the text between two words holds sentence punctuation; a single space (most gaps) does not. */
function gapBreaks(text: string, from: number, to: number): boolean {
  if (to === from || (to === from + 1 && text.charCodeAt(from) === 32)) return false;
  return SENTENCE_GAP.test(text.slice(from, to));
}

/** Whether two words are separated by at most one space. */
function adjacentWords(text: string, prevEnd: number, start: number): boolean {
  return start === prevEnd || (start === prevEnd + 1 && text.charCodeAt(prevEnd) === 32);
}

/** Splits the tokens into sentences: a new sentence starts after end punctuation, a quote or a line break. */
function sentences(text: string, tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let current: Token[] = [];
  let prevEnd = 0;
  for (const t of tokens) {
    const prev = current[current.length - 1];
    if (
      current.length > 0 &&
      (gapBreaks(text, prevEnd, t.start) || (prev?.text.endsWith(".") && !isAcronym(prev.text)))
    ) {
      out.push(current);
      current = [];
    }
    current.push(t);
    prevEnd = t.end;
  }
  if (current.length > 0) out.push(current);
  return out;
}

/** Cuts a run of capitalized words at roles and calendar words, trimming stop words and connectors at the edges. */
function cutRun(run: Token[], initial: boolean, headline: boolean, out: Part[]): void {
  let words: Token[] = [];
  let isFirst = initial;
  const flush = (): void => {
    while (words.length > 0 && edgeWord(words[0]?.text)) {
      words.shift();
      isFirst = false;
    }
    while (words.length > 0 && edgeWord(words[words.length - 1]?.text)) words.pop();
    const first = words[0];
    const last = words[words.length - 1];
    if (first && last) {
      out.push({
        words: words.map((w) => w.text),
        initial: isFirst,
        headline,
        start: first.start,
        end: last.end,
      });
    }
    words = [];
    isFirst = false;
  };
  let afterRole = false;
  for (let i = 0; i < run.length; i++) {
    const t = run[i] as Token;
    const n = normalizeWord(t.text);
    if (ROLES.has(n) || CALENDAR.has(n)) {
      flush();
      afterRole = ROLES.has(n);
    } else if (afterRole && n === "of" && words.length === 0) {
      i++; // "Secretary of State Marco Rubio": the office is part of the role
    } else {
      words.push(t);
      afterRole = false;
    }
  }
  flush();
}

/** A stop word or connector, trimmed from the edges of a name. */
export function edgeWord(word: string | undefined): boolean {
  if (word === undefined) return false;
  const n = normalizeWord(word);
  return CONNECTORS.has(n) || (STOP_WORDS.has(n) && !isAcronym(word));
}

/** The candidate names of a text, in order. `tokens`: the text's words, when already tokenized. */
export function partsOf(text: string, tokens: Token[] = tokenize(text)): Part[] {
  const parts: Part[] = [];
  for (const sentence of sentences(text, tokens)) {
    // A heading in title case ("A Sovereign Stand") capitalizes most words and has no final stop.
    const capitalized = sentence.filter((t) => isCapitalized(t.text)).length;
    const last = sentence[sentence.length - 1];
    const stopped = last !== undefined && /^["'”’)\]]*[.!?]/u.test(text.slice(last.end, last.end + 4));
    const headline = sentence.length >= 2 && capitalized / sentence.length >= 0.6 && !stopped;
    let run: Token[] = [];
    let runInitial = false;
    const close = (): void => {
      // A run never ends with a connector: "Bank of" → "Bank".
      while (run.length > 0 && CONNECTORS.has(normalizeWord(run[run.length - 1]?.text ?? ""))) run.pop();
      if (run.length > 0) cutRun(run, runInitial, headline, parts);
      run = [];
    };
    sentence.forEach((t, i) => {
      const prev = sentence[i - 1];
      const adjacent = prev !== undefined && adjacentWords(text, prev.end, t.start);
      if (!adjacent) close();
      if (isCapitalized(t.text)) {
        if (run.length === 0) runInitial = i === 0;
        run.push(t);
        // A possessive ends the name: "Canada's Mark Carney" → "canada", "mark carney".
        if (/['’]s$/u.test(t.text)) close();
      } else if (run.length > 0 && CONNECTORS.has(t.text)) {
        run.push(t);
      } else {
        close();
      }
    });
    close();
  }
  return parts;
}
