/**
 * The quantities a text states, as canonical values, so that a model sentence's numbers can be looked up in its
 * passages however either writes them: "3,000", "3000", "3k" and "three thousand" are all "3000"; "$5bn" and
 * "5 billion" are "5000000000" (and not "5", so "$5bn" is not supported by "$5 million"); "twenty-five" is "25";
 * "third" and "3rd" are "3". Vague quantities ("thousands", "dozens") are their own claims. The currencies a text
 * names ("$", "dollars", "€", "euros") are read separately.
 */
import { CARDINAL_WORDS } from "../core/number-words.js";

const SMALL: Record<string, number> = {
  one: 1,
  ...Object.fromEntries(Object.entries(CARDINAL_WORDS).map(([w, d]) => [w, Number(d)])),
  dozen: 12,
};

const SCALES: Record<string, number> = {
  hundred: 100,
  thousand: 1e3,
  million: 1e6,
  billion: 1e9,
  trillion: 1e12,
};

/** Scale suffixes written onto digits: "5bn", "3m", "2k", "1tn". */
const SUFFIX_SCALES: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12 };

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  thirtieth: 30,
  fortieth: 40,
  fiftieth: 50,
  hundredth: 100,
  thousandth: 1000,
};

/** Plural scale words: a vague quantity, supported only by the same word. */
const VAGUE = new Set(["dozens", "hundreds", "thousands", "millions", "billions", "trillions", "scores"]);

const TOKEN = /(\d+(?:[.,]\d+)*)(?:(st|nd|rd|th|bn|mn|tn|k|m|b)(?!\p{L}))?|\p{L}+/gu;

interface Token {
  text: string;
  /** A number written in digits, with its scale suffix already applied. */
  digits?: number | string;
  ordinal?: boolean;
}

/** "3,000" → 3000, "2.50" → 2.5; a form that is no plain number ("4,5") stays as written. */
function digitValue(raw: string): number | string {
  const s = raw.replace(/,(?=\d{3}(?!\d))/g, "");
  return /^\d+(?:\.\d+)?$/.test(s) ? Number(s) : s;
}

function tokens(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    if (m[1] === undefined) {
      out.push({ text: m[0] });
      continue;
    }
    const value = digitValue(m[1]);
    const suffix = m[2];
    const scale = suffix ? SUFFIX_SCALES[suffix] : undefined;
    if (scale !== undefined && typeof value === "number") out.push({ text: m[0], digits: value * scale });
    else out.push({ text: m[0], digits: value, ordinal: suffix !== undefined && scale === undefined });
  }
  return out;
}

function canonical(value: number | string): string {
  return typeof value === "number" ? String(Number(value.toPrecision(12))) : value;
}

/** Every quantity the text states, canonical ("3000", "2.5", "thousands"). */
export function numberClaims(text: string): string[] {
  const ts = tokens(text);
  const out: string[] = [];
  let i = 0;
  while (i < ts.length) {
    const t = ts[i] as Token;
    const next = ts[i + 1]?.text;
    let value: number | string | undefined;
    if (t.digits !== undefined) value = t.digits;
    else if (ORDINALS[t.text] !== undefined) value = ORDINALS[t.text];
    else if (VAGUE.has(t.text)) {
      out.push(t.text);
      i++;
      continue;
    } else if (SMALL[t.text] !== undefined) {
      // "one of them", "one another", "no one": not a quantity.
      const before = ts[i - 1]?.text;
      if (t.text === "one" && (next === "of" || next === "another" || before === "no")) {
        i++;
        continue;
      }
      value = SMALL[t.text];
      // "twenty-five", "twenty five".
      const unit = next === undefined ? undefined : SMALL[next];
      if (typeof value === "number" && value >= 20 && value % 10 === 0 && unit !== undefined && unit < 10) {
        value += unit;
        i++;
      }
    } else if (t.text === "half" && next === "a" && SCALES[ts[i + 2]?.text ?? ""] !== undefined) {
      value = (SCALES[ts[i + 2]?.text ?? ""] as number) / 2;
      i += 2;
    } else if (SCALES[t.text] !== undefined) value = SCALES[t.text];
    if (value === undefined) {
      i++;
      continue;
    }
    i++;
    // "three hundred thousand", "5 billion", "2.5 million".
    while (typeof value === "number" && !t.ordinal && SCALES[ts[i]?.text ?? ""] !== undefined) {
      value *= SCALES[ts[i]?.text ?? ""] as number;
      i++;
    }
    out.push(canonical(value));
  }
  return out;
}

const CURRENCIES: Array<[string, RegExp]> = [
  ["dollar", /\$|\bdollars?\b|\busd\b/iu],
  ["euro", /€|\beuros?\b|\beur\b/iu],
  ["pound", /£|\bpounds? sterling\b|\bsterling\b|\bpounds?\b|\bgbp\b/iu],
  ["yen", /¥|\byen\b|\bjpy\b/iu],
  ["rupee", /₹|\brupees?\b|\binr\b/iu],
  ["franc", /\bfrancs?\b|\bchf\b/iu],
  ["yuan", /\byuan\b|\brenminbi\b|\bcny\b/iu],
];

/** The currencies a text names ("dollar" for "$5bn" and for "5 billion dollars"). */
export function currencyClaims(text: string): string[] {
  return CURRENCIES.filter(([, re]) => re.test(text)).map(([name]) => name);
}
