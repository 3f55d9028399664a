/** An item's final sentences from the model's answer: verified sentences kept, unsupported ones replaced. */
import type { WriteItem, WrittenSentence } from "../core/writer.js";
import { type ParsedSentence, parseOutput } from "./parse-output.js";
import { unsupportedReason } from "./verify.js";

export interface Composed {
  sentences: WrittenSentence[];
  /** The model's own sentences among them (verified), in order. */
  byModel: WrittenSentence[];
  /** Sentences the model wrote that were kept. */
  kept: number;
  /** Unsupported model sentences replaced by an extractive one, and left out (no extractive one was left). */
  replaced: number;
  dropped: number;
  rejected: Array<{ text: string; reason: string }>;
}

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}

function known(p: ParsedSentence, item: WriteItem): WrittenSentence {
  return { text: p.text, cites: p.cites.filter((id) => item.passages.some((x) => x.id === id)) };
}

/**
 * The sentences to show for `item` from the model's `answer`, in the model's order, within the item's limits. A
 * sentence that fails verification is replaced by the extractive sentence at the same position (or the first one
 * not shown yet). Null when the model wrote nothing usable: the caller then uses the extractive sentences.
 * `partial`: the answer is still being streamed (see parseOutput).
 */
export function compose(item: WriteItem, answer: string, partial = false): Composed | null {
  const out: WrittenSentence[] = [];
  const byModel: WrittenSentence[] = [];
  const rejected: Composed["rejected"] = [];
  let words = 0;
  let kept = 0;
  let replaced = 0;
  let dropped = 0;
  const fits = (text: string) => item.maxWords === undefined || words + wordCount(text) <= item.maxWords;
  const add = (s: WrittenSentence) => {
    out.push(s);
    words += wordCount(s.text);
  };
  for (const [i, p] of parseOutput(answer, partial).entries()) {
    if (out.length >= item.maxSentences) break;
    const reason = unsupportedReason(p, item.passages, item.knownNames);
    if (reason === null) {
      if (out.some((o) => o.text === p.text)) continue;
      if (!fits(p.text)) break;
      const sentence = known(p, item);
      add(sentence);
      byModel.push(sentence);
      kept++;
      continue;
    }
    rejected.push({ text: p.text, reason });
    const unused = (s: WrittenSentence | undefined): s is WrittenSentence =>
      s !== undefined && !out.some((o) => o.text === s.text) && fits(s.text);
    const same = item.extractive[i];
    const replacement = unused(same) ? same : item.extractive.find(unused);
    if (replacement) {
      add(replacement);
      replaced++;
    } else dropped++;
  }
  if (kept + replaced + dropped === 0) return null;
  return { sentences: out.length > 0 ? out : item.extractive, byModel, kept, replaced, dropped, rejected };
}

/**
 * The model's verified sentences in a partial answer (complete lines only), for progress: exactly those the final
 * answer will keep from the same text, within the same sentence and word limits, and no replacements yet.
 */
export function verifiedSoFar(item: WriteItem, partial: string): WrittenSentence[] {
  return compose(item, partial, true)?.byModel ?? [];
}
