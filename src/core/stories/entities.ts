/**
 * Named entities by capitalization: runs of capitalized words ("Claudia Sheinbaum", "Juan Ramón de la Fuente",
 * "World Cup"), single capitalized words inside a sentence ("Venezuela") and acronyms ("FIFA"). Titles and roles
 * split a run and are dropped ("Canadian Prime Minister Mark Carney" → "canadian", "mark carney"); a full name
 * counts as its surname when the surname also appears alone ("Claudia Sheinbaum" + "Sheinbaum" → "sheinbaum").
 */

import { edgeWord, isAcronym, type Part, partsOf } from "./name-parts.js";
import { STOP_WORDS } from "./stop-words.js";
import { normalizeWord, type Token } from "./tokens.js";

export interface EntityMention {
  /** Normalized name: lowercase words separated by one space. */
  key: string;
  /** Where the mentions are in the text, as [start, end) offsets, in order. */
  spans: Array<[number, number]>;
}

function keyOf(words: string[]): string {
  return words
    .map(normalizeWord)
    .filter((w) => w !== "")
    .join(" ")
    .replace(/(\p{L}{2}an)s$/u, "$1"); // "Mexicans" → "mexican"
}

/**
 * The named entities of a text with their mentions, most mentioned first (ties: first mentioned first). `tokens`:
 * the text's words, when already tokenized.
 */
export function extractEntities(text: string, tokens?: Token[]): EntityMention[] {
  const parts = partsOf(text, tokens);
  const counts = new Map<string, EntityMention>();
  const add = (key: string, p: Part): void => {
    const e = counts.get(key);
    if (e) e.spans.push([p.start, p.end]);
    else counts.set(key, { key, spans: [[p.start, p.end]] });
  };
  const pending: Part[] = [];
  for (const p of parts) {
    const key = keyOf(p.words);
    if (key.length < 2 || /^\p{N}/u.test(key)) continue;
    const single = p.words.length === 1;
    const sure = (!p.initial && !p.headline) || (single && isAcronym(p.words[0] ?? ""));
    if (sure && !(single && STOP_WORDS.has(key))) add(key, p);
    else pending.push(p);
  }
  // Sentence-initial and headline words count only when the same name (or surname) also appears where capitals
  // mean a name. A sentence-initial run of several words may start with an ordinary word: "Later Lind said".
  const surnames = new Set(
    [...counts.keys()].filter((k) => k.includes(" ")).map((k) => k.slice(k.lastIndexOf(" ") + 1)),
  );
  const known = (key: string): boolean => counts.has(key) || surnames.has(key);
  for (const p of pending) {
    const key = keyOf(p.words);
    if (known(key)) {
      add(key, p);
      continue;
    }
    if (!p.initial || p.headline || p.words.length < 2) continue;
    const first = keyOf(p.words.slice(0, 1));
    let restWords = p.words.slice(1);
    while (restWords.length > 0 && edgeWord(restWords[0])) restWords = restWords.slice(1);
    const rest = keyOf(restWords);
    const firstEnd = p.start + (p.words[0]?.length ?? 0);
    if (rest.length >= 2) add(rest, { ...p, words: restWords, start: p.end - restWords.join(" ").length });
    if (known(first)) add(first, { ...p, words: p.words.slice(0, 1), end: firstEnd });
  }
  // A full name whose last word also appears alone counts as that word, so that articles writing
  // "Claudia Sheinbaum" and "President Sheinbaum" share the key "sheinbaum".
  for (const e of [...counts.values()]) {
    const last = e.key.slice(e.key.lastIndexOf(" ") + 1);
    const single = e.key.includes(" ") ? counts.get(last) : undefined;
    if (!single) continue;
    single.spans = [...single.spans, ...e.spans];
    counts.delete(e.key);
  }
  for (const e of counts.values()) e.spans.sort((a, b) => a[0] - b[0]);
  return [...counts.values()].sort(
    (a, b) =>
      b.spans.length - a.spans.length ||
      (a.spans[0]?.[0] ?? 0) - (b.spans[0]?.[0] ?? 0) ||
      (a.key < b.key ? -1 : 1),
  );
}
