/** Quotations that continue an attributed one: split quotes and the next sentences or paragraphs of a quote. */

import { type Ctx, chainContent, type Draft } from "./draft.js";
import type { QuoteSeg } from "./quote-marks.js";
import type { Unit } from "./units.js";

/** A quotation that continues an attributed one: a split quote, or the next sentence of the same paragraph. */
export function followOn(ctx: Ctx, unit: Unit, qi: number, head: QuoteSeg): Draft | undefined {
  const items = unit.items;
  let pq = qi - 1;
  while (pq >= 0 && items[pq]?.kind !== "quote") pq--;
  const c = chainContent(ctx.text, head);
  const base = {
    unit: unit.index,
    contentStart: c.start,
    contentEnd: c.end,
    direct: true as const,
    chainHead: head,
  };
  const prevSeg = items[pq]?.seg;
  if (prevSeg) {
    const d = ctx.byChain.get(prevSeg.chain.segs[0] as QuoteSeg);
    if (!d) return undefined;
    const lo = d.speaker ? Math.min(d.speaker.start, d.cueStart) : 0;
    const hi = d.speaker ? Math.max(d.speaker.end, d.cueEnd) : 0;
    const between = items.slice(pq + 1, qi);
    const joined = between.every(
      (t) => t.kind === "punct" || /^(and|or|but)$/.test(t.lower) || (t.start >= lo && t.end <= hi),
    );
    return joined ? { ...d, ...base } : undefined;
  }
  if (qi !== 0) return undefined;
  const prevUnit = ctx.units[unit.index - 1];
  if (!prevUnit || prevUnit.block < unit.block - 1) return undefined;
  // The last attribution before this quotation, if it was a quotation in this or the previous paragraph.
  let d: Draft | undefined;
  for (let u = Math.max(0, prevUnit.index - 1); u <= unit.index; u++) {
    for (const x of ctx.unitDrafts[u] ?? []) {
      if (
        x.contentEnd <= unit.start &&
        x.contentStart >= prevUnit.start &&
        (!d || x.contentStart > d.contentStart)
      )
        d = x;
    }
  }
  if (!d?.direct) return undefined;
  if (prevUnit.block !== unit.block && !endsWithQuote(prevUnit, d)) return undefined;
  const root = d.inherit ?? d;
  return {
    ...base,
    kind: "implicit",
    inherit: root,
    cueStart: root.cueStart,
    cueEnd: root.cueEnd,
    cls: root.cls,
  };
}

/** The paragraph of `unit` ends with the quotation of `d` (give or take the attribution after it). */
function endsWithQuote(unit: Unit, d: Draft): boolean {
  const items = unit.items;
  let q = items.length - 1;
  while (q >= 0 && items[q]?.kind !== "quote") q--;
  if (q < 0 || items[q]?.seg?.chain !== d.chainHead?.chain) return false;
  const trailing = items.slice(q + 1).filter((t) => t.kind === "word").length;
  return trailing <= 12;
}
