/** Finds speech cues in a unit: verbs of saying used as verbs (not "her claims", "was told", "declined to say"). */

import { isCapWord } from "../actors/tokens.js";
import {
  AUX,
  CUE_FORMS,
  type CueClass,
  DETERMINERS,
  isAdverb,
  NEGATIONS,
  POSSESSIVE_PRONOUNS,
  TAKES_ADDRESSEE,
} from "./lexicon.js";
import { npStartingAt } from "./noun-phrase.js";
import type { Item } from "./units.js";

export interface Cue {
  /** Item index of the verb. */
  i: number;
  /** Item index of the last item of the cue phrase ("told reporters", "called for", "according to"). */
  end: number;
  lemma: string;
  cls: CueClass | "according";
  form: "base" | "s" | "past" | "ing";
  /** "is saying", "has been arguing": an -ing form with an auxiliary is a finite verb. */
  progressive: boolean;
}

const NOUNISH = new Set(
  "questions claims reports calls demands notes states answers promises fears hopes remarks replies estimates posts tweets signals pledges vows threatens counters labels brands praises welcomes proposes reads thanks".split(
    " ",
  ),
);
const BE = new Set(["was", "were", "is", "are", "been", "be", "being", "get", "gets", "got", "am"]);
const PLATFORMS = /^(x|twitter|facebook|instagram|truth|threads|bluesky|social|linkedin|telegram|tiktok)$/i;

function hasQuoteWithin(items: Item[], from: number, n: number): boolean {
  for (let k = from; k < items.length && k < from + n; k++) if (items[k]?.kind === "quote") return true;
  return false;
}

function findWord(items: Item[], from: number, n: number, words: RegExp): number {
  for (let k = from; k < items.length && k < from + n; k++) {
    const t = items[k] as Item;
    if (t.kind === "quote" || t.text === "." || t.text === ";") return -1;
    if (words.test(t.lower)) return k;
  }
  return -1;
}

/** The cue verb at item `i`, or undefined when the word is not used as a speech verb there. */
function cueAt(items: Item[], i: number): Cue | undefined {
  const it = items[i] as Item;
  const lower = it.text.toLowerCase();
  const next = items[i + 1];
  if (lower === "according" && next?.lower === "to") {
    return { i, end: i + 1, lemma: "according", cls: "according", form: "ing", progressive: false };
  }
  if (
    /^(go|goes|went)$/.test(lower) &&
    next?.lower === "on" &&
    (items[i - 1]?.kind === "quote" || items[i + 2]?.text === ":")
  ) {
    return {
      i,
      end: i + 1,
      lemma: "go on",
      cls: "direct",
      form: lower === "went" ? "past" : "s",
      progressive: false,
    };
  }
  if (/^point(s|ed|ing)?$/.test(lower) && next?.lower === "out") {
    return {
      i,
      end: i + 1,
      lemma: "point out",
      cls: "clause",
      form: lower.endsWith("ing") ? "ing" : "past",
      progressive: false,
    };
  }
  const v = CUE_FORMS.get(lower);
  if (!v || it.poss) return undefined;
  const prev = items[i - 1];
  const pronounLike = prev && /^(many|some|most|several|few|others|both|all|each)$/.test(prev.lower); // "some say"
  if (
    prev &&
    !pronounLike &&
    (DETERMINERS.has(prev.lower) || POSSESSIVE_PRONOUNS.has(prev.lower) || prev.poss)
  )
    return undefined;
  // A present-tense verb needs a plural or pronoun subject, an auxiliary or an adverb: "his birther call" is a noun.
  if (
    v.form === "base" &&
    prev?.kind === "word" &&
    !prev.cap &&
    !pronounLike &&
    !/(s|people|men|women)$/.test(prev.lower)
  ) {
    if (
      !(
        AUX.has(prev.lower) ||
        isAdverb(prev.lower) ||
        /^(i|we|you|they|and|or|but|who|that)$/.test(prev.lower)
      )
    ) {
      return undefined;
    }
  }
  if (prev?.lower === "that" && v.form !== "past" && v.form !== "ing") return undefined; // "that demand"
  // Plural nouns that look like verbs ("raising fresh questions"): a verb needs a name or pronoun right before.
  const afterNoun = prev && !prev.cap && DETERMINERS.has(items[i - 2]?.lower ?? ""); // "The ad claims"
  if (
    v.form === "s" &&
    NOUNISH.has(lower) &&
    !(prev && (prev.cap || afterNoun || /^(he|she|it|who|that|also|now|still)$/.test(prev.lower)))
  ) {
    return undefined;
  }
  if (prev?.lower === "to" && v.form === "base") return undefined;
  // A capitalised form inside a sentence is a name ("United States"), not a verb.
  if (it.cap && prev?.kind === "word") return undefined;
  // "continue to", "ask to" and the like are not speech.
  if (next?.lower === "to" && /^(continue|feel|signal)$/.test(v.lemma)) return undefined;
  // "Asked about ...", "Told of ...": a passive participle; but "Said Ana Ruiz, ..." is an inverted cue.
  if (it.cap && v.form === "past" && (i === 0 || items[i - 1]?.kind === "quote") && !isCapWord(next))
    return undefined;
  // Look back over adverbs and auxiliaries for a negation or a passive.
  let progressive = false;
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    const t = items[k] as Item;
    if (t.kind !== "word") break;
    if (NEGATIONS.has(t.lower)) return undefined;
    if (BE.has(t.lower)) {
      if (v.form === "past") return undefined;
      if (v.form === "ing") progressive = true;
    }
    if (!(isAdverb(t.lower) || AUX.has(t.lower) || BE.has(t.lower))) break;
  }
  let end = i;
  switch (v.lemma) {
    case "call":
      if (next?.lower === "for" || next?.lower === "on") end = i + 1;
      else if (!hasQuoteWithin(items, i + 1, 4) && !objectThenQuote(items, i + 1)) return undefined;
      // "a class called “Perception”" names something; it reports no words.
      else if (next?.kind === "quote" && prev?.kind === "word" && !prev.cap && !AUX.has(prev.lower))
        return undefined;
      break;
    case "describe":
    case "characterize":
    case "characterise":
    case "label":
    case "brand":
    case "dub":
      if (findWord(items, i + 1, 7, /^as$/) < 0 && !hasQuoteWithin(items, i + 1, 5)) return undefined;
      break;
    case "post":
      if (
        !(next?.lower === "on" && PLATFORMS.test(items[i + 2]?.text ?? "")) &&
        !hasQuoteWithin(items, i + 1, 3)
      ) {
        return undefined;
      }
      break;
    default: {
      // "asked Dunn" is the inverted subject after a quotation, not the person asked.
      const inverted = v.form !== "ing" && (prev?.kind === "quote" || prev?.text === ",");
      if (
        TAKES_ADDRESSEE.has(v.lemma) &&
        !inverted &&
        next &&
        next.kind === "word" &&
        next.lower !== "that"
      ) {
        const np = npStartingAt(items, i + 1, Math.min(items.length - 1, i + 6));
        if (np && !/^(if|whether|why|how|what|when|about|for|to)$/.test(next.lower)) end = np.to;
      }
    }
  }
  return { i, end, lemma: v.lemma, cls: v.cls, form: v.form, progressive };
}

/** "called Ford’s plans to open a plant in Mexico “an absolute disgrace”": an object, then the quoted label. */
function objectThenQuote(items: Item[], from: number): boolean {
  for (let k = from; k < items.length && k < from + 14; k++) {
    const t = items[k] as Item;
    if (t.kind === "quote") return k > from;
    if (/^[,.;:]$/.test(t.text) || t.lower === "that" || AUX.has(t.lower)) return false;
  }
  return false;
}

export function findCues(items: Item[]): Cue[] {
  const out: Cue[] = [];
  for (let i = 0; i < items.length; i++) {
    if (items[i]?.kind !== "word") continue;
    const c = cueAt(items, i);
    if (c) {
      out.push(c);
      i = c.end;
    }
  }
  return out;
}
