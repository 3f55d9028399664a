/** Turns a document into summary candidates: sentences trimmed of headings, list markers and datelines, with features. */
import { type Sentence, splitSentences } from "../sentences.js";
import { judgeSentence, type SentenceShape } from "./sentence-shape.js";
import { STOPWORDS } from "./stopwords.js";
import { contentTerms } from "./tokenize.js";

export interface Candidate {
  docIndex: number;
  /** Sentence index in the document, as `splitSentences` numbers them. */
  index: number;
  /** Last sentence index covered: above `index` when a quotation split across sentences was joined back. */
  lastIndex: number;
  /** Position among the document's prose sentences (headings and labels not counted), 0 = lead. */
  position: number;
  paragraph: number;
  /** Display text: the source span with white space collapsed. */
  text: string;
  /** Offsets of the span in the document text. */
  start: number;
  end: number;
  shape: SentenceShape;
  terms: string[];
  /** Proper names and numbers per word, 0–1. */
  entityRate: number;
}

const BULLET = /^(?:[-*•·▪–—]|\d{1,2}[.)])\s+/u;
/** "LENHAVEN, Norvania, March 3 (Wire) - ", "WASHINGTON (Reuters) — ", "(CNN) -- ": the place is in capitals. */
const DATELINE =
  /^(?:\(CNN\)\s*(?:--|—|–)?\s*|[\p{Lu}][\p{Lu}.'’ -]{1,30}(?:,\s*[\p{L}\p{N} .]{2,25}){0,2}(?:\s*\([^)]{2,30}\))?\s+(?:--|[-—–])\s+)/u;
/** Newsletter-style labels ("Why it matters: …") that head a sentence but are not part of it. */
const LABEL =
  /^(?:scroll down for video\s+|(?:why it matters|what(?:'|’)s (?:happening|next|new)|the big picture|big picture|driving the news|the details|details|between the lines|the bottom line|bottom line|yes, but|state of play|catch up quick|zoom (?:in|out)|flashback|by the numbers|the latest|context|of note|the backstory|background|reality check|the intrigue|what to watch|update|updated|breaking|exclusive|analysis):\s+)/iu;
const LINE_END = /[.!?…]["'”’»)\]]*$/u;

/** How many leading characters of a sentence are layout rather than prose. */
function layoutPrefix(text: string): number {
  let cut = 0;
  // A heading or label line glued to the sentence by a single newline.
  for (;;) {
    const nl = text.indexOf("\n", cut);
    if (nl < 0) break;
    const line = text.slice(cut, nl).trim();
    const words = line.split(/\s+/);
    if (LINE_END.test(line) || words.length > 15) break;
    let next = nl + 1;
    while (next < text.length && /\s/.test(text[next] as string)) next++;
    // Hard-wrapped prose goes on in lower case or after a function word ("led by\nKorvin"); a heading does not.
    const lastWord = (words[words.length - 1] ?? "").toLowerCase().replace(/[^\p{L}]/gu, "");
    if (!/^[\p{Lu}\p{N}"“‘'«(]/u.test(text[next] ?? "") || STOPWORDS.has(lastWord) || /[,;]$/.test(line))
      break;
    cut = next;
  }
  const bullet = BULLET.exec(text.slice(cut));
  if (bullet) cut += bullet[0].length;
  const label = LABEL.exec(text.slice(cut));
  if (label) cut += label[0].length;
  const dateline = DATELINE.exec(text.slice(cut));
  const place = dateline?.[0].split(/[,(]/)[0] ?? "";
  const isPlace = /\p{Lu}{2}/u.test(place) && !/\p{Ll}/u.test(place);
  if (dateline && (isPlace || dateline[0].startsWith("(CNN)"))) cut += dateline[0].length;
  return cut;
}

const UPPER = /^\p{Lu}/u;
const DIGIT = /\d/;

/** Capitalized words after the first, and numbers, per word. */
function entityRate(text: string, words: number): number {
  if (words === 0) return 0;
  let hits = 0;
  let first = true;
  for (const raw of text.split(" ")) {
    let k = 0;
    while (k < raw.length && "\"“‘'«(".includes(raw[k] as string)) k++;
    const tok = k > 0 ? raw.slice(k) : raw;
    if (DIGIT.test(tok)) hits++;
    else if (!first && UPPER.test(tok)) hits++;
    first = false;
  }
  return Math.min(1, hits / words);
}

/** Open quotation marks left after `text`: straight double quotes by parity, curly ones by depth. */
function quoteState(text: string, state: { straight: number; curly: number }): void {
  for (const ch of text) {
    if (ch === '"') state.straight ^= 1;
    else if (ch === "“") state.curly++;
    else if (ch === "”") state.curly = Math.max(0, state.curly - 1);
  }
}

/**
 * Groups of consecutive sentences to treat as one: a quotation in straight quotes that the splitter cut at its inner
 * full stops ("We waited. We will not wait again," she said.) is joined back when it closes within its paragraph.
 */
function quotationGroups(sents: readonly Sentence[]): Array<[number, number]> {
  const groups: Array<[number, number]> = [];
  for (let i = 0; i < sents.length; i++) {
    const state = { straight: 0, curly: 0 };
    quoteState((sents[i] as Sentence).text, state);
    let j = i;
    while ((state.straight || state.curly) && j + 1 < sents.length && j - i < 4) {
      const next = sents[j + 1] as Sentence;
      if (next.paragraph !== (sents[i] as Sentence).paragraph) break;
      quoteState(next.text, state);
      j++;
    }
    if (j > i && !state.straight && !state.curly) {
      groups.push([i, j]);
      i = j;
    } else groups.push([i, i]);
  }
  return groups;
}

export function prepareDocument(text: string, docIndex: number): Candidate[] {
  const out: Candidate[] = [];
  const sents = splitSentences(text);
  let position = 0;
  for (const [index, lastIndex] of quotationGroups(sents)) {
    const s = sents[index] as Sentence;
    const end = (sents[lastIndex] as Sentence).end;
    const cut = layoutPrefix(s.text);
    const start = s.start + cut;
    const display = text.slice(start, end).replace(/\s+/g, " ").trim();
    const shape = judgeSentence(display);
    out.push({
      docIndex,
      index,
      lastIndex,
      position,
      paragraph: s.paragraph,
      text: display,
      start,
      end,
      shape,
      terms: contentTerms(display),
      entityRate: entityRate(display, shape.words),
    });
    if (shape.reason !== "no-terminal-punctuation" || shape.words > 15) position++;
  }
  return out;
}
