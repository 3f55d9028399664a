/**
 * Direct quotations: each quotation (chain) is tied to a cue after it ("“...,” Ruiz said"), before it ("Ruiz
 * said: “...”", see before-quote.ts), in a lead-in paragraph ending with a colon, or to the quotation it
 * continues (continuation.ts).
 */

import { leadIn, pre } from "./before-quote.js";
import { onlyAdverbialsAfter } from "./content.js";
import { followOn } from "./continuation.js";
import { addDraft, type Ctx, cueKey, cueSpan, type Draft, draftFor } from "./draft.js";
import { CUE_FORMS, DETERMINERS, INVERTIBLE, POSSESSIVE_PRONOUNS, SUBJECT_PRONOUNS } from "./lexicon.js";
import { npStartingAt, type Span } from "./noun-phrase.js";
import type { QuoteSeg } from "./quote-marks.js";
import type { SpeakerKind } from "./speaker.js";
import { skipBackAdverbs } from "./subject.js";
import type { Item, Unit } from "./units.js";

/** Speaker and cue after the quotation's last segment: "“...,” Ruiz said", "“...,” said Ruiz, a teacher". */
function post(ctx: Ctx, head: QuoteSeg): Draft | undefined {
  const start = ctx.segPos.get(head);
  const before = start ? ctx.units[start.unit]?.items[start.index - 1] : undefined;
  // A quotation inside a phrase of the narration ("on Fox News’s “Sunday Futures,” Ode said ...", "the TV show
  // “Shark Tank,” she said") is a title, not the words the following cue reports. Standalone quotations follow
  // a sentence start, punctuation, a conjunction, "that" or a speech verb.
  if (
    before &&
    before.kind === "word" &&
    !/^(and|but|or|that|then)$/.test(before.lower) &&
    !CUE_FORMS.has(before.lower)
  ) {
    return undefined;
  }
  const last = head.chain.segs.at(-1) as QuoteSeg;
  const pos = ctx.segPos.get(last);
  if (!pos) return undefined;
  const unit = ctx.units[pos.unit] as Unit;
  const items = unit.items;
  let r = pos.index + 1;
  while (r < items.length && /^[,—–-]$/.test(items[r]?.text ?? "")) r++;
  const inner = ctx.text.slice(last.innerStart, last.innerEnd);
  if (r >= items.length) {
    // The sentence splitter ends a sentence after “...?” or “...!”; the attribution is in the next "sentence".
    const next = ctx.units[unit.index + 1];
    if (/[?!][’'‘"]*$/.test(inner) && next && next.block === unit.block && next.items[0]?.kind === "word") {
      return postIn(ctx, next, head, 0);
    }
    return nextSentence(ctx, unit, head);
  }
  // Without a comma, only a quotation that ends in punctuation ("“Why?” she asked") is followed by its cue.
  const ownPunct = /[,.!?…—–-][’'‘"]*$/.test(inner);
  if (r === pos.index + 1 && !ownPunct && items[r]?.text !== "according") return undefined;
  return postIn(ctx, unit, head, r);
}

/** The cue and speaker that start at item `r` of `unit`, right after the quotation. */
function postIn(ctx: Ctx, unit: Unit, head: QuoteSeg, r: number): Draft | undefined {
  const items = unit.items;
  const cue = (ctx.cues[unit.index] ?? []).find((c) => c.i >= r && c.i <= r + 40);
  if (!cue || items.slice(r, cue.i).some((t) => t.kind === "quote")) return undefined;
  if (cue.i === r) {
    // Right after a quotation any verb of saying may come first: "“...,” stated Ana Ruiz".
    if (cue.cls === "object" || cue.form === "ing") return undefined;
    const np = npStartingAt(items, cue.end + 1);
    if (!np) return undefined;
    ctx.usedCues.add(cueKey(unit.index, cue.i));
    return draftFor(ctx, unit, head, np, cue.cls === "according" ? "according" : "inverted", cueSpan(cue));
  }
  if (cue.cls === "according" || (cue.form === "ing" && !cue.progressive)) return undefined;
  const np = npStartingAt(items, r, cue.i - 1);
  const first = items[r] as Item;
  const opensPhrase =
    first.cap ||
    first.poss ||
    SUBJECT_PRONOUNS.has(first.lower) ||
    DETERMINERS.has(first.lower) ||
    POSSESSIVE_PRONOUNS.has(first.lower);
  // A lower-case description before a name also opens the phrase: "union leader Ana Ruiz said".
  const describedName =
    np !== undefined && np.to - r <= 5 && (items[np.to] as Item | undefined)?.cap === true;
  if (!np || (!opensPhrase && !describedName && first.lower !== "one" && !/^\p{N}/u.test(first.text)))
    return undefined;
  const adjacent = skipBackAdverbs(items, cue.i, r) === np.to;
  const aside = items[np.to + 1]?.text === "," || items[np.to + 1]?.text === "(";
  if (!adjacent && !aside) return undefined;
  ctx.usedCues.add(cueKey(unit.index, cue.i));
  return draftFor(ctx, unit, head, np, "subject", cueSpan(cue));
}

/** "“We waited.” Ruiz said." — the attribution is the whole next sentence of the paragraph. */
function nextSentence(ctx: Ctx, unit: Unit, head: QuoteSeg): Draft | undefined {
  const next = ctx.units[unit.index + 1];
  if (!next || next.block !== unit.block || next.items.some((t) => t.kind === "quote")) return undefined;
  const cue = ctx.cues[next.index]?.[0];
  if (!cue || cue.cls === "object") return undefined;
  const hi = next.items.length - 1;
  let np: Span | undefined;
  let kind: SpeakerKind = "subject";
  if (cue.i === 0 && INVERTIBLE.has(cue.lemma)) {
    np = npStartingAt(next.items, cue.end + 1);
    kind = "inverted";
  } else {
    np = npStartingAt(next.items, 0, cue.i - 1);
    if (np && skipBackAdverbs(next.items, cue.i, 0) !== np.to) np = undefined;
  }
  if (!np || !onlyAdverbialsAfter(next.items, Math.max(np.to, cue.end) + 1, hi)) return undefined;
  ctx.usedCues.add(cueKey(next.index, cue.i));
  return draftFor(ctx, next, head, np, kind, cueSpan(cue));
}

/** Ties quotations to cues around them (first pass, before reported speech). */
export function attributeQuotes(ctx: Ctx): void {
  eachQuote(
    ctx,
    (unit, qi, seg) => post(ctx, seg) ?? pre(ctx, unit, qi, seg) ?? followOn(ctx, unit, qi, seg),
  );
}

/** Quotations after a lead-in paragraph, and their continuations (after reported speech, whose subjects they share). */
export function attributeLeadIns(ctx: Ctx): void {
  eachQuote(ctx, (unit, qi, seg) => leadIn(ctx, unit, qi, seg) ?? followOn(ctx, unit, qi, seg));
}

function eachQuote(ctx: Ctx, find: (unit: Unit, qi: number, seg: QuoteSeg) => Draft | undefined): void {
  for (const unit of ctx.units) {
    const items = unit.items;
    for (let qi = 0; qi < items.length; qi++) {
      const seg = items[qi]?.seg;
      if (!seg || seg !== seg.chain.segs[0] || ctx.byChain.has(seg)) continue;
      const d = find(unit, qi, seg);
      if (!d) continue;
      addDraft(ctx, d);
      ctx.byChain.set(seg, d);
    }
  }
}
