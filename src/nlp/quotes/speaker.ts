/** Who says it: the subject of a cue, an inverted subject ("said Ruiz"), or the subject a participle shares. */

import type { Cue } from "./cues.js";
import { CONJUNCTIONS, INVERTIBLE } from "./lexicon.js";
import { npEndingAt, npStartingAt, type Span } from "./noun-phrase.js";
import { sentenceSubject, skipBackAdverbs, subjectBefore } from "./subject.js";
import type { Item } from "./units.js";

export type SpeakerKind = "subject" | "inverted" | "according" | "shared" | "relative";

export interface SpeakerSpan extends Span {
  kind: SpeakerKind;
}

/** "it" speaks only for an institution and only with a plain verb of saying ("the ministry said it ..."). */
const IT_CUES = new Set(["say", "report", "state", "add", "note", "warn", "announce", "write", "according"]);

/**
 * The speaker of `cue` among items lo..hi. `previous` is the speaker of the unit's previous attribution, which a
 * participle or a coordinated verb shares (", adding that ...", "... and warned that ...").
 */
export function speakerFor(
  items: Item[],
  cue: Cue,
  lo: number,
  hi: number,
  previous: Span | undefined,
): SpeakerSpan | undefined {
  const s = speakerSpan(items, cue, lo, hi, previous);
  const single = s && s.from === s.to ? items[s.from]?.lower : undefined;
  if (single === "it" && (s?.kind !== "subject" || !IT_CUES.has(cue.lemma))) return undefined;
  if (single === "you") return undefined; // the generic "you" of the narration ("you can see for yourself that ...")
  return s;
}

function speakerSpan(
  items: Item[],
  cue: Cue,
  lo: number,
  hi: number,
  previous: Span | undefined,
): SpeakerSpan | undefined {
  if (cue.cls === "according") {
    const np = npStartingAt(items, cue.end + 1, hi);
    return np ? { ...np, kind: "according" } : undefined;
  }
  const j = skipBackAdverbs(items, cue.i, lo);
  const prev = items[j];
  const shared = (): SpeakerSpan | undefined => {
    const s = previous ?? sentenceSubject(items, lo, cue.i - 1);
    return s && s.to < cue.i ? { from: s.from, to: s.to, kind: "shared" } : undefined;
  };
  if (cue.form === "ing" && !cue.progressive) {
    // "with Trump reportedly yelling": the participle's own subject.
    const own = prev?.text === "," ? undefined : subjectBefore(items, cue.i, lo);
    if (own && items[own.from - 1]?.lower === "with") return { from: own.from, to: own.to, kind: "subject" };
    // "The Journal, citing sources, reported": the phrase before the comma, when it starts a clause.
    if (prev?.text === "," && j === cue.i - 1) {
      const np = npEndingAt(items, j - 1, lo);
      const before = np ? items[np.from - 1] : undefined;
      if (np && (np.from === lo || before?.text === "," || before?.kind === "quote")) {
        return { from: np.from, to: np.to, kind: "subject" };
      }
    }
    return shared();
  }
  const s = subjectBefore(items, cue.i, lo);
  if (s) return { from: s.from, to: s.to, kind: s.rel ? "relative" : "subject" };
  if (prev && prev.kind === "word" && CONJUNCTIONS.has(prev.lower) && /^(and|but|or)$/.test(prev.lower))
    return shared();
  const boundary =
    j < lo || prev?.text === "," || prev?.kind === "quote" || prev?.text === "—" || prev?.text === "–";
  if (boundary && INVERTIBLE.has(cue.lemma)) {
    const np = npStartingAt(items, cue.end + 1, hi);
    if (np) return { ...np, kind: "inverted" };
  }
  return undefined;
}
