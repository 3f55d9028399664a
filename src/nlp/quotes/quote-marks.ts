/**
 * Quotations: pairs of quotation marks inside a paragraph (curly, straight or mixed). A paragraph that opens a
 * quotation without closing it continues into the next paragraph when that one opens with a quotation mark, as
 * news style has it; the pieces form one chain.
 */

import type { Block } from "./layout.js";

export interface QuoteChain {
  segs: QuoteSeg[];
}

export interface QuoteSeg {
  /** Offset of the opening mark. */
  open: number;
  /** The quoted words, without the marks and surrounding spaces. */
  innerStart: number;
  innerEnd: number;
  /** Offset right after the closing mark (or the end of the paragraph for an unclosed quotation). */
  end: number;
  closed: boolean;
  block: number;
  chain: QuoteChain;
}

const OPENING = new Set(["“", "«", "„"]);
const CLOSING = new Set(["”", "»"]);

/** Width of the quotation mark at `p`: 2 for a doubled apostrophe (''), the newspaper-archive style. */
const markWidth = (text: string, p: number) => (text[p] === "'" ? 2 : 1);

function makeSeg(
  text: string,
  open: number,
  close: number,
  closed: boolean,
  block: number,
): QuoteSeg | undefined {
  let a = open + markWidth(text, open);
  let b = close;
  while (a < b && /\s/.test(text[a] as string)) a++;
  while (b > a && /\s/.test(text[b - 1] as string)) b--;
  if (b <= a) return undefined;
  const seg: QuoteSeg = {
    open,
    innerStart: a,
    innerEnd: b,
    end: closed ? close + markWidth(text, close) : close,
    closed,
    block,
    chain: { segs: [] },
  };
  seg.chain.segs.push(seg);
  return seg;
}

function blockQuotes(text: string, block: Block): QuoteSeg[] {
  const out: QuoteSeg[] = [];
  let open = -1;
  let nested = 0; // curly quotes inside a straight-quoted passage: "... “Equal Justice” ..."
  const push = (s: QuoteSeg | undefined) => {
    if (s) out.push(s);
  };
  for (let i = block.start; i < block.end; i++) {
    const p = i;
    let c = text[p] as string;
    const doubled = c === "'" && text[p + 1] === "'" && text[p + 2] !== "'";
    if (doubled) {
      c = '"';
      i++;
    } else if (c !== '"' && !OPENING.has(c) && !CLOSING.has(c)) continue;
    const before = p > block.start ? (text[p - 1] as string) : " ";
    const after = i + 1 < block.end ? (text[i + 1] as string) : " ";
    if (open < 0) {
      // An opening mark is followed by a word; a straight or closing mark in front of a space is a stray.
      const opens = OPENING.has(c) || (!/\s/.test(after) && (c === '"' || /[\s([{—–-]/.test(before)));
      if (opens) open = p;
      nested = 0;
      continue;
    }
    const straightOpen = text[open] === '"' || text[open] === "'";
    if (straightOpen && c !== '"') {
      if (OPENING.has(c)) {
        nested++;
        continue;
      }
      if (nested > 0) {
        nested--;
        continue;
      }
      // otherwise a curly closing mark closes the straight-opened quotation
    }
    if (!straightOpen && OPENING.has(c) && /[\s([{—–-]/.test(before) && !/\s/.test(after)) {
      push(makeSeg(text, open, p, false, block.index)); // unbalanced: a new quotation starts here
      open = p;
      continue;
    }
    push(makeSeg(text, open, p, true, block.index));
    open = -1;
  }
  if (open >= 0) push(makeSeg(text, open, block.end, false, block.index));
  return out;
}

/** All quotation segments, in text order, with paragraph continuations chained. */
export function findQuotes(text: string, blocks: Block[]): QuoteSeg[] {
  const all: QuoteSeg[] = [];
  let prevOpen: QuoteSeg | undefined;
  for (const block of blocks) {
    if (block.skip) {
      prevOpen = undefined;
      continue;
    }
    const segs = blockQuotes(text, block);
    const first = segs[0];
    if (prevOpen && first && first.open === block.start) {
      prevOpen.chain.segs.push(first);
      first.chain = prevOpen.chain;
    }
    const last = segs.at(-1);
    prevOpen = last && !last.closed && last.end === block.end ? last : undefined;
    all.push(...segs);
  }
  return all;
}
