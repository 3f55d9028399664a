/**
 * A subscription topic: keywords, "exact phrases" and exclusions (`tariffs "trade war" -steel`). Every word or
 * phrase must appear and no excluded one may, case- and accent-insensitively, with simple plurals folded
 * ("tariff" finds "tariffs"). Topics are stored in a canonical form, so "/unsubscribe Steel TARIFFS" finds
 * "/subscribe tariffs steel". Pure, no I/O.
 */

/** One word (one token) or an exact phrase (several, in order). */
export interface TopicTerm {
  tokens: string[];
  exclude: boolean;
}

export interface TopicQuery {
  terms: TopicTerm[];
}

export type TopicParse = { ok: true; query: TopicQuery; canonical: string } | { ok: false; message: string };

/** Most words and phrases in one topic. */
export const MAX_TOPIC_TERMS = 10;
const MAX_TOKEN_LENGTH = 60;

const WORD = /[\p{L}\p{N}\p{M}]+/gu;

/** Lower case without accents: the form words are compared in (its letters and digits only). */
function words(text: string): string[] {
  const folded = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
  return [...folded.matchAll(WORD)].map((m) => m[0]);
}

/** Folds a simple English plural: "tariffs" and "tariff", "policies" and "policy", "taxes" and "tax". */
function fold(word: string): string {
  if (word.length <= 3 || !/[a-z]$/.test(word)) return word;
  if (word.endsWith("ies") && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|x|z|ch|sh)es$/.test(word)) return word.slice(0, -2);
  if (word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us") && !word.endsWith("is")) {
    return word.slice(0, -1);
  }
  return word;
}

function termText(t: TopicTerm): string {
  const body = t.tokens.length === 1 ? (t.tokens[0] ?? "") : `"${t.tokens.join(" ")}"`;
  return t.exclude ? `-${body}` : body;
}

/** The canonical text of a topic: words and phrases sorted, then exclusions sorted; lower case, no accents. */
export function canonicalTopic(query: TopicQuery): string {
  const sorted = (exclude: boolean) =>
    query.terms
      .filter((t) => t.exclude === exclude)
      .map(termText)
      .sort();
  return [...sorted(false), ...sorted(true)].join(" ");
}

/**
 * What a topic matches, as one string: its canonical form with simple plurals folded, the way `matchesTopic`
 * compares words. Two topics with the same key ("tariffs" and "tariff") follow exactly the same stories.
 */
export function topicKey(query: TopicQuery): string {
  return canonicalTopic({ terms: query.terms.map((t) => ({ ...t, tokens: t.tokens.map(fold) })) });
}

/** The key of a stored (canonical) topic, or null when it no longer parses. */
export function storedTopicKey(topic: string): string | null {
  const parsed = parseTopic(topic);
  return parsed.ok ? topicKey(parsed.query) : null;
}

/** Parses a topic as typed. Curly quotes count as quotes. Never throws. */
export function parseTopic(input: string): TopicParse {
  const text = input.replace(/[“”„«»]/g, '"').trim();
  if ((text.match(/"/g) ?? []).length % 2 === 1) {
    return { ok: false, message: 'A phrase is missing its closing quote: write "exact phrase".' };
  }
  const terms: TopicTerm[] = [];
  const seen = new Set<string>();
  for (const m of text.matchAll(/(-?)"([^"]*)"|(-?)([^\s"]+)/g)) {
    const exclude = (m[1] ?? m[3]) === "-";
    const tokens = words(m[2] ?? m[4] ?? "");
    if (tokens.length === 0) continue;
    if (tokens.some((t) => t.length > MAX_TOKEN_LENGTH)) {
      return { ok: false, message: `Words in a topic can be at most ${MAX_TOKEN_LENGTH} characters long.` };
    }
    const term = { tokens, exclude };
    const key = termText(term);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  if (!terms.some((t) => !t.exclude)) {
    return {
      ok: false,
      message: "A topic needs at least one word or phrase to look for, e.g. tariffs -steel.",
    };
  }
  if (terms.length > MAX_TOPIC_TERMS) {
    return { ok: false, message: `A topic can have at most ${MAX_TOPIC_TERMS} words and phrases.` };
  }
  const query = { terms };
  return { ok: true, query, canonical: canonicalTopic(query) };
}

/** A text prepared once for matching against many topics. */
export interface MatchText {
  tokens: string[];
  set: ReadonlySet<string>;
}

export function matchText(text: string): MatchText {
  const tokens = words(text).map(fold);
  return { tokens, set: new Set(tokens) };
}

function contains(doc: MatchText, term: TopicTerm): boolean {
  const want = term.tokens.map(fold);
  const [first] = want;
  if (first === undefined || !want.every((w) => doc.set.has(w))) return false;
  if (want.length === 1) return true;
  for (let i = doc.tokens.indexOf(first); i !== -1; i = doc.tokens.indexOf(first, i + 1)) {
    if (want.every((w, j) => doc.tokens[i + j] === w)) return true;
  }
  return false;
}

/** Whether the text has every word and phrase of the topic and none of its exclusions. */
export function matchesTopic(query: TopicQuery, doc: MatchText): boolean {
  return query.terms.every((t) => contains(doc, t) !== t.exclude);
}
