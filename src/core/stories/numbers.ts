/**
 * Numbers as event evidence: amounts with their unit ("$2.5 billion", "97%", "15-minute", "7 people"), normalized
 * so that outlets writing "15-minute call" and "call lasted about 15 minutes" share the key "15 minute".
 * Years, dates and times of day are left out: they say when, not what.
 */

import { CARDINAL_WORDS } from "../number-words.js";
import { STOP_WORDS } from "./stop-words.js";
import { normalizeWord, singular } from "./tokens.js";

const NUMBER_WORDS: Record<string, string> = {
  ...CARDINAL_WORDS,
  hundred: "100",
  dozen: "12",
  dozens: "dozens",
  hundreds: "hundreds",
  thousands: "thousands",
};

const SCALE: Record<string, string> = {
  thousand: "thousand",
  k: "thousand",
  million: "million",
  m: "million",
  mn: "million",
  billion: "billion",
  bn: "billion",
  b: "billion",
  trillion: "trillion",
  tn: "trillion",
};

const MONTHS =
  "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|september|october|november|december";

const NUM = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const WORD_NUM = Object.keys(NUMBER_WORDS).join("|");

const MONEY = new RegExp(
  String.raw`([$€£¥])\s?(${NUM})(?:\s?-?\s?(thousand|million|billion|trillion|bn|mn|tn|[kmb])\b)?`,
  "giu",
);
const PERCENT = new RegExp(String.raw`(${NUM})\s?(?:%|percent\b|per cent\b)`, "giu");
const WITH_UNIT = new RegExp(
  String.raw`(?<![\p{L}\p{N}$€£¥.,:/])(${NUM}|${WORD_NUM})(?:\s?-\s?|\s)(?:(thousand|million|billion|trillion)\s)?([\p{L}]+)`,
  "giu",
);
const DATE_OR_TIME_SOURCE = String.raw`\b(?:${MONTHS})\.?\s+\d{1,2}(?:st|nd|rd|th)?\b|\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:${MONTHS})\b|\b\d{1,2}[:.]\d{2}\s?(?:[ap]\.?m\b)?|\b\d{1,2}\s?[ap]\.?m\b|\b\d{4}-\d{2}-\d{2}\b`;
const DATE_OR_TIME = new RegExp(DATE_OR_TIME_SOURCE, "giu");
/**
 * The same pattern without the `u` flag, which V8 matches several times faster. Case-insensitive, the two differ
 * only on "ſ" (U+017F) and "K" (U+212A), which fold to "s" and "k" with `u` and to nothing without: texts without
 * those two characters are read with this one.
 */
const DATE_OR_TIME_FAST = new RegExp(DATE_OR_TIME_SOURCE, "gi");
const FOLDS_TO_ASCII = /[\u017f\u212a]/;

function plain(n: string): string {
  const lower = n.toLowerCase();
  return NUMBER_WORDS[lower] ?? lower.replace(/,/g, "");
}

function isYear(n: string): boolean {
  return /^(?:1[89]|20|21)\d\d$/.test(n);
}

/** Number mentions of a text as `[key, offset]`, in order of appearance. */
export function extractNumbers(text: string): Array<[string, number]> {
  const out: Array<[string, number]> = [];
  // Blank out dates and times, then amounts and percentages once found, so that no number counts twice.
  const dates = FOLDS_TO_ASCII.test(text) ? DATE_OR_TIME : DATE_OR_TIME_FAST;
  let rest = text.replace(dates, (m) => " ".repeat(m.length));
  rest = rest.replace(MONEY, (m, cur: string, n: string, scale: string | undefined, at: number) => {
    const s = scale ? SCALE[scale.toLowerCase()] : undefined;
    out.push([`${cur}${plain(n)}${s ? ` ${s}` : ""}`, at]);
    return " ".repeat(m.length);
  });
  rest = rest.replace(PERCENT, (m, n: string, at: number) => {
    out.push([`${plain(n)}%`, at]);
    return " ".repeat(m.length);
  });
  for (const m of rest.matchAll(WITH_UNIT)) {
    const n = plain(m[1] ?? "");
    const scale = m[2]?.toLowerCase();
    const unit = normalizeWord(m[3] ?? "");
    const raw = m[1] ?? "";
    const isWordNumber = /^\p{L}/u.test(raw);
    if (isYear(raw) && !scale) continue;
    // "two leaders" is no evidence; "two-hour", "seven people" and "dozens" are.
    if (isWordNumber && Number(n) < 10 && !m[0].includes("-") && !/^peopl|^person/.test(unit)) continue;
    if (/^\p{Lu}/u.test(m[3] ?? "") && !m[0].includes("-")) continue; // "AP News+1 Rubio"
    if (
      unit === "" ||
      (STOP_WORDS.has(unit) && !/^(?:year|day|week|month|time|people|person)s?$/.test(unit))
    ) {
      // A bare number: only a distinctive one (two or more digits) is evidence.
      if (!isWordNumber && /^\d{2,}/.test(n)) out.push([n, m.index]);
      continue;
    }
    if (/^\p{N}/u.test(unit)) continue;
    out.push([`${n}${scale ? ` ${scale}` : ""} ${singular(unit)}`, m.index]);
  }
  return out.sort((a, b) => a[1] - b[1]);
}
