/**
 * Checks a model sentence against the passages it cites. It must cite at least one passage that exists, and its
 * names (capitalised words), numbers (digits, number words, scales such as "5bn"), currencies, date words and quoted
 * words must all appear in the cited passages; quoted words must stand in one passage, with a name the sentence gives
 * the speaker; links and mentions must be copied from a passage; it must not state what the passages deny or deny
 * what they state; and most of its content words must appear there too, so a sentence cannot cite a passage about
 * something else or pad a true clause with invented ones.
 */

import { queryStems, stemSet } from "../core/terms.js";
import type { Passage } from "../core/writer.js";
import { currencyClaims, numberClaims } from "./number-claims.js";
import type { ParsedSentence } from "./parse-output.js";
import { flippedWord } from "./polarity.js";

/** Share of a sentence's content words (stems) that must appear in the cited passages. */
const MIN_OVERLAP = 0.5;
/** Most content words (stems) of one sentence that its cited passages may lack, however long the sentence. */
const MAX_UNSUPPORTED = 5;

/** Capitalised only because they start a sentence or clause: not names. */
const FUNCTION_WORDS = new Set(
  (
    "a an the this that these those it its he she they we you i his her their our your there here then thus " +
    "and but or nor so yet for of in on at by to from with without after before during while when where since " +
    "as if although though because however meanwhile also both each every all some many most no not according " +
    "under over between among about against despite until into onto upon amid what which who whom whose why how " +
    "is are was were be been has have had do does did will would can could may might should must shall one " +
    "nobody nothing none everyone everybody everything someone somebody something anyone anybody anything"
  ).split(" "),
);

/** Number words: claims of their own (see numberClaims), not names when capitalised. */
const NUMBER_WORDS = new Set(
  (
    "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen " +
    "eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred thousand million billion " +
    "trillion dozen dozens hundreds thousands millions billions half first second third fourth fifth sixth " +
    "seventh eighth ninth tenth"
  ).split(" "),
);

/** Words that place a claim in time; the cited passages must use them too (a plural as its singular). */
const DATE_WORDS = new Set(
  (
    "yesterday today tomorrow tonight overnight ago week weekend month year decade morning afternoon evening night " +
    "monday tuesday wednesday thursday friday saturday sunday january february april june july august september " +
    "october november december"
  ).split(" "),
);

const WORD = /\p{L}[\p{L}\p{M}'’]*/gu;

function words(text: string): Array<{ word: string; at: number }> {
  return [...text.matchAll(WORD)].map((m) => ({ word: m[0].replace(/['’]s?$/u, ""), at: m.index ?? 0 }));
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

const QUOTE = /["“”„«]([^"“”„«»]+)["”“»]|‘([^‘’]+)’/gu;

function quoted(text: string): string[] {
  return [...text.matchAll(QUOTE)].map((m) => normalisePhrase(m[1] ?? m[2] ?? "")).filter((q) => q !== "");
}

/** Links, addresses, mentions and markup: never in a sentence unless a cited passage has the same text. */
const LINKS =
  /\b(?:https?|ftp):\/\/\S+|\bwww\.\S+|[\p{L}\p{N}._%+-]*@[\p{L}\p{N}_.-]*|<[^>\s]*>?|\b[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[a-z]{2,24}\b(?:\/\S*)?|\]\(/gu;

function links(text: string): string[] {
  return [...text.matchAll(LINKS)].map((m) => m[0].replace(/[.,;:!?)]+$/u, "").toLowerCase());
}

/** What a sentence claims that its sources must hold. */
interface Claims {
  names: string[];
  dateWords: string[];
}

function singular(word: string): string {
  return word.length > 3 && word.endsWith("s") && !word.endsWith("ss") ? word.slice(0, -1) : word;
}

/** The capitalised words and date words of a text outside its quotation marks. */
function claimsOf(text: string): Claims {
  const names: string[] = [];
  const dateWords: string[] = [];
  for (const { word, at } of words(text)) {
    const lower = word.toLowerCase();
    if (DATE_WORDS.has(singular(lower))) dateWords.push(singular(lower));
    if (!/^\p{Lu}/u.test(word) || word === "I") continue;
    if (startsClause(text, at) && FUNCTION_WORDS.has(lower)) continue;
    if (NUMBER_WORDS.has(lower)) continue;
    names.push(lower);
  }
  return { names, dateWords };
}

function wordSet(text: string): Set<string> {
  return new Set(
    words(text).flatMap(({ word }) => {
      const lower = word.toLowerCase();
      return [lower, singular(lower), ...lower.split(/[-']/)];
    }),
  );
}

function hasName(name: string, known: Set<string>): boolean {
  const parts = name.split(/[-']/).filter((p) => p.length > 0);
  return known.has(name) || parts.every((p) => known.has(p));
}

/**
 * Why the sentence's quotations are not supported: each must stand in one cited passage (not run across two), and
 * when the sentence names anyone outside its quotations, one of them must be in a passage holding the quotation (or
 * be one of `knownNames`), so a real quotation cannot be put in the mouth of someone from another passage.
 */
function unsupportedQuote(text: string, cited: readonly Passage[], knownNames: Set<string>): string | null {
  const quotes = quoted(text);
  if (quotes.length === 0) return null;
  const outside = claimsOf(text.replace(QUOTE, " ")).names;
  for (const q of quotes) {
    const holders = cited.filter((p) => normalisePhrase(p.text).includes(q));
    if (holders.length === 0) return `quoted words "${q}" not in cited passages`;
    if (outside.length === 0 || outside.some((n) => hasName(n, knownNames))) continue;
    const named = holders.some((p) => {
      const inPassage = wordSet(p.text);
      return outside.some((n) => hasName(n, inPassage));
    });
    if (!named)
      return `quoted words "${q}" are not attributed to ${outside.join(" ")} in the passage that has them`;
  }
  return null;
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
  const text = sentence.text;
  const source = cited.map((p) => p.text).join("\n");
  const sourceLower = source.toLowerCase();
  for (const link of links(text)) {
    if (!sourceLower.includes(link)) return `link or mention "${link}" not in cited passages`;
  }
  const sourceWords = wordSet(source);
  const known = wordSet(knownNames.join("\n"));
  const names = new Set([...sourceWords, ...known]);
  const claims = claimsOf(text);
  for (const name of claims.names) {
    if (!hasName(name, names)) return `name "${name}" not in cited passages`;
  }
  const sourceNumbers = new Set(cited.flatMap((p) => numberClaims(p.text)));
  for (const n of numberClaims(text)) if (!sourceNumbers.has(n)) return `number "${n}" not in cited passages`;
  const sourceCurrencies = currencyClaims(source);
  for (const c of currencyClaims(text)) {
    if (!sourceCurrencies.includes(c)) return `currency "${c}" not in cited passages`;
  }
  for (const d of claims.dateWords) if (!sourceWords.has(d)) return `date "${d}" not in cited passages`;
  const quote = unsupportedQuote(text, cited, known);
  if (quote !== null) return quote;
  const flipped = flippedWord(text, source);
  if (flipped !== null)
    return `"${flipped}" is negated one way in the sentence and the other in its passages`;
  const content = queryStems(text);
  if (content.length === 0) return "says nothing a passage could back";
  const stems = stemSet(source);
  const missing = content.filter((s) => !stems.has(s)).length;
  if (missing / content.length > 1 - MIN_OVERLAP || missing > MAX_UNSUPPORTED) {
    return "cited passages do not say this";
  }
  return null;
}
