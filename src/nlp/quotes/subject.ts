/**
 * Subjects: the speaker before a cue, looking past adverbs, parentheses, appositions, relative clauses and
 * parentheticals ("Ana Ruiz, the mayor, said"; "Ruiz, who ..., said"), and the subject of a whole sentence.
 */

import { isCapWord } from "../actors/tokens.js";
import { AUX, CONJUNCTIONS, CUE_FORMS, isAdverb, PARENTHETICALS, PREPOSITIONS, WH } from "./lexicon.js";
import { isDet, isNumber, isRole, isWord, npEndingAt, npStartingAt, type Span } from "./noun-phrase.js";
import type { Item } from "./units.js";

const DAYS = /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/;

/** Skips adverbs and auxiliaries backwards from `k - 1` ("has also repeatedly said"); returns the index reached. */
export function skipBackAdverbs(items: Item[], k: number, lo = 0): number {
  let j = k - 1;
  while (j >= lo) {
    const it = items[j] as Item;
    // "Priebus later Thursday told", "Ruiz on Friday said"
    if (isWord(it) && DAYS.test(it.lower) && j > lo && isWord(items[j - 1]) && !(items[j - 1] as Item).cap) {
      j -= items[j - 1]?.lower === "on" ? 2 : 1;
      continue;
    }
    if (!isWord(it) || it.cap) break;
    if (!(isAdverb(it.lower) || AUX.has(it.lower) || it.lower === "not")) break;
    j--;
  }
  return j;
}

/** Index of the previous comma-like boundary before `j`, or lo - 1. */
function previousComma(items: Item[], j: number, lo: number): number {
  for (let i = j - 1; i >= lo && j - i < 40; i--) {
    const t = items[i] as Item;
    if (
      t.text === "," ||
      t.kind === "quote" ||
      t.text === ";" ||
      t.text === ":" ||
      t.text === "—" ||
      t.text === "("
    )
      return i;
  }
  return lo - 1;
}

const hasName = (items: Item[], sp: Span) =>
  items.slice(sp.from, sp.to + 1).some((t) => isCapWord(t) && !isRole(t.lower));

/** The antecedent of "who" ending at item `end`; the name when it is an apposition ("Ana Ruiz, the mayor, who"). */
function antecedent(items: Item[], end: number, lo: number): Span | undefined {
  if (end < lo) return undefined;
  const head = npEndingAt(items, end, lo);
  if (!head || hasName(items, head) || items[head.from - 1]?.text !== ",") return head;
  const name = npEndingAt(items, head.from - 2, lo);
  return name && hasName(items, name) ? name : head;
}

/**
 * The subject of the verb at item `k`: the noun phrase right before it, looking past adverbs, a parenthesis
 * ("(D-Texas)"), an apposition ("Ana Ruiz, the mayor, said"), a relative clause ("Ruiz, who ..., said") or a
 * parenthetical ("Ruiz, however, said"). `rel` is set when it is the antecedent of "who".
 */
export function subjectBefore(
  items: Item[],
  k: number,
  lo = 0,
  depth = 0,
): (Span & { rel?: boolean }) | undefined {
  let j = skipBackAdverbs(items, k, lo);
  if (j < lo || depth > 2) return undefined;
  // "Ana Ruiz (D-Texas) said", "Ana Ruiz (D-Texas), said"
  if (items[j]?.text === "," && items[j - 1]?.text === ")") j--;
  if (items[j]?.text === ")") {
    let p = j - 1;
    while (p >= lo && items[p]?.text !== "(" && j - p < 12) p--;
    if (items[p]?.text !== "(") return undefined;
    j = p - 1;
  }
  const w = items[j];
  if (w && (w.lower === "who" || w.lower === "which") && w.kind === "word") {
    const head = antecedent(items, items[j - 1]?.text === "," ? j - 2 : j - 1, lo);
    return head ? { ...head, rel: true } : undefined;
  }
  if (items[j]?.text !== ",") {
    const np = npEndingAt(items, j, lo);
    if (np && items[np.from - 1]?.lower === "who" && items[np.from - 2]?.text === ",") return undefined;
    // "an official who spoke anonymously to discuss strategy said": the words before the verb are a relative clause.
    const before = items[(np?.from ?? j + 1) - 1];
    if (!np || (before?.lower === "to" && !(items[np.from] as Item).cap) || !np) {
      for (let w = j; w >= lo && j - w < 15; w--) {
        const t = items[w] as Item;
        if (t.kind !== "word") break;
        if (t.lower === "who") {
          const head = npEndingAt(items, items[w - 1]?.text === "," ? w - 2 : w - 1, lo);
          return head ? { ...head, rel: true } : undefined;
        }
      }
      return before?.lower === "to" ? undefined : np;
    }
    return np;
  }
  const c1 = previousComma(items, j, lo);
  const seg = items.slice(c1 + 1, j);
  const first = seg[0];
  if (!first || c1 < lo || items[c1]?.text !== ",") return undefined;
  if (first.lower === "who" || first.lower === "whose") {
    const head = antecedent(items, c1 - 1, lo);
    return head ? { ...head, rel: true } : undefined;
  }
  const parenthetical =
    seg.every((t) => PARENTHETICALS.has(t.lower) || isAdverb(t.lower)) ||
    (first.kind === "word" && !first.cap && /ing$/.test(first.lower)) || // ", citing sources,"
    (PREPOSITIONS.has(first.lower) && seg.length <= 5 && !seg.some((t) => isCapWord(t)));
  if (parenthetical) return subjectBefore(items, c1, lo, depth + 1);
  const apposition =
    seg.length <= 16 &&
    (isDet(first.lower) || first.poss || isCapWord(first) || isNumber(first) || isRole(first.lower)) &&
    !seg.some((t) => t.kind === "quote" || AUX.has(t.lower) || WH.has(t.lower) || CUE_FORMS.has(t.lower));
  if (!apposition) return undefined;
  const head = npEndingAt(items, c1 - 1, lo);
  if (!head) return undefined;
  if (hasName(items, head)) return head;
  const segNp = npStartingAt(items, c1 + 1, j - 1);
  return segNp && hasName(items, segNp) ? segNp : head;
}

const INTRO = new Set([
  "here",
  "there",
  "last",
  "this",
  "next",
  "earlier",
  "later",
  "asked",
  "speaking",
  "still",
  "yet",
  "ahead",
]);

function isIntro(it: Item): boolean {
  const l = it.lower;
  return (
    PREPOSITIONS.has(l) ||
    CONJUNCTIONS.has(l) ||
    WH.has(l) ||
    isAdverb(l) ||
    INTRO.has(l) ||
    /(ing|ed)$/.test(l) ||
    DAYS.test(l)
  );
}

/**
 * The subject of a sentence (items lo..hi): the first noun phrase after an introductory phrase ("In a post,
 * Ruiz said") or conjunction.
 */
export function sentenceSubject(items: Item[], lo: number, hi: number): Span | undefined {
  let i = lo;
  // A dateline: "WASHINGTON (AP) —", "WASHINGTON, Dec. 8 (UPI) —"
  if (/^\p{Lu}{3,}$/u.test(items[i]?.text ?? "")) {
    let d = i;
    while (d <= hi && d - i < 12 && !/^[—–]$|^--$/.test(items[d]?.text ?? "")) d++;
    if (d <= hi && d - i < 12) i = d + 1;
  }
  for (let round = 0; round < 3; round++) {
    while (i <= hi && (items[i]?.kind !== "word" || /^(and|but|or|so)$/.test(items[i]?.lower ?? ""))) i++;
    const first = items[i];
    if (!first || !isIntro(first)) break;
    let c = i;
    while (c <= hi && c - i < 25 && items[c]?.text !== ",") c++;
    if (items[c]?.text !== ",") return undefined;
    i = c + 1;
  }
  return npStartingAt(items, i, hi);
}
