import { isStopWord, normalizeWord, stem, tokenize } from "./stories/tokens.js";

/** The content words of a query as stems: stop words and one-letter words dropped, order kept, no repeats. */
export function queryStems(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    const w = normalizeWord(t.text);
    if (w.length < 2 || isStopWord(w)) continue;
    const s = stem(w);
    if (!out.includes(s)) out.push(s);
  }
  return out;
}

/** The set of stems in a text, for matching queries against sentences. */
export function stemSet(text: string): Set<string> {
  const out = new Set<string>();
  for (const t of tokenize(text)) {
    const w = normalizeWord(t.text);
    for (const part of w.split(/[-&]/)) if (part.length >= 2) out.add(stem(part));
  }
  return out;
}

/** Does the text mention every stem of the phrase ("foreign troops" needs both)? */
export function mentionsAll(stems: ReadonlySet<string>, phrase: readonly string[]): boolean {
  return phrase.length > 0 && phrase.every((s) => stems.has(s));
}
