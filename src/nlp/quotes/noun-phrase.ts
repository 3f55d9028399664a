/**
 * Noun phrases, found with word classes only: the phrase ending right before a verb ("the Mexican president
 * said") and the phrase starting at a position ("said Ana Ruiz, a teacher").
 */

import { ORG_MARKERS, ROLE_NOUNS, TITLE_WORDS } from "../actors/lexicon.js";
import { isCapWord } from "../actors/tokens.js";
import {
  AUX,
  CONJUNCTIONS,
  CUE_FORMS,
  DETERMINERS,
  isAdverb,
  POSSESSIVE_PRONOUNS,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  WH,
} from "./lexicon.js";
import type { Item } from "./units.js";

/** Item indices [from, to], inclusive. */
export interface Span {
  from: number;
  to: number;
}

export const isWord = (it: Item | undefined): it is Item => it !== undefined && it.kind === "word";
export const isRole = (lower: string) =>
  ROLE_NOUNS.has(lower) ||
  ROLE_NOUNS.has(lower.replace(/s$/, "")) ||
  TITLE_WORDS.has(lower) ||
  ORG_MARKERS.has(lower);
export const isNumber = (it: Item) => /^\p{N}/u.test(it.text);

/** "that’s", "it’s", "they’re": a pronoun with a contracted verb, never part of a noun phrase. */
const CONTRACTION = /['’](s|re|ve|ll|d|m)$/;

/** Words that end a noun phrase. A verb of saying may still be its head noun ("the report", "his call") when
 * `nounOk` (a determiner or adjective precedes it). */
function isStop(lower: string, nounOk = false): boolean {
  if (nounOk && CUE_FORMS.has(lower) && !AUX.has(lower) && !/(ed|ing)$/.test(lower) && lower !== "said")
    return false;
  return (
    CONTRACTION.test(lower) ||
    PREPOSITIONS.has(lower) ||
    CONJUNCTIONS.has(lower) ||
    WH.has(lower) ||
    AUX.has(lower) ||
    lower === "that" ||
    lower === "there" ||
    lower === "not" ||
    (CUE_FORMS.has(lower) && !ROLE_NOUNS.has(lower))
  );
}

/** Function words that end a phrase even when capitalised at the start of a sentence ("But", "In"). */
const isStopCap = (lower: string) =>
  PREPOSITIONS.has(lower) ||
  CONJUNCTIONS.has(lower) ||
  WH.has(lower) ||
  AUX.has(lower) ||
  lower === "that" ||
  lower === "there";

export const isDet = (lower: string) => DETERMINERS.has(lower) || POSSESSIVE_PRONOUNS.has(lower);

/** A determiner or a lower-case word that is no function word: what may precede a noun. */
const isDetOrAdj = (it: Item | undefined) =>
  it !== undefined && it.kind === "word" && !it.cap && (isDet(it.lower) || !isStop(it.lower));

/** True for a name initial's period ("J." in "Donald J. Trump"). */
const isInitialDot = (items: Item[], i: number) =>
  items[i]?.text === "." && /^\p{Lu}$/u.test(items[i - 1]?.text ?? "") && isCapWord(items[i + 1]);

/** The noun phrase that ends exactly at item `end` (nothing skipped). */
export function npEndingAt(items: Item[], end: number, lo = 0): Span | undefined {
  const last = items[end];
  if (!isWord(last)) return undefined;
  if (SUBJECT_PRONOUNS.has(last.lower) && !last.poss) return { from: end, to: end };
  let from = end + 1;
  let hasCap = false;
  for (let i = end; i >= lo && end - i < 10; i--) {
    const it = items[i] as Item;
    if (isInitialDot(items, i)) {
      from = i;
      continue;
    }
    if (!isWord(it)) break;
    const lower = it.lower;
    if (isDet(lower) && !it.cap && i < end) {
      from = i;
      break;
    }
    if (/^(the|a|an)$/i.test(it.text) && i < end) {
      from = i;
      break;
    }
    if (lower === "of" || lower === "de" || lower === "la" || lower === "del") {
      if (
        i < end &&
        isCapWord(items[i + 1]) &&
        (isCapWord(items[i - 1]) || isRole(items[i - 1]?.lower ?? ""))
      ) {
        from = i;
        continue;
      }
      break;
    }
    if (isCapWord(it) && !(isStopCap(lower) && i < end) && !(SUBJECT_PRONOUNS.has(lower) || isDet(lower))) {
      hasCap = true;
      from = i;
      continue;
    }
    // The head right before the verb may look like a verb of saying: "the report said", "the poll shows".
    if (
      it.cap ||
      isStop(lower, i === end && isDetOrAdj(items[i - 1])) ||
      SUBJECT_PRONOUNS.has(lower) ||
      isAdverb(lower)
    ) {
      break;
    }
    if (hasCap && !isRole(lower)) break;
    if (isNumber(it) || !/[.]/.test(lower)) {
      from = i;
      continue;
    }
    break;
  }
  if (from > end) return undefined;
  // A phrase of determiners and adjectives only is no subject.
  const words = items.slice(from, end + 1).filter((t) => t.kind === "word" && !isDet(t.lower));
  return words.length > 0 ? { from, to: end } : undefined;
}

/** The noun phrase that starts at item `i` ("Ana Ruiz", "the city’s mayor", "she"), ending at most at `hi`. */
export function npStartingAt(items: Item[], i: number, hi = items.length - 1): Span | undefined {
  const first = items[i];
  if (!isWord(first)) return undefined;
  if (SUBJECT_PRONOUNS.has(first.lower) && !first.poss) return { from: i, to: i };
  let j = i;
  if (isDet(first.lower)) j++;
  let to = -1;
  let hasCap = false;
  let sawRole = false;
  for (; j <= hi && j - i < 10; j++) {
    const it = items[j] as Item;
    if (isInitialDot(items, j)) continue;
    if (!isWord(it)) break;
    const lower = it.lower;
    const next = items[j + 1];
    if (lower === "of" || lower === "de" || lower === "la" || lower === "del") {
      const prevRole = isRole(items[j - 1]?.lower ?? "");
      if (to >= 0 && isCapWord(next) && (hasCap || prevRole)) continue;
      if (to >= 0 && prevRole && next && isRole(next.lower) && !next.cap) continue; // "chief of staff"
      break;
    }
    if (isCapWord(it) && !isStopCap(lower) && !SUBJECT_PRONOUNS.has(lower)) {
      hasCap = true;
      to = j;
      if (it.poss && !isCapWord(next) && !isRole(next?.lower ?? "")) break;
      continue;
    }
    const nounOk = j > i && isDetOrAdj(items[j - 1]) && !isWord(items[j + 1]); // "according to the report."
    if (it.cap || isStop(lower, nounOk) || SUBJECT_PRONOUNS.has(lower) || isDet(lower) || isAdverb(lower))
      break;
    if (hasCap || sawRole) {
      // After a name or a role noun ("the mayor’s chief of staff"), only more title words continue the phrase.
      if (!isRole(lower)) break;
      to = j;
      continue;
    }
    if (ROLE_NOUNS.has(lower) || ROLE_NOUNS.has(lower.replace(/s$/, ""))) sawRole = true;
    if (/(ed|ing)$/.test(lower) && !ROLE_NOUNS.has(lower)) {
      const n = items[j + 1];
      if (!isWord(n) || n.cap || isStop(n.lower)) break;
    }
    to = j;
  }
  return to >= i ? { from: i, to } : undefined;
}
