/**
 * Attribution extraction: who said what, in their own quoted words (direct quotes) or as reported speech, with the
 * speaker resolved to the text's actors. Rule-based and linear in the length of the text.
 */

import { createResolver } from "../actors/index.js";
import { tokenize } from "../actors/tokens.js";
import { findCues } from "./cues.js";
import { attributeLeadIns, attributeQuotes } from "./direct.js";
import type { Ctx, Draft } from "./draft.js";
import { splitBlocks } from "./layout.js";
import { findQuotes, type QuoteSeg } from "./quote-marks.js";
import { attributeReported } from "./reported.js";
import { buildUnits } from "./units.js";

export interface Attribution {
  /** Canonical actor name ("Claudia Sheinbaum"), or the mention itself when it names no actor ("the State Department"). */
  speaker: string;
  /** The speaker as written at the cue ("Sheinbaum", "she", "the Mexican president"); "" when implicit. */
  speakerMention: string;
  /** The quoted or reported words, verbatim (no surrounding quotation marks for direct quotes). */
  content: string;
  /** The cue: "said", "told reporters", "according to", "insisted". An implicit continuation repeats its source's. */
  cue: string;
  /** True for quoted speech. */
  direct: boolean;
  contentStart: number;
  contentEnd: number;
  /** Offsets of `speakerMention`; -1 when the speaker is implicit (a quotation continuing the previous speaker's). */
  speakerStart: number;
  speakerEnd: number;
  /** Offsets of `cue` (the source's cue for an implicit continuation). */
  cueStart: number;
  cueEnd: number;
}

export interface ExtractOptions {
  /** The article's title: never a source of attributions. */
  title?: string;
}

/**
 * Nested attributions: in "X said Y insisted ...", the words are Y's, so X's attribution goes. When the inner verb
 * reports an act rather than words ("Trump declared that she rejected the aid"), the inner one goes instead.
 */
function resolveNesting(drafts: Draft[]): Draft[] {
  const drop = new Set<Draft>();
  // Nesting happens within a sentence: compare drafts of the same and neighbouring units only.
  const byUnit = new Map<number, Draft[]>();
  for (const d of drafts) byUnit.set(d.unit, [...(byUnit.get(d.unit) ?? []), d]);
  const near = (r: Draft) => [
    ...(byUnit.get(r.unit - 1) ?? []),
    ...(byUnit.get(r.unit) ?? []),
    ...(byUnit.get(r.unit + 1) ?? []),
  ];
  for (const r of drafts) {
    if (r.direct) continue;
    for (const d of near(r)) {
      if (d === r || !d.speaker || d.speaker.start < r.contentStart || d.speaker.start > r.contentStart + 5)
        continue;
      if (d.cueStart < r.contentStart || d.cueStart >= r.contentEnd) continue;
      drop.add(d.cls === "object" ? d : r);
    }
  }
  // A verb that only shares its subject ("... argued that outcomes support X and show that ...") inside another
  // attribution's content belongs to that content.
  for (const d of drafts) {
    if (d.kind !== "shared") continue;
    if (
      near(d).some((r) => r !== d && !drop.has(r) && r.contentStart < d.cueStart && d.cueEnd <= r.contentEnd)
    )
      drop.add(d);
  }
  return drafts.filter((d) => !drop.has(d));
}

/** Short implicit quotations are scare quotes, not statements. */
function isScareQuote(text: string, d: Draft): boolean {
  return d.kind === "implicit" && text.slice(d.contentStart, d.contentEnd).split(/\s+/).length <= 3;
}

export function extractAttributions(text: string, options: ExtractOptions = {}): Attribution[] {
  const blocks = splitBlocks(text, options.title);
  const segs = findQuotes(text, blocks);
  const tokens = tokenize(text);
  const units = buildUnits(text, tokens, blocks, segs);
  const segPos = new Map<QuoteSeg, { unit: number; index: number }>();
  for (const u of units) {
    for (let index = 0; index < u.items.length; index++) {
      const seg = u.items[index]?.seg;
      if (seg) segPos.set(seg, { unit: u.index, index });
    }
  }
  const ctx: Ctx = {
    text,
    units,
    cues: units.map((u) => findCues(u.items)),
    segPos,
    drafts: [],
    unitDrafts: [],
    usedCues: new Set(),
    byChain: new Map(),
  };
  attributeQuotes(ctx);
  attributeReported(ctx);
  attributeLeadIns(ctx);
  const drafts = resolveNesting(ctx.drafts)
    .filter((d) => !isScareQuote(text, d))
    .sort((a, b) => (a.speaker?.start ?? a.contentStart) - (b.speaker?.start ?? b.contentStart));
  const resolver = createResolver(text, tokens);
  const resolved = new Map<Draft, string>();
  const out: Attribution[] = [];
  for (const d of drafts) {
    let speaker: string;
    let mention = "";
    if (d.speaker) {
      mention = text.slice(d.speaker.start, d.speaker.end);
      const r = resolver.resolve(mention, d.speaker.start);
      if (r.actor) resolver.noteSpeaker(r.actor, d.speaker.start, d.speaker.end);
      speaker = r.name;
    } else {
      speaker = (d.inherit && resolved.get(d.inherit)) ?? "";
    }
    resolved.set(d, speaker);
    if (speaker === "") continue;
    out.push({
      speaker,
      speakerMention: mention,
      content: text.slice(d.contentStart, d.contentEnd),
      cue: text.slice(d.cueStart, d.cueEnd),
      direct: d.direct,
      contentStart: d.contentStart,
      contentEnd: d.contentEnd,
      speakerStart: d.speaker ? d.speaker.start : -1,
      speakerEnd: d.speaker ? d.speaker.end : -1,
      cueStart: d.cueStart,
      cueEnd: d.cueEnd,
    });
  }
  return out.sort((a, b) => a.contentStart - b.contentStart || a.cueStart - b.cueStart);
}
