/**
 * Event cues: on which weekday the reported event happened, and whether it was a phone call or a meeting. Articles
 * about the same two leaders share their names and their running topic whatever the event; what sets a meeting on
 * Friday apart from a phone call on Monday is often only these cues. They are `%` keys (`%day:friday`,
 * `%kind:call`), weighted like any mention by where the article makes it (title and lead count most), kept apart
 * from the vector: a story keeps their mean next to its centroid, and they never count in similarity, only to tell
 * events apart (`compareCues`).
 */

import type { SparseVector } from "./sparse-vector.js";

export const CUE_PREFIX = "%";
const DAY_PREFIX = `${CUE_PREFIX}day:`;
const KIND_PREFIX = `${CUE_PREFIX}kind:`;

/**
 * Cues of one sort say something only when they weigh at least this much: one mention in the lead (1.5 at its
 * start), not one passing mention deep in the background. Tuned with scripts/eval-stories.ts (ECB+ and the
 * same-leaders samples).
 */
const MIN_CUE_WEIGHT = 0.5;
/**
 * Two sides conflict when less than this share of their cues agree. Days agree when at most one day apart: reports
 * published the next day ("said Saturday" about Friday's shooting) keep agreeing.
 */
const MIN_AGREEMENT = 0.3;

const DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const WEEKDAY = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;
/**
 * "next Friday", "every Sunday", "Published: Monday": not the day of the event reported. ("Officials said Saturday"
 * often is the day after a Friday event; days a day apart agree, see `dayAgreement`.)
 */
const NOT_EVENT = /\b(?:next|every|each|following|published|updated|posted)\s*:?\s+$/i;
/** "Sunday, March 17, 2013", "Monday 5 August 2013": a dateline or time stamp. */
const DATELINE =
  /^\s*,?\s*(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d/i;

const KINDS: ReadonlyArray<[string, RegExp]> = [
  [
    "call",
    /\b(?:(?:[Pp]hone|[Tt]elephone|[Vv]ideo) (?:call|conversation|talk)s?|phoned|by (?:tele)?phone|on the (?:tele)?phone|\d+[- ]minute (?:call|conversation)|(?:[Tt]he|a|[Tt]heir) call\b(?! (?:for|to|on)\b))/g,
  ],
  [
    "meeting",
    /\b(?:[Mm]eetings?\b(?! (?:the|its|their) (?:target|goal|demand|need|deadline)s?\b)|[Ss]ummit|face[- ]to[- ]face|sat down with|(?:met|meet) (?:again )?(?:with )?(?:[A-Z]|his |her |their |on |in |at |for |briefly|privately))/g,
  ],
];

/** Cue keys weighted by `weightAt` (the weight of a mention at an offset of `text`), heaviest first. */
export function extractCues(text: string, weightAt: (at: number) => number): SparseVector {
  const days = new Map<string, number>();
  for (const m of text.matchAll(WEEKDAY)) {
    const before = text.slice(Math.max(0, m.index - 48), m.index);
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24);
    if (NOT_EVENT.test(before) || DATELINE.test(after)) continue;
    add(days, DAY_PREFIX + (m[1] ?? "").toLowerCase(), weightAt(m.index));
  }
  const kinds = new Map<string, number>();
  for (const [kind, re] of KINDS)
    for (const m of text.matchAll(re)) add(kinds, KIND_PREFIX + kind, weightAt(m.index));
  return [...days, ...kinds]
    .map(([k, w]): [string, number] => [k, Math.round(w * 1e4) / 1e4])
    .filter(([, w]) => w > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

function add(m: Map<string, number>, key: string, w: number): void {
  m.set(key, (m.get(key) ?? 0) + w);
}

export function isCue(key: string): boolean {
  return key.startsWith(CUE_PREFIX);
}

/** The shares of the cues of one sort, or none when they weigh too little to say anything. */
function shares(v: Iterable<[string, number]>, prefix: string): Map<string, number> {
  const m = new Map<string, number>();
  let total = 0;
  for (const [k, w] of v) {
    if (!k.startsWith(prefix)) continue;
    m.set(k.slice(prefix.length), w);
    total += w;
  }
  if (total < MIN_CUE_WEIGHT) return new Map();
  for (const [k, w] of m) m.set(k, w / total);
  return m;
}

function daysApart(a: string, b: string): number {
  const d = Math.abs(DAYS.indexOf(a) - DAYS.indexOf(b));
  return Math.min(d, 7 - d);
}

/** The share of `a`'s days that `b` also has, give or take a day. */
function dayAgreement(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const [x, wx] of a) {
    let near = 0;
    for (const [y, wy] of b) if (daysApart(x, y) <= 1) near += wy;
    s += Math.min(wx, near);
  }
  return s;
}

function agreement(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  let s = 0;
  for (const [k, w] of a) s += Math.min(w, b.get(k) ?? 0);
  return s;
}

/**
 * What the cues of an article and of a story (its centroid) say about their being one event:
 * - "different": their days are more than a day apart, or one reports a call and the other a meeting;
 * - "undecided": both report the same kind of exchange, but only one names its day, so the day cannot confirm it;
 * - "consistent": nothing against (including when either side has no cues).
 */
export function compareCues(
  article: Iterable<[string, number]>,
  story: Iterable<[string, number]>,
): "different" | "undecided" | "consistent" {
  const articleCues = [...article].filter(([k]) => isCue(k));
  const storyCues = [...story].filter(([k]) => isCue(k));
  if (articleCues.length === 0 || storyCues.length === 0) return "consistent";
  const da = shares(articleCues, DAY_PREFIX);
  const ds = shares(storyCues, DAY_PREFIX);
  if (da.size > 0 && ds.size > 0 && Math.max(dayAgreement(da, ds), dayAgreement(ds, da)) < MIN_AGREEMENT) {
    return "different";
  }
  const ka = shares(articleCues, KIND_PREFIX);
  const ks = shares(storyCues, KIND_PREFIX);
  if (ka.size === 0 || ks.size === 0) return "consistent";
  if (agreement(ka, ks) < MIN_AGREEMENT) return "different";
  const articleDay = da.size > 0;
  const storyDay = ds.size > 0;
  return articleDay !== storyDay ? "undecided" : "consistent";
}
