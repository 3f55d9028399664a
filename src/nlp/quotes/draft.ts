/** Working state of one extraction: units, their cues, and the attributions found so far (as offsets). */

import type { Cue } from "./cues.js";
import type { CueClass } from "./lexicon.js";
import type { Span } from "./noun-phrase.js";
import type { QuoteSeg } from "./quote-marks.js";
import type { SpeakerKind } from "./speaker.js";
import type { Item, Unit } from "./units.js";

export interface Draft {
  unit: number;
  /** Offsets of the speaker mention; undefined when the speaker is implicit (see `inherit`). */
  speaker?: { start: number; end: number };
  /** Item span of the speaker in its unit, for a later participle that shares it. */
  speakerItems?: Span;
  /**
   * For "X said Y “insisted ...”": X, the grammatical subject that a following ", adding ..." shares, and the
   * position of X's cue.
   */
  outer?: { speakerItems: Span; cueStart: number };
  kind: SpeakerKind | "implicit";
  /** The attribution an implicit one continues ("“...,” she said. “...”"). */
  inherit?: Draft;
  cueStart: number;
  cueEnd: number;
  contentStart: number;
  contentEnd: number;
  direct: boolean;
  /** Class of the cue verb: an object-class cue ("rejected the aid") reports an act more than words. */
  cls: CueClass | "according";
  /** The quotation chain whose words this is, for direct quotes. */
  chainHead?: QuoteSeg;
}

export interface Ctx {
  text: string;
  units: Unit[];
  cues: Cue[][];
  /** Where each quotation segment sits: unit and item index. */
  segPos: Map<QuoteSeg, { unit: number; index: number }>;
  drafts: Draft[];
  /** The drafts of each unit (by `Draft.unit`). */
  unitDrafts: Draft[][];
  /** Cues already used for a quotation, as "unit:item". */
  usedCues: Set<string>;
  /** Attribution of each quotation chain, by its first segment. */
  byChain: Map<QuoteSeg, Draft>;
}

/** Where a draft sits among a unit's cues: its own cue, or for a nested quote the cue of the outer sentence. */
const anchor = (d: Draft) => d.outer?.cueStart ?? d.cueStart;

/** Speaker of the unit's last attribution before offset `pos`, as the subject a participle or "and" shares. */
export function previousSpeaker(ctx: Ctx, unit: number, pos: number): Span | undefined {
  let best: Draft | undefined;
  for (const d of ctx.unitDrafts[unit] ?? []) {
    if (anchor(d) >= pos) continue;
    if (!best || anchor(d) > anchor(best)) best = d;
  }
  return best?.outer?.speakerItems ?? best?.speakerItems;
}

export function addDraft(ctx: Ctx, d: Draft): void {
  ctx.drafts.push(d);
  const list = ctx.unitDrafts[d.unit];
  if (list) list.push(d);
  else ctx.unitDrafts[d.unit] = [d];
}

export const cueKey = (unit: number, i: number) => `${unit}:${i}`;

/** Offsets [start, end) of an item span. */
export function offsets(items: Item[], span: Span): { start: number; end: number } {
  return { start: (items[span.from] as Item).start, end: (items[span.to] as Item).end };
}

/** Content offsets of a quotation chain: from the first segment's words to the last's, without a trailing comma. */
export function chainContent(text: string, head: QuoteSeg): { start: number; end: number } {
  const segs = head.chain.segs;
  const start = head.innerStart;
  let end = (segs.at(-1) as QuoteSeg).innerEnd;
  while (end > start && /[\s,]/.test(text[end - 1] as string)) end--;
  return { start, end };
}

/** Content offsets of an item span, trimming spaces and trailing commas. */
export function spanContent(text: string, items: Item[], span: Span): { start: number; end: number } {
  const { start, end } = offsets(items, span);
  let e = end;
  while (e > start && /[\s,;:]/.test(text[e - 1] as string)) e--;
  return { start, end: e };
}

/** Number of words in text[start, end). */
export function wordsIn(text: string, start: number, end: number): number {
  const m = text.slice(start, end).match(/[\p{L}\p{N}]+/gu);
  return m ? m.length : 0;
}

/** A direct-quote draft for the chain `head`, with speaker and cue given as item spans of `unit`. */
export function draftFor(
  ctx: Ctx,
  unit: Unit,
  head: QuoteSeg,
  speaker: Span,
  kind: SpeakerKind,
  cue: Span,
  cls: Draft["cls"] = "say",
): Draft {
  const c = chainContent(ctx.text, head);
  const sp = offsets(unit.items, speaker);
  const cu = offsets(unit.items, cue);
  return {
    unit: unit.index,
    speaker: sp,
    speakerItems: speaker,
    kind,
    cueStart: cu.start,
    cueEnd: cu.end,
    contentStart: c.start,
    contentEnd: c.end,
    direct: true,
    chainHead: head,
    cls,
  };
}

export const cueSpan = (c: Cue): Span => ({ from: c.i, to: c.end });
