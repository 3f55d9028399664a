/**
 * Quotations introduced before they start: "Ruiz said: “...”", "called it “a start”", "Ruiz said Ode “insisted
 * ...”", "pollster Ana Ruiz: “...”", and a lead-in paragraph ending with a colon ("In an interview, he said:").
 */

import { ORG_MARKERS, ROLE_NOUNS } from "../actors/lexicon.js";
import { findNameMentions } from "../actors/mentions.js";
import { tokenize } from "../actors/tokens.js";
import { contentAfter } from "./content.js";
import { type Ctx, cueKey, cueSpan, type Draft, draftFor, previousSpeaker } from "./draft.js";
import { AUX, CUE_FORMS, SUBJECT_PRONOUNS } from "./lexicon.js";
import { nestedQuoteCue } from "./nested.js";
import { npEndingAt, npStartingAt, type Span } from "./noun-phrase.js";
import type { QuoteSeg } from "./quote-marks.js";
import { speakerFor } from "./speaker.js";
import { sentenceSubject } from "./subject.js";
import type { Item, Unit } from "./units.js";

/** A cue before the quotation in the same unit: "Ruiz said: “...”", "called it “a start”", "Ruiz said Ode “insisted ...”". */
export function pre(ctx: Ctx, unit: Unit, qi: number, head: QuoteSeg): Draft | undefined {
  const items = unit.items;
  let lo = qi - 1;
  while (lo >= 0 && items[lo]?.kind !== "quote") lo--;
  lo++;
  const cues = (ctx.cues[unit.index] ?? []).filter((c) => c.i >= lo && c.end < qi);
  const cue = cues.at(-1);
  if (!cue) return namedColon(ctx, unit, qi, head);
  const previous = previousSpeaker(ctx, unit.index, (items[cue.i] as Item).start);
  const content = contentAfter(items, cue, cue.end + 1, items.length - 1);
  const tail = items.slice(cue.end + 1, qi);
  const shortObject =
    (cue.cls === "object" || cue.lemma === "call") &&
    tail.length <= 5 &&
    !tail.some((t) => t.lower === "that" || t.text === "," || t.text === ".");
  // "responded pointedly, with a smile: “...”": adverbials between the cue and a colon.
  // "said on Twitter on Monday, in reference to her daughter, “...”" (say-like cues only).
  const tailWords = tail.filter((t) => t.kind === "word").length;
  const adverbialColon =
    (items[qi - 1]?.text === ":"
      ? tailWords <= 8
      : items[qi - 1]?.text === "," && cue.cls !== "object" && tailWords <= 20) &&
    !tail.some(
      (t) =>
        t.lower === "that" ||
        t.kind === "quote" ||
        AUX.has(t.lower) ||
        SUBJECT_PRONOUNS.has(t.lower) ||
        CUE_FORMS.has(t.lower),
    );
  const sp0 = speakerFor(items, cue, 0, items.length - 1, previous);
  // "Said Ana Ruiz, who grew up here, “...”": an inverted subject and its aside before the quotation.
  const invertedBefore = sp0?.kind === "inverted" && sp0.to < qi && /^[,:]$/.test(items[qi - 1]?.text ?? "");
  if (content?.quote === items[qi] || shortObject || adverbialColon || invertedBefore) {
    const sp = sp0;
    if (!sp) return undefined;
    ctx.usedCues.add(cueKey(unit.index, cue.i));
    return draftFor(ctx, unit, head, sp, sp.kind, cueSpan(cue));
  }
  const nested = nestedQuoteCue(ctx.text, items, cue.end + 1, qi);
  if (nested) {
    ctx.usedCues.add(cueKey(unit.index, cue.i));
    const d = draftFor(ctx, unit, head, nested.speaker, "subject", { from: qi, to: qi });
    d.cueStart = nested.cueStart;
    d.cueEnd = nested.cueEnd;
    const outer = speakerFor(items, cue, 0, items.length - 1, previous);
    if (outer) d.outer = { speakerItems: outer, cueStart: (items[cue.i] as Item).start };
    return d;
  }
  return undefined;
}

/** "... doesn’t surprise pollster Ana Ruiz: “...”" — a person's name, a colon, then the quotation. */
function namedColon(ctx: Ctx, unit: Unit, qi: number, head: QuoteSeg): Draft | undefined {
  const items = unit.items;
  if (items[qi - 1]?.text !== ":") return undefined;
  const np = npEndingAt(items, qi - 2);
  if (!np) return undefined;
  const phrase = ctx.text.slice((items[np.from] as Item).start, (items[np.to] as Item).end);
  const person = findNameMentions(phrase, tokenize(phrase)).some((m) => m.kind === "person");
  return person ? draftFor(ctx, unit, head, np, "subject", { from: qi - 1, to: qi - 1 }) : undefined;
}

/** A paragraph that is a quotation, after a lead-in ending with a colon: "In an interview, he said:". */
export function leadIn(ctx: Ctx, unit: Unit, qi: number, head: QuoteSeg): Draft | undefined {
  if (qi !== 0 || !unit.first) return undefined;
  const prev = ctx.units[unit.index - 1];
  if (!prev || prev.block !== unit.block - 1) return undefined;
  const items = prev.items;
  const colon = items.length - 1;
  if (items[colon]?.text !== ":") return undefined;
  const before = (ctx.cues[prev.index] ?? []).filter((c) => c.end < colon);
  const cue = before.filter((c) => c.cls !== "object").at(-1) ?? before.at(-1);
  if (cue) {
    const tail = items.slice(cue.end + 1, colon);
    if (tail.length > 16 || tail.some((t) => t.kind === "quote")) return undefined;
    const previous = previousSpeaker(ctx, prev.index, (items[cue.i] as Item).start);
    const sp = speakerFor(items, cue, 0, colon - 1, previous);
    if (!sp) return undefined;
    ctx.usedCues.add(cueKey(prev.index, cue.i));
    return draftFor(ctx, prev, head, sp, sp.kind, cueSpan(cue));
  }
  // No speech verb: the subject of the lead-in's last clause ("... — Cruz called them on it:"), or of the sentence.
  let b = colon - 1;
  while (b > 0 && !/^[,;—–]$/.test(items[b]?.text ?? "") && items[b]?.kind !== "quote") b--;
  const last = b > 0 ? npStartingAt(items, b + 1, colon - 1) : undefined;
  const subj = last && plausibleSpeaker(ctx.text, items, last) ? last : sentenceSubject(items, 0, colon - 1);
  if (!subj || !plausibleSpeaker(ctx.text, items, subj) || subj.to >= colon - 1) return undefined;
  // The cue is the verb phrase up to a comma or preposition: "offered a statement".
  let e = subj.to + 1;
  while (
    e < colon - 1 &&
    items[e + 1]?.kind === "word" &&
    !/^(in|on|at|for|with|about|after|during)$/.test(items[e + 1]?.lower ?? "")
  )
    e++;
  if (e >= colon) return undefined;
  return draftFor(ctx, prev, head, subj, "subject", { from: subj.to + 1, to: e });
}

/** A lead-in's subject that can be a speaker: a pronoun, a name, or a phrase headed by a role or institution. */
function plausibleSpeaker(text: string, items: Item[], s: Span): boolean {
  const words = items.slice(s.from, s.to + 1);
  if (s.from === s.to && /^(he|she|they|we|i)$/.test(words[0]?.lower ?? "")) return true;
  const phrase = text.slice((words[0] as Item).start, (words.at(-1) as Item).end);
  if (findNameMentions(phrase, tokenize(phrase)).some((m) => m.kind !== "unknown" || m.name.includes(" ")))
    return true;
  const head = (words.at(-1) as Item).lower;
  return ROLE_NOUNS.has(head) || ROLE_NOUNS.has(head.replace(/s$/, "")) || ORG_MARKERS.has(head);
}
