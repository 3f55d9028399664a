/** Paragraph blocks of an article, with headlines, boilerplate and the title marked to be skipped. */

export interface Block {
  index: number;
  start: number;
  end: number;
  /** Headline, subhead, the given title, or web boilerplate: never a source of attributions. */
  skip: boolean;
}

const TERMINAL = new Set([".", "!", "?", "…", ":", ";"]);
const CLOSERS = new Set([" ", "\t", "\u00a0", '"', "”", "’", "'", "»", ")", "]", "*", "_"]);
const BOILERPLATE =
  /\b(subscribe|subscription|newsletter|sign up|sign in|log in|password|cookies?|advertisement|all rights reserved|affiliate|read more|click here|follow us|share this|terms of service|privacy policy|automated voice|report any issues|recommended videos?)\b|©/i;

function wordCount(s: string): number {
  return s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** True when a line ends like a sentence (or a lead-in with a colon), closing quotes aside. */
function endsLikeSentence(line: string): boolean {
  let i = line.length - 1;
  while (i >= 0 && CLOSERS.has(line[i] as string)) i--;
  return i >= 0 && TERMINAL.has(line[i] as string);
}

const normalize = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

interface Line {
  start: number;
  end: number;
  text: string;
  blankBefore: boolean;
}

function lines(text: string): Line[] {
  const out: Line[] = [];
  const re = /[^\n]*(?:\n|$)/g;
  let blank = true;
  for (let m = re.exec(text); m && m[0] !== ""; m = re.exec(text)) {
    const raw = m[0].replace(/\r?\n$/, "");
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (body === "") {
      blank = true;
      continue;
    }
    const start = m.index + lead;
    out.push({ start, end: start + body.length, text: body, blankBefore: blank });
    blank = false;
  }
  return out;
}

/**
 * Blocks are lines; a line that stops mid-sentence and is followed, without a blank line, by a line in lower case
 * (a hard-wrapped paragraph) is joined with it.
 */
export function splitBlocks(text: string, title?: string): Block[] {
  const ls = lines(text);
  const titleKey = title ? normalize(title) : "";
  const blocks: Block[] = [];
  let i = 0;
  while (i < ls.length) {
    const first = ls[i] as Line;
    let last = first;
    while (i + 1 < ls.length) {
      const next = ls[i + 1] as Line;
      const wrapped =
        !endsLikeSentence(last.text) && last.text.length >= 50 && /^[\p{Ll}\p{N}(]/u.test(next.text);
      if (next.blankBefore || !wrapped) break;
      last = next;
      i++;
    }
    i++;
    const body = text.slice(first.start, last.end);
    const words = wordCount(body);
    const headline = !endsLikeSentence(body) && words <= 25;
    const junk = BOILERPLATE.test(body) && words < 60;
    const isTitle = titleKey !== "" && normalize(body) === titleKey;
    blocks.push({
      index: blocks.length,
      start: first.start,
      end: last.end,
      skip: headline || junk || isTitle,
    });
  }
  return blocks;
}
