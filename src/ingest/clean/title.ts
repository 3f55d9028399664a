/**
 * The title: the headline when the body starts with one (removed from the body), else a shortened first
 * sentence. Handles a headline glued to its dek by hard-wrap joining ("… first meeting The Mexican president …").
 */
import { normalizeSpace } from "../blocks.js";
import { keptIndexes, setText } from "./state.js";
import { endsLikeSentence, isHeadlineShaped, normalizedKey, startsWithQuote, wordCount } from "./text.js";
import type { Item, State } from "./types.js";

const MAX_TITLE_WORDS = 14;
/** Longest headline glued to a dek that is looked for. */
const HEADLINE_MAX_WORDS = 25;
/** Longest first line taken as a headline on its own. */
const LINE_HEADLINE_MAX_WORDS = 22;

/** Capitalized words that open a sentence (articles, pronouns, prepositions) in several languages. */
const STARTERS = new Set(
  "The A An This These That Those In On At After As Her His Their Its It He She They We For With While When Since Despite Although Amid El La Los Las Un Una Le Les Des Une Der Die Das Ein Eine Il Lo Gli O Os Um Uma Het Een".split(
    " ",
  ),
);
/** Words that cannot end a headline or a shortened title. */
const FUNCTION_WORDS = new Set(
  "a an the of and or to in on at for with by from as but nor that this than into about over after before between its his her their our is are was were be has had have will would de del la el los las y en con por para un una le les des du et à au aux der die das und von zu mit ein eine il di e o a da do dos das um uma no na que".split(
    " ",
  ),
);

/** Cuts a text after the first `keyLength` normalized characters (letters and digits). */
function cutAfterKey(text: string, keyLength: number): string {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (/[\p{L}\p{N}]/u.test(text[i] ?? "")) seen++;
    if (seen === keyLength) return text.slice(i + 1);
  }
  return "";
}

/** A headline glued to the next sentence: returns [headline, rest] or undefined. */
function splitGluedHeadline(item: Item): [string, string] | undefined {
  const lines = item.original.text.split(/\n+/).map(normalizeSpace).filter(Boolean);
  if (
    lines.length > 1 &&
    lines[0] &&
    isHeadlineShaped(lines[0], HEADLINE_MAX_WORDS) &&
    wordCount(lines[0]) >= 3
  )
    return [lines[0], normalizeSpace(lines.slice(1).join(" "))];
  const words = item.text.split(" ");
  const limit = Math.min(words.length - 5, HEADLINE_MAX_WORDS + 1);
  for (let i = 1; i < limit; i++) {
    const prev = words[i - 1] ?? "";
    if (/[.!?]["”’»)]?$/u.test(prev)) return undefined;
    if (i < 4) continue;
    const w = words[i] ?? "";
    if (STARTERS.has(w) && /[\p{Ll}\d][’'”"]?$/u.test(prev) && !FUNCTION_WORDS.has(prev.toLowerCase())) {
      // The dek is a sentence in sentence case; a Title Case run ("… Approves The Bridge Plan") is one headline.
      const rest = words.slice(i + 1);
      const lowerCase = rest.filter((x) => /^\p{Ll}/u.test(x)).length;
      if (rest.length >= 5 && lowerCase * 2 >= rest.length)
        return [words.slice(0, i).join(" "), words.slice(i).join(" ")];
      return undefined;
    }
  }
  return undefined;
}

const ABBREVIATION =
  /(?:^|\s)(?:(?:\p{Lu}\.)+\p{Lu}?|Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|St|Jr|Sr|Prof|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec|No|vs|etc|Inc|Corp|Co|Ltd|Sr|Sra|Mme|M)\.$/u;
const SENTENCE_END = /[.!?…]["”’»)]?(?=\s+["“‘(«]?\p{Lu}|\s*$)/gu;

/** The first sentence of a text (abbreviation-aware). */
function firstSentence(text: string): string {
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) {
    const upto = text.slice(0, m.index + 1);
    if (m[0][0] === "." && ABBREVIATION.test(upto)) continue;
    return text.slice(0, m.index + m[0].length);
  }
  return text;
}

/** A short title from a sentence: at most ~14 words, ending with "…" when cut. */
export function shortenToTitle(sentence: string): string {
  const words = sentence.trim().split(/\s+/);
  if (words.length <= MAX_TITLE_WORDS) return sentence.trim().replace(/[.:;,]+$/u, "");
  let cut = words.slice(0, MAX_TITLE_WORDS);
  const cap = (w: string | undefined) => /^["“‘(]?\p{Lu}/u.test(w ?? "");
  // Do not split a name: back off while the next word continues a capitalized run.
  if (cap(words[MAX_TITLE_WORDS])) while (cut.length > 6 && cap(cut[cut.length - 1])) cut = cut.slice(0, -1);
  const bare = (w: string | undefined) => (w ?? "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
  while (cut.length > 6 && FUNCTION_WORDS.has(bare(cut[cut.length - 1]))) cut = cut.slice(0, -1);
  // Do not leave a quotation open.
  const text = cut.join(" ");
  const open = (text.match(/[“«]/g) ?? []).length - (text.match(/[”»]/g) ?? []).length;
  if (open > 0) {
    const at = Math.max(text.lastIndexOf("“"), text.lastIndexOf("«"));
    const before = text.slice(0, at).trim();
    if (wordCount(before) >= 6) cut = before.split(/\s+/);
  }
  return `${cut.join(" ").replace(/[\s,;:—–-]+$/u, "")}…`;
}

/** A headline: a heading block, or a short line without closing punctuation (a lead paragraph that merely lacks
 * its period is longer). */
function isHeadline(it: Item): boolean {
  if (it.kind === "heading") return it.words >= 1;
  if (it.kind === "list-item" || it.kind === "quote" || startsWithQuote(it.text)) return false;
  return it.words >= 3 && it.text.length <= 160 && isHeadlineShaped(it.text, LINE_HEADLINE_MAX_WORDS);
}

/** Sets meta.title and removes the headline from the body. */
export function chooseTitle(st: State): void {
  const kept = keptIndexes(st);
  const given = st.ctx.title ? normalizeSpace(st.ctx.title) : "";
  if (given) {
    const key = normalizedKey(given);
    for (const i of kept.slice(0, 2)) {
      const it = st.items[i];
      if (!it) continue;
      const k = normalizedKey(it.text);
      if (k === key || (key.startsWith(k) && k.length >= 12 && isHeadline(it))) {
        it.removed = "title";
        break;
      }
      if (k.startsWith(key) && key.length >= 12) {
        setText(it, cutAfterKey(it.text, key.length).replace(/^[\s.:|—–-]+/u, ""));
        break;
      }
    }
    st.meta.title = given;
    return;
  }
  const first = kept[0] === undefined ? undefined : st.items[kept[0]];
  if (!first) return;
  if (!endsLikeSentence(firstSentence(first.text)) || first.original.text.includes("\n")) {
    const glued = splitGluedHeadline(first);
    if (glued) {
      st.meta.title = glued[0];
      setText(first, glued[1]);
      return;
    }
  }
  if (isHeadline(first)) {
    st.meta.title = first.text;
    first.removed = "title";
    return;
  }
  const source = kept.map((i) => st.items[i]).find((it) => it && it.words >= 8) ?? first;
  st.meta.title = shortenToTitle(firstSentence(source.text));
}
