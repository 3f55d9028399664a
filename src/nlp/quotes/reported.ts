/**
 * Reported speech: every cue not already used for a quotation, with its speaker and the clause it reports
 * ("Ruiz said [that] ...", "..., Ruiz said.", "according to Ruiz, ...", "..., according to Ruiz.").
 */

import { type ContentSpan, clauseEnd, contentAfter, onlyAdverbialsAfter } from "./content.js";
import type { Cue } from "./cues.js";
import {
  addDraft,
  type Ctx,
  chainContent,
  cueKey,
  type Draft,
  offsets,
  previousSpeaker,
  spanContent,
  wordsIn,
} from "./draft.js";
import { PREPOSITIONS } from "./lexicon.js";
import { nestedQuoteCue } from "./nested.js";
import type { Span } from "./noun-phrase.js";
import type { QuoteSeg } from "./quote-marks.js";
import { type SpeakerSpan, speakerFor } from "./speaker.js";
import type { Item, Unit } from "./units.js";

/** First item index at or after offset `pos`. */
function itemAt(items: Item[], pos: number): number {
  let i = 0;
  while (i < items.length && (items[i] as Item).start < pos) i++;
  return i;
}

function contentFor(
  items: Item[],
  cue: Cue,
  sp: SpeakerSpan,
  lo: number,
): { span: ContentSpan; before: boolean } | undefined {
  const hi = items.length - 1;
  const before = (to: number): { span: ContentSpan; before: boolean } | undefined => {
    let from = lo;
    while (from <= to && items[from]?.kind === "punct") from++;
    const leadIn = items[hi]?.text === ":" && Math.max(cue.end, sp.to) + 1 >= hi; // "In an interview, he said:"
    if (to < from || leadIn) return undefined;
    // An introductory phrase alone ("In an interview, she said ...") is not what was said.
    const first = items[from] as Item;
    if (PREPOSITIONS.has(first.lower) && !items.slice(from, to + 1).some((t) => t.text === ","))
      return undefined;
    return { span: { from, to, marked: false }, before: true };
  };
  if (cue.cls === "according") {
    const atStart = cue.i <= lo || items[cue.i - 1]?.text !== ",";
    if (atStart && items[sp.to + 1]?.text === ",") {
      const from = sp.to + 2;
      const to = clauseEnd(items, from, hi);
      if (to < from) return undefined;
      const q = items[from];
      const quote = q?.seg && to === from ? q : undefined;
      return { span: quote ? { from, to, marked: true, quote } : { from, to, marked: true }, before: false };
    }
    return items[cue.i - 1]?.text === "," ? before(cue.i - 2) : undefined;
  }
  const sayLike = cue.cls === "say" || cue.cls === "clause";
  if (sp.kind === "inverted") {
    if (!sayLike) return undefined;
    return items[cue.i - 1]?.text === "," && onlyAdverbialsAfter(items, sp.to + 1, hi)
      ? before(cue.i - 2)
      : undefined;
  }
  if (sp.kind === "subject" && items[sp.from - 1]?.text === "," && sp.from - 1 > lo) {
    if (sayLike && onlyAdverbialsAfter(items, cue.end + 1, hi)) return before(sp.from - 2);
  }
  const span = contentAfter(items, cue, cue.end + 1, hi);
  return span ? { span, before: false } : undefined;
}

function quoteIndexIn(items: Item[], span: Span): number {
  for (let k = span.from; k <= span.to; k++) if (items[k]?.seg) return k;
  return -1;
}

function reportedInUnit(ctx: Ctx, unit: Unit): void {
  const items = unit.items;
  for (const cue of ctx.cues[unit.index] ?? []) {
    const used = ctx.usedCues.has(cueKey(unit.index, cue.i));
    const cueOff = offsets(items, { from: cue.i, to: cue.end });
    const earlier = (ctx.unitDrafts[unit.index] ?? []).filter(
      (d) => (d.outer?.cueStart ?? d.cueStart) < cueOff.start,
    );
    const previous = previousSpeaker(ctx, unit.index, cueOff.start);
    const sp = speakerFor(items, cue, 0, items.length - 1, previous);
    if (!sp) continue;
    // Content before the cue starts after whatever earlier attributions in this unit took.
    const taken =
      cue.cls === "according"
        ? unit.start
        : Math.max(unit.start, ...earlier.map((d) => Math.max(d.contentEnd, d.cueEnd, d.speaker?.end ?? 0)));
    const found = contentFor(items, cue, sp, itemAt(items, taken));
    if (!found) continue;
    const { span, before } = found;
    // A cue already used for a quotation may report a that-clause too ("“...,” she said, and that ...").
    if (used && (before || items[span.from - 1]?.lower !== "that" || span.quote)) continue;
    const qi = quoteIndexIn(items, span);
    const nested = qi >= 0 ? nestedQuoteCue(ctx.text, items, span.from, qi) : undefined;
    const seg = qi >= 0 ? (items[qi]?.seg as QuoteSeg) : undefined;
    if (nested && seg && !ctx.byChain.has(seg.chain.segs[0] as QuoteSeg)) {
      const head = seg.chain.segs[0] as QuoteSeg;
      const c = chainContent(ctx.text, head);
      const d: Draft = {
        unit: unit.index,
        speaker: offsets(items, nested.speaker),
        speakerItems: nested.speaker,
        kind: "subject",
        cueStart: nested.cueStart,
        cueEnd: nested.cueEnd,
        contentStart: c.start,
        contentEnd: c.end,
        direct: true,
        chainHead: head,
        cls: "say",
        outer: { speakerItems: sp, cueStart: cueOff.start },
      };
      addDraft(ctx, d);
      ctx.byChain.set(head, d);
      continue;
    }
    const quoteOnly = span.quote?.seg;
    if (quoteOnly && ctx.byChain.has(quoteOnly.chain.segs[0] as QuoteSeg)) continue;
    const content = quoteOnly
      ? chainContent(ctx.text, quoteOnly.chain.segs[0] as QuoteSeg)
      : spanContent(ctx.text, items, span);
    if (!quoteOnly && wordsIn(ctx.text, content.start, content.end) < 2) continue;
    const d: Draft = {
      unit: unit.index,
      speaker: offsets(items, sp),
      speakerItems: sp,
      kind: sp.kind,
      cueStart: cueOff.start,
      cueEnd: cueOff.end,
      contentStart: content.start,
      contentEnd: content.end,
      direct: quoteOnly !== undefined,
      cls: cue.cls,
    };
    if (quoteOnly) {
      d.chainHead = quoteOnly.chain.segs[0] as QuoteSeg;
      ctx.byChain.set(d.chainHead, d);
    }
    addDraft(ctx, d);
  }
}

export function attributeReported(ctx: Ctx): void {
  for (const unit of ctx.units) reportedInUnit(ctx, unit);
}
