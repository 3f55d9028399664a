/**
 * Topic keywords of an article in their written form: the names it mentions and its salient words. They feed
 * /topics, the related terms of /stance, and the "nearby topics" of a no-coverage reply.
 */
import { extractEntities } from "../core/stories/entities.js";
import { isStopWord, normalizeWord, singular, tokenize } from "../core/stories/tokens.js";

const MAX_NAMES = 15;
const MAX_WORDS = 25;
/** Words too vague to be a topic on their own, on top of the stop words. */
const VAGUE = new Set(
  `said says told added according also would could should year years week weeks month months day days time times
  people percent number part former first last next new many much more most other others including however since
  while after before during between against among about into through despite without within where when which who
  whom whose what there their them they this that these those been being have having make made take taken like
  just still even very well back later early recent recently already another several according`.split(/\s+/),
);

/** Words that stand before a surname without being a first name. */
const TITLES = new Set(
  "president minister secretary senator governor mayor general ambassador chancellor king queen prince pope judge chief director leader spokesperson spokesman spokeswoman mr mrs ms dr prof sir lord lady".split(
    " ",
  ),
);

/** "Firstname Surname" pairs of a text, by lower-case surname ("korvin" → "adela korvin"): the first one wins. */
function fullNames(text: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of text.matchAll(/(?<![\p{L}])(\p{Lu}\p{Ll}+) (\p{Lu}\p{Ll}+)(?![\p{L}])/gu)) {
    const first = (m[1] as string).toLowerCase();
    const last = (m[2] as string).toLowerCase();
    if (out.has(last) || isStopWord(first) || VAGUE.has(first) || TITLES.has(first)) continue;
    out.set(last, `${first} ${last}`);
  }
  return out;
}

/** A word too common or vague to stand for a topic. */
export function isVagueWord(word: string): boolean {
  return VAGUE.has(word) || isStopWord(word);
}

/** Keywords: lower-case names (most mentioned first), then words mentioned at least twice or in the title. */
export function extractKeywords(title: string, text: string): string[] {
  const out = new Set<string>();
  const full = `${title}\n\n${text}`;
  const names = fullNames(full);
  for (const e of extractEntities(full).slice(0, MAX_NAMES)) out.add(names.get(e.key) ?? e.key);
  const counts = new Map<string, number>();
  const titleWords = new Set(tokenize(title).map((t) => singular(normalizeWord(t.text))));
  for (const t of tokenize(text)) {
    if (!/^\p{Ll}/u.test(t.text)) continue; // capitalized words are names, handled above
    const w = singular(normalizeWord(t.text));
    if (w.length < 4 || isStopWord(w) || VAGUE.has(w) || /\p{N}/u.test(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const words = [...counts]
    .filter(([w, n]) => n >= 2 || titleWords.has(w))
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, MAX_WORDS);
  for (const [w] of words) out.add(w);
  return [...out];
}
