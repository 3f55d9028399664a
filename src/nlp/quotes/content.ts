/** What is said: the clause after a cue ("said [that] ...") or before it ("..., she said"). */

import type { Cue } from "./cues.js";
import {
  AUX,
  CONTINUING_PARTICIPLES,
  CUE_FORMS,
  isAdverb,
  NOUN_CONTENT,
  PREPOSITIONS,
  SUBJECT_PRONOUNS,
  TIME_WORDS,
} from "./lexicon.js";
import type { Span } from "./noun-phrase.js";
import type { Item } from "./units.js";

export interface ContentSpan extends Span {
  /** The content is exactly one quotation. */
  quote?: Item;
  /** Reached through "that", a colon or "whether": a sure sign of reported content. */
  marked: boolean;
}

const CLAUSE_BREAK = new Set([
  "but",
  "while",
  "though",
  "although",
  "whereas",
  "citing",
  "according",
  "even",
]);

const isFiniteCue = (it: Item | undefined) => {
  const v = it && it.kind === "word" ? CUE_FORMS.get(it.text.toLowerCase()) : undefined;
  return v !== undefined && (v.form === "past" || v.form === "s");
};

/** The last item of the clause that starts at `j` (before ", adding", "; ", ", but", "and said", a dash). */
export function clauseEnd(items: Item[], j: number, hi: number): number {
  let end = hi;
  for (let k = j; k <= hi; k++) {
    const t = items[k] as Item;
    const n = items[k + 1];
    if (t.text === ";") {
      end = k - 1;
      break;
    }
    // “... results,” adding: the comma sits inside the quotation.
    if (
      t.kind === "quote" &&
      k > j &&
      n &&
      (CONTINUING_PARTICIPLES.has(n.lower) || n.lower === "according")
    ) {
      end = k;
      break;
    }
    if (t.text === "," && n && (CONTINUING_PARTICIPLES.has(n.lower) || CLAUSE_BREAK.has(n.lower))) {
      end = k - 1;
      break;
    }
    const nextCue = n && n.kind === "word" ? CUE_FORMS.get(n.text.toLowerCase()) : undefined;
    if (t.text === "," && nextCue && nextCue.form !== "base" && k > j) {
      end = k - 1;
      break;
    }
    const newClause = (x: Item | undefined) =>
      x !== undefined && (isFiniteCue(x) || SUBJECT_PRONOUNS.has(x.lower) || x.cap);
    if (t.text === "," && /^(and|but|or)$/.test(n?.lower ?? "") && newClause(items[k + 2])) {
      end = k - 1;
      break;
    }
    const nCue = n && n.kind === "word" ? CUE_FORMS.get(n.text.toLowerCase()) : undefined;
    if ((t.lower === "and" || t.lower === "but") && k > j && (isFiniteCue(n) || nCue?.form === "ing")) {
      end = k - 1;
      break;
    }
    if ((t.text === "—" || t.text === "–") && k - j >= 4) {
      end = k - 1;
      break;
    }
  }
  while (end >= j && (items[end] as Item).kind === "punct") end--;
  return end;
}

/** Index of "that" within a short adverbial after a cue ("said on Friday in a statement that"), or -1. */
function thatAfterAdverbial(items: Item[], j: number, hi: number): number {
  for (let k = j; k <= hi && k < j + 10; k++) {
    const t = items[k] as Item;
    if (t.lower === "that") return k;
    if (t.kind === "quote" || t.text === ":" || t.text === ";" || t.text === ".") return -1;
    if (AUX.has(t.lower) || CUE_FORMS.has(t.lower) || (SUBJECT_PRONOUNS.has(t.lower) && t.lower !== "it"))
      return -1;
  }
  return -1;
}

/** Content after the cue phrase (or after an inverted subject), starting the search at item `j`. */
export function contentAfter(items: Item[], cue: Cue, j: number, hi: number): ContentSpan | undefined {
  let marked = false;
  if (
    cue.lemma === "describe" ||
    cue.lemma === "label" ||
    cue.lemma === "brand" ||
    cue.lemma === "characterize"
  ) {
    for (let k = j; k <= hi && k < j + 7; k++) if (items[k]?.lower === "as") j = k + 1;
  }
  for (let guard = 0; guard < 4 && j <= hi; guard++) {
    const t = items[j] as Item;
    if (t.text === ":") {
      j++;
      marked = true;
      break;
    }
    if (t.text === "," && items[j + 1]?.kind === "quote") {
      j++;
      marked = true;
      break;
    }
    if (t.kind === "word" && (TIME_WORDS.has(t.lower) || isAdverb(t.lower)) && !t.cap) {
      j++;
      continue;
    }
    if (t.kind === "word" && /^(monday|tuesday|wednesday|thursday|friday|saturday|sunday)$/.test(t.lower)) {
      j++;
      continue;
    }
    if (t.kind === "word" && PREPOSITIONS.has(t.lower) && t.lower !== "as") {
      const that = thatAfterAdverbial(items, j, hi);
      if (that >= 0) j = that;
      else {
        // "said in a statement: “...”" / "said in a statement, “...”"
        let k = j;
        while (k <= hi && k < j + 10 && items[k]?.kind === "word") k++;
        if ((items[k]?.text === ":" || items[k]?.text === ",") && items[k + 1]?.kind === "quote") j = k;
        else break;
        continue;
      }
    }
    break;
  }
  // "said on Friday he met ...": a short adverbial, then a pronoun subject.
  if (items[j]?.kind === "word" && PREPOSITIONS.has(items[j]?.lower ?? "") && items[j]?.lower !== "to") {
    for (let k = j + 1; k <= hi && k <= j + 6 && items[k]?.kind === "word"; k++) {
      if (/^(he|she|they|we|i)$/.test(items[k]?.lower ?? "")) {
        j = k;
        break;
      }
    }
  }
  const first = items[j];
  if (!first) return undefined;
  if (first.lower === "that" && first.kind === "word") {
    j++;
    marked = true;
  } else if (/^(whether|if|why|how|what|when|where|who)$/.test(first.lower)) marked = true;
  else if (
    first.lower === "to" &&
    /^(promise|vow|pledge|threaten|hope|urge|ask|agree|decline)$/.test(cue.lemma)
  )
    marked = true;
  if (cue.cls === "clause" && !marked && items[j]?.kind !== "quote") return undefined;
  if (cue.cls === "direct" && items[j]?.kind !== "quote") return undefined;
  if (
    cue.lemma === "ask" &&
    !marked &&
    items[j]?.kind !== "quote" &&
    !/^(about|for|to)$/.test(items[j]?.lower ?? "")
  ) {
    return undefined;
  }
  const end = clauseEnd(items, j, hi);
  if (end < j) return undefined;
  const q = items[j];
  if (q?.kind === "quote" && q.seg && (end === j || onlyTrailing(items, j + 1, end))) {
    return { from: j, to: j, quote: q, marked: true };
  }
  // Without "that", what follows a verb of saying must read as a clause ("said the port would reopen"), not as an
  // adverbial or a bare noun ("said on Saturday", "said flexibility").
  const nounOk = cue.cls === "object" || cue.lemma === "ask" || NOUN_CONTENT.has(cue.lemma);
  if (!marked && !nounOk && !looksLikeClause(items, j, end)) return undefined;
  return { from: j, to: end, marked };
}

const VERBISH = new Set(
  `wants want needs need thinks think knows know goes go makes make takes take gives give comes come gets get feels feel
  seems seem looks look believes believe hopes hope plans plan remains remain supports support opposes oppose likes
  like loves love hates hate made had did went got took gave came told knew thought felt saw left kept brought began
  won lost paid met ran put set sent spent built held led meant stood understood became grew found became fell rose
  chose drove wrote spoke broke`.split(/\s+/),
);

function looksLikeClause(items: Item[], from: number, to: number): boolean {
  const first = items[from] as Item;
  for (let k = from; k <= to; k++) if (items[k]?.kind === "quote") return true; // mixed with quoted words
  if (first.kind === "word" && PREPOSITIONS.has(first.lower) && first.lower !== "to") return false;
  let words = 0;
  let verb = false;
  for (let k = from; k <= to; k++) {
    const t = items[k] as Item;
    if (t.kind === "quote") verb = true;
    if (t.kind !== "word") continue;
    words++;
    if (AUX.has(t.lower) || (k > from && !t.cap && (/ed$/.test(t.lower) || VERBISH.has(t.lower))))
      verb = true;
    if (k > from && /^(he|she|they|we|i|it)$/.test(items[k - 1]?.lower ?? "") && /s$/.test(t.lower))
      verb = true;
    if (k === from && !t.cap && /ing$/.test(t.lower)) verb = true; // "suggested abandoning the treaty"
  }
  return words >= 3 && verb;
}

function onlyTrailing(items: Item[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if ((items[k] as Item).kind !== "punct") return false;
  return true;
}

/**
 * True when only adverbials follow item `k` up to `hi` ("..., she said on Friday in Ottawa."), so that the content
 * is what came before the subject.
 */
export function onlyAdverbialsAfter(items: Item[], k: number, hi: number): boolean {
  const first = items[k];
  if (first && first.kind === "word" && !first.cap) {
    const next = items[k + 1];
    const pp =
      PREPOSITIONS.has(first.lower) &&
      (first.lower !== "to" ||
        (next !== undefined && (next.cap || /^(the|a|an|reporters|journalists)$/.test(next.lower))));
    if (!(pp || TIME_WORDS.has(first.lower) || isAdverb(first.lower))) return false;
  }
  let n = 0;
  for (let i = k; i <= hi; i++) {
    const t = items[i] as Item;
    if (t.text === "," && CONTINUING_PARTICIPLES.has(items[i + 1]?.lower ?? "")) return true;
    if (t.text === "," && CLAUSE_BREAK.has(items[i + 1]?.lower ?? "")) return true;
    if (t.kind === "quote" || t.lower === "that" || AUX.has(t.lower)) return false;
    if (t.kind === "word" && SUBJECT_PRONOUNS.has(t.lower) && t.lower !== "it") return false;
    if (t.kind === "word" && CUE_FORMS.has(t.lower) && !t.cap) return false;
    if (t.kind === "word") n++;
    if (n > 14) return false;
  }
  return true;
}
