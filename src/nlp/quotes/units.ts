/**
 * Units: sentences of one paragraph, merged so that no quotation crosses a unit boundary, as a list of items where
 * each quotation is a single item.
 */

import type { Token } from "../actors/tokens.js";
import { splitSentences } from "../sentences.js";
import type { Block } from "./layout.js";
import type { QuoteSeg } from "./quote-marks.js";

export interface Item extends Token {
  /** Set on the one item that stands for a whole quotation. */
  seg?: QuoteSeg;
}

export interface Unit {
  index: number;
  block: number;
  start: number;
  end: number;
  items: Item[];
  /** First unit of its paragraph. */
  first: boolean;
}

function quoteItem(text: string, seg: QuoteSeg): Item {
  const s = text.slice(seg.open, seg.end);
  return {
    text: s,
    lower: s,
    base: s,
    start: seg.open,
    end: seg.end,
    kind: "quote",
    cap: false,
    poss: false,
    seg,
  };
}

/** First index in `tokens` whose start is at or after `pos`. */
function lowerBound(tokens: Token[], pos: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function itemsOf(text: string, tokens: Token[], start: number, end: number, segs: QuoteSeg[]): Item[] {
  const items: Item[] = [];
  let k = lowerBound(tokens, start);
  for (const seg of segs) {
    if (seg.open < start || seg.open >= end) continue;
    for (; k < tokens.length && (tokens[k] as Token).start < seg.open; k++) items.push(tokens[k] as Token);
    items.push(quoteItem(text, seg));
    while (k < tokens.length && (tokens[k] as Token).start < seg.end) k++;
  }
  for (; k < tokens.length && (tokens[k] as Token).end <= end; k++) items.push(tokens[k] as Token);
  return items;
}

/** Units of the non-skipped blocks; `tokens` are the tokens of the whole text. */
export function buildUnits(text: string, tokens: Token[], blocks: Block[], segs: QuoteSeg[]): Unit[] {
  const units: Unit[] = [];
  let si = 0;
  for (const block of blocks) {
    while (si < segs.length && (segs[si] as QuoteSeg).open < block.start) si++;
    if (block.skip) continue;
    const blockSegs: QuoteSeg[] = [];
    for (let k = si; k < segs.length && (segs[k] as QuoteSeg).open < block.end; k++)
      blockSegs.push(segs[k] as QuoteSeg);
    const sentences = splitSentences(text.slice(block.start, block.end));
    let k = 0;
    let first = true;
    while (k < sentences.length) {
      const s0 = sentences[k] as { start: number; end: number };
      const start = block.start + s0.start;
      let end = block.start + s0.end;
      k++;
      // Extend over sentences a quotation runs into (straight quotes are not tracked by the sentence splitter).
      for (;;) {
        const crossing = blockSegs.some((q) => q.open >= start && q.open < end && q.end > end);
        if (!crossing || k >= sentences.length) break;
        end = block.start + (sentences[k] as { end: number }).end;
        k++;
      }
      end = Math.max(end, ...blockSegs.filter((q) => q.open >= start && q.open < end).map((q) => q.end));
      while (k < sentences.length && block.start + (sentences[k] as { start: number }).start < end) {
        end = Math.max(end, block.start + (sentences[k] as { end: number }).end);
        k++;
      }
      units.push({
        index: units.length,
        block: block.index,
        start,
        end,
        items: itemsOf(text, tokens, start, end, blockSegs),
        first,
      });
      first = false;
    }
  }
  return units;
}
