/**
 * Whether a sentence can stand alone in a briefing. Hard rejects (`ok: false`) are never picked; `dependence`
 * marks sentences that lean on their predecessor: "hard" ones (But…, However…) only follow their own
 * predecessor, "soft" ones (He…, It…, This…) are penalized and never open a summary if anything else can.
 */
import { countWords } from "./tokenize.js";

export type Dependence = "none" | "soft" | "hard";

export interface SentenceShape {
  ok: boolean;
  /** Why the sentence was rejected. */
  reason?: string;
  dependence: Dependence;
  words: number;
  /** Share of the characters inside quotation marks, 0–1. */
  quoted: number;
}

const MIN_WORDS = 6;
const MAX_WORDS = 60;

const CLOSERS = /["'”’»)\]\s]+$/u;

/** Page furniture that speaks to the reader or about the page; kept narrow, since news is also about subscriptions. */
const BOILERPLATE: RegExp[] = [
  /\b(click|tap) (here|on the link|the link|below)\b/i,
  /\b(sign up|subscribe|register)( now| today| for free)? (for|to) (our|the|my) [\w\s-]{0,20}(newsletter|alerts|podcast|channel|updates)\b/i,
  /\b(sign up|subscribe) (now|today|here|for free)\b|\bregister (for free|now|today)\b|\bsubscribers only\b|\bkeep me signed in\b/i,
  /\bfollow us\b|\bfollow @\w|\blike us on facebook\b/i,
  /\ball rights reserved\b|©|\bcopyright (©|\(c\)|\d{4})/i,
  /\b(read more|read next|continue reading|scroll down for|opens in a new (tab|window))\b/i,
  /\bshare (this|on) (article|story|page|facebook|twitter|whatsapp)\b|\bsponsored content\b|\baffiliate (links?|commission)\b/i,
  /\bimage (caption|copyright|source)\b|\b(photo|picture|video|image)s?( credit)?:|\bgetty images\b|\bap photo\b/i,
  /\b(our|the) (terms of (use|service)|privacy policy|cookie policy)\b|\b(use|accept|allow|manage) (of )?cookies\b/i,
  /\b(download|get) (our|the \w+) app\b|^(watch|listen|related|more|see also):\s/i,
  /\bthis (story|article|report) (has been|was|is being) (updated|corrected)\b|\bcontributed (to )?(this|the) report/i,
  /^\(?(additional )?(reporting|editing|writing) by\b|\b(published|last updated):/i,
  /https?:\/\/|\S+@[\w-]+\.[a-z]{2,}\b/i,
  /\bthird[- ]party (partners|cookies|vendors)\b|\badverts? you see\b|\bpersonali[sz]ed (ads|advertising)\b/i,
  /\b(free )?articles? (left|remaining)\b|\byou have (read|reached)\b.*\b(articles?|stories|limit)\b|\b(stories|articles) (a|per) month\b/i,
];

/** A fact-box line ("Duration: 21 days, from 12 March."): a short label, a colon, then no quotation. */
const FACT_LINE = /^([^:"“‘]{2,60}):\s+(?!["“‘'])/u;
const SPEECH_LABEL =
  /\b(said|says|told( \p{L}+)?|added|warned|explained|wrote|announced|declared|insisted)$/iu;

const HARD_OPENERS =
  /^(but|however|and|or|yet|so|also|still|instead|nevertheless|nonetheless|moreover|furthermore|besides|otherwise|therefore|thus|hence|then|likewise|similarly|conversely|indeed|again|plus|additionally|consequently|accordingly|regardless|even so|in addition|as a result|on the other hand|by contrast|in contrast|in other words|in turn|despite (this|that)|because of (this|that)|after (this|that)|that's|this is|that is|this was|that was|not only that)\b/i;
const SOFT_OPENERS =
  /^(he|she|it|they|his|her|its|their|them|we|our|i|this|that|these|those|such|both|neither|meanwhile|elsewhere|separately|the (former|latter|same|move|decision|deal|plan|report|statement|announcement|comments|remarks))\b/i;
const TIME_AFTER_DEMONSTRATIVE =
  /^(this|that|these|those) (week|weekend|month|year|season|morning|afternoon|evening|summer|winter|spring|autumn|fall|time|past|coming|decade|century)\b/i;
const PRONOUN_ATTRIBUTION =
  /[,!?]["”’']?\s+(he|she|they|it|we) (said|added|says|told|explained|noted|continued|insisted|warned|stressed|wrote)\b/i;

/** Share of characters between double quotation marks (straight or curly). */
function quotedShare(text: string): number {
  let inside = 0;
  let open = false;
  for (const ch of text) {
    if (ch === "“" || ch === "«") open = true;
    else if (ch === "”" || ch === "»") open = false;
    else if (ch === '"') open = !open;
    else if (open) inside++;
  }
  return text.length === 0 ? 0 : inside / text.length;
}

/** True when a quotation opens but does not close in the sentence, or closes without opening: a piece of a longer quote. */
function isQuoteFragment(text: string): boolean {
  const opens = (text.match(/[“«]/g) ?? []).length;
  const closes = (text.match(/[”»]/g) ?? []).length;
  if (opens !== closes) return true;
  if ((text.match(/"/g) ?? []).length % 2 === 1) return true;
  // Single curly quotes (‘…’) as quotation marks; ’ is also an apostrophe, so only the clear cases.
  if (/^‘/.test(text) && !/[’][\s,.!?;:—-]|’$/.test(text.slice(1))) return true;
  if (!text.includes("‘") && /[.!?,]’$/.test(text)) return true;
  // Straight single quotes (Daily Mail style): a closing one at the end with no opening one before it.
  if (/[.!?,]'$/.test(text) && !/(^|[\s(—–-])'\S/.test(text)) return true;
  if (/^'\S/.test(text) && !/\S'(?=[\s,.!?;:—–-]|$)/.test(text.slice(1))) return true;
  return false;
}

export function judgeSentence(text: string): SentenceShape {
  const words = countWords(text);
  const quoted = quotedShare(text);
  const reject = (reason: string): SentenceShape => ({
    ok: false,
    reason,
    dependence: "none",
    words,
    quoted,
  });
  if (words < MIN_WORDS) return reject("too-short");
  if (words > MAX_WORDS) return reject("too-long");
  const bare = text.replace(CLOSERS, "");
  if (/(\.\.\.|…)$/.test(bare)) return reject("truncated");
  if (/[:;,–—-]$/.test(bare)) return reject("lead-in");
  if (bare.endsWith("?")) return reject("question");
  if (!/[.!]$/.test(bare)) return reject("no-terminal-punctuation");
  if (/^[\p{Ll}]/u.test(text) || /^[,;:)\]]/.test(text)) return reject("fragment");
  if (/^[([].*[)\]][.!]?$/.test(text)) return reject("aside");
  if (isQuoteFragment(text)) return reject("quote-fragment");
  const label = FACT_LINE.exec(text);
  if (label && countWords(label[1] as string) <= 8 && words <= 20 && !SPEECH_LABEL.test(label[1] as string)) {
    return reject("fact-line");
  }
  if (BOILERPLATE.some((re) => re.test(text))) return reject("boilerplate");
  const letters = text.replace(/[^\p{L}]/gu, "");
  if (letters.length > 0 && letters === letters.toUpperCase() && /\p{Lu}/u.test(letters))
    return reject("all-caps");

  let dependence: Dependence = "none";
  if (/^["“‘'«]/.test(text)) {
    // A quotation: it stands alone when its speaker is named, not when it is “…,” she said.
    if (PRONOUN_ATTRIBUTION.test(text)) dependence = "soft";
  } else if (HARD_OPENERS.test(text)) dependence = "hard";
  else if (SOFT_OPENERS.test(text) && !TIME_AFTER_DEMONSTRATIVE.test(text)) dependence = "soft";
  return { ok: true, dependence, words, quoted };
}
