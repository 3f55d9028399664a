import { STOPWORDS } from "./stopwords.js";

const WORD = /[\p{L}\p{N}]/u;

/** Words as a reader counts them: whitespace-separated tokens holding a letter or digit. */
export function countWords(text: string): number {
  let n = 0;
  for (const tok of text.split(/\s+/)) if (WORD.test(tok)) n++;
  return n;
}

/** Light suffix stripping so "talks"/"talked"/"talking" and "tariffs"/"tariff" meet; not a full Porter stemmer. */
function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith("ies")) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith("s") && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  const before = w.length;
  if (w.length > 5 && w.endsWith("ing")) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith("ed") && !w.endsWith("eed")) w = w.slice(0, -2);
  // "stopped" → "stopp" → "stop"; "tariff" and "fall" keep their double letter.
  if (w.length < before && w.length > 3 && /([^aeiouls])\1$/.test(w)) w = w.slice(0, -1);
  return w;
}

/** Lowercased, stemmed content terms (stopwords, one-letter tokens and possessive endings dropped). */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  const tokens = text
    .toLowerCase()
    .replace(/['’]s\b/g, "")
    .replace(/([\p{L}\p{N}])['’]([\p{L}\p{N}])/gu, "$1$2")
    .split(/[^\p{L}\p{N}]+/u);
  for (const tok of tokens) {
    if (tok.length < 2 || STOPWORDS.has(tok)) continue;
    out.push(/^\p{N}/u.test(tok) ? tok : stem(tok));
  }
  return out;
}
