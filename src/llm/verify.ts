/**
 * Checks a model sentence against the passages it cites. It must cite at least one passage that exists, and its
 * names (capitalised words), numbers (digits and number words), date words and quoted words must all appear in the
 * cited passages; most of its content words must too, so a sentence cannot cite a passage about something else.
 */

import { CARDINAL_WORDS } from "../core/number-words.js";
import { queryStems, stemSet } from "../core/terms.js";
import type { Passage } from "../core/writer.js";
import type { ParsedSentence } from "./parse-output.js";

/** Share of a sentence's content words (stems) that must appear in the cited passages. */
const MIN_OVERLAP = 0.5;

/** Capitalised only because they start a sentence or clause: not names. */
const FUNCTION_WORDS = new Set(
  (
    "a an the this that these those it its he she they we you i his her their our your there here then thus " +
    "and but or nor so yet for of in on at by to from with without after before during while when where since " +
    "as if although though because however meanwhile also both each every all some many most no not according " +
    "under over between among about against despite until into onto upon amid what which who whom whose why how " +
    "is are was were be been has have had do does did will would can could may might should must shall one"
  ).split(" "),
);

const NUMBER_WORDS: Record<string, string> = {
  one: "1",
  ...CARDINAL_WORDS,
  hundred: "hundred",
  thousand: "thousand",
  million: "million",
  billion: "billion",
  trillion: "trillion",
  dozen: "dozen",
};

const DATE_WORDS = new Set(["yesterday", "today", "tomorrow", "tonight"]);

const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;

function words(text: string): Array<{ word: string; at: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].replace(/['’]s?$/u, ""), at: m.index ?? 0 }));
}

/** Digits as one canonical string ("3,000" and "3000" → "3000", "07" → "7", "2.50" → "2.5"). */
function canonicalNumber(raw: string): string {
  const s = raw.replace(/,(?=\d{3}(?!\d))/g, "");
  if (/^\d+\.\d+$/.test(s)) return String(Number(s));
  return s.replace(/^0+(?=\d)/, "");
}

/** The numbers of a text, digits and written out ("three" → "3"; "one of" is not a number). */
function numbers(text: string): string[] {
  const out = [...text.matchAll(/\d+(?:[.,]\d+)*/g)].map((m) => canonicalNumber(m[0]));
  const lower = text.toLowerCase();
  for (const m of lower.matchAll(/\b([a-z]+)\b(?=(\s+[a-z]+)?)/g)) {
    const n = NUMBER_WORDS[m[1] ?? ""];
    if (n === undefined) continue;
    if (m[1] === "one" && /^\s+(of|another)$/.test(m[2] ?? "")) continue;
    out.push(n);
  }
  return out;
}

/** Whether a word stands where a sentence or a clause begins (after . ! ? : ; or an opening quote or bracket). */
function startsClause(text: string, at: number): boolean {
  const before = text.slice(0, at).trimEnd();
  return before === "" || /[.!?:;"“‘(\-–—]$/u.test(before);
}

function normalisePhrase(text: string): string {
  return text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

function quoted(text: string): string[] {
  return [...text.matchAll(/["“]([^"“”]+)["”]|‘([^‘’]+)’/gu)]
    .map((m) => normalisePhrase(m[1] ?? m[2] ?? ""))
    .filter((q) => q !== "");
}

/** What a sentence claims that its sources must hold. */
interface Claims {
  names: string[];
  numbers: string[];
  dateWords: string[];
  quotes: string[];
}

function claimsOf(text: string): Claims {
  const names: string[] = [];
  const dateWords: string[] = [];
  for (const { word, at } of words(text)) {
    const lower = word.toLowerCase();
    if (DATE_WORDS.has(lower)) dateWords.push(lower);
    if (!/^\p{Lu}/u.test(word) || word === "I") continue;
    if (startsClause(text, at) && FUNCTION_WORDS.has(lower)) continue;
    if (NUMBER_WORDS[lower] !== undefined) continue;
    names.push(lower);
  }
  return { names, numbers: numbers(text), dateWords, quotes: quoted(text) };
}

/**
 * Why the sentence is not supported by the passages it cites, or null when it is. Citations of passages that do not
 * exist are ignored as long as one cited passage exists. `knownNames` (an actor's full name) count as names the
 * passages hold.
 */
export function unsupportedReason(
  sentence: ParsedSentence,
  passages: readonly Passage[],
  knownNames: readonly string[] = [],
): string | null {
  const cited = passages.filter((p) => sentence.cites.includes(p.id));
  if (cited.length === 0) {
    return sentence.cites.length === 0 ? "cites no passage" : "cites only passages that do not exist";
  }
  const source = cited.map((p) => p.text).join("\n");
  const claims = claimsOf(sentence.text);
  const sourceWords = new Set(
    words([source, ...knownNames].join("\n")).flatMap(({ word }) => [
      word.toLowerCase(),
      ...word.toLowerCase().split(/[-']/),
    ]),
  );
  for (const name of claims.names) {
    const parts = name.split(/[-']/).filter((p) => p.length > 0);
    if (!sourceWords.has(name) && !parts.every((p) => sourceWords.has(p)))
      return `name "${name}" not in cited passages`;
  }
  const sourceNumbers = new Set(numbers(source));
  for (const n of claims.numbers) if (!sourceNumbers.has(n)) return `number "${n}" not in cited passages`;
  for (const d of claims.dateWords) if (!sourceWords.has(d)) return `date "${d}" not in cited passages`;
  const sourcePhrase = normalisePhrase(source);
  for (const q of claims.quotes)
    if (!sourcePhrase.includes(q)) return `quoted words "${q}" not in cited passages`;
  const content = queryStems(sentence.text);
  if (content.length > 0) {
    const stems = stemSet(source);
    const shared = content.filter((s) => stems.has(s)).length;
    if (shared / content.length < MIN_OVERLAP) return "cited passages do not say this";
  }
  return null;
}
