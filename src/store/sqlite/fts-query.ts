/**
 * Turns any user text into a safe FTS5 query. The input is never parsed as query syntax: it is split into words,
 * each word is quoted as an FTS5 string, and the strings are joined with AND or OR. Pure, no SQL.
 */

/** Most words a query keeps; later words are ignored. */
export const MAX_QUERY_TERMS = 32;

/** Longer "words" (hashes, base64, runaway input) cannot be words of an article and are dropped. */
export const MAX_TERM_LENGTH = 100;

/**
 * Letters, numbers, combining marks and private-use characters: what FTS5's unicode61 tokenizer keeps as token
 * characters. Everything else (quotes, `*`, `-`, `:`, parentheses, emoji, punctuation) separates words.
 */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;

/**
 * Common English function words, and the fragments apostrophes leave ("council's" is "council" and "s"). They
 * match almost every article, so they add nothing to an AND query and make an OR query rank the whole collection.
 * A query made only of them ("the who") keeps them.
 */
const STOPWORDS: ReadonlySet<string> = new Set(
  (
    "a about an and are as at be been but by can could d did do does for from had has have he her his how i if in " +
    "into is it its ll m me my of on or our re s she should so t than that the their them then there these they " +
    "this those to ve was we were what when where which who whom why will with would you your"
  ).split(" "),
);

/**
 * The distinct lower-cased words of `input`, in order, without stopwords (unless it has nothing else), at most
 * `maxTerms` of them.
 */
export function queryTerms(input: string, maxTerms: number = MAX_QUERY_TERMS): string[] {
  const terms: string[] = [];
  const stopwords: string[] = [];
  if (typeof input !== "string" || maxTerms <= 0) return terms;
  const seen = new Set<string>();
  const text = input.normalize("NFKC").toLowerCase();
  for (const match of text.matchAll(WORD)) {
    const term = match[0];
    if (term.length > MAX_TERM_LENGTH || seen.has(term)) continue;
    seen.add(term);
    if (!STOPWORDS.has(term)) {
      terms.push(term);
      if (terms.length >= maxTerms) break;
    } else if (stopwords.length < maxTerms) {
      stopwords.push(term);
    }
  }
  return terms.length > 0 ? terms : stopwords;
}

/** An FTS5 string literal: the term in double quotes, inner double quotes doubled. */
export function quoteTerm(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

type TermMode = "and" | "or";

/** An FTS5 MATCH expression requiring all (`and`) or any (`or`) of the terms; null when there are none. */
export function ftsExpression(terms: readonly string[], mode: TermMode): string | null {
  if (terms.length === 0) return null;
  return terms.map(quoteTerm).join(mode === "and" ? " AND " : " OR ");
}
