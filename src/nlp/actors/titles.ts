/**
 * Titles and descriptions: "Mexican President", "the U.S. ambassador to Mexico", "Mexico’s president". A title
 * is parsed into its head role noun, a country and other qualifiers, so that a later description ("the Mexican
 * president") can be matched against the titles the text gave its actors.
 */

import { COUNTRIES, ROLE_NOUNS } from "./lexicon.js";
import type { NameMention } from "./mentions.js";
import { isCapWord, type Token } from "./tokens.js";

export interface ParsedTitle {
  raw: string;
  /** Role noun, singular and lower case ("president"). */
  head: string;
  country?: string;
  quals: string[];
  plural: boolean;
}

const SKIP = new Set([
  "the",
  "a",
  "an",
  "former",
  "new",
  "then",
  "current",
  "now",
  "outgoing",
  "incoming",
  "this",
  "that",
]);
const COMPLEMENT = new Set(["of", "to", "for", "at", "in", "on", "from", "with", "and"]);

function singular(w: string): { word: string; plural: boolean } {
  if (ROLE_NOUNS.has(w)) return { word: w, plural: false };
  if (w.endsWith("men") && ROLE_NOUNS.has(`${w.slice(0, -3)}man`))
    return { word: `${w.slice(0, -3)}man`, plural: true };
  if (w.endsWith("s") && ROLE_NOUNS.has(w.slice(0, -1))) return { word: w.slice(0, -1), plural: true };
  return { word: w, plural: false };
}

/** Parses a title or description; undefined when it has no role noun. */
export function parseTitle(raw: string): ParsedTitle | undefined {
  const words = raw
    .replace(/[’']s\b/g, "")
    .toLowerCase()
    .split(/[\s,]+/)
    .filter((w) => w !== "" && !SKIP.has(w));
  let country: string | undefined;
  let head = "";
  let plural = false;
  const quals: string[] = [];
  let inComplement = false;
  for (let i = 0; i < words.length; i++) {
    const w = words[i] as string;
    const two = `${w} ${words[i + 1] ?? ""}`;
    if (COMPLEMENT.has(w) && head !== "") {
      inComplement = true;
      continue;
    }
    const c = COUNTRIES.get(two) ?? COUNTRIES.get(w);
    if (c && !inComplement) {
      country = c;
      if (COUNTRIES.has(two)) i++;
      continue;
    }
    const s = singular(w);
    if (!inComplement && ROLE_NOUNS.has(s.word)) {
      if (head !== "" && !["vice", "prime", "deputy"].includes(head)) quals.push(head);
      head = head === "vice" || head === "prime" ? `${head}-${s.word}` : s.word;
      plural = s.plural;
      continue;
    }
    if (/^[\p{L}-]+$/u.test(w) && !COMPLEMENT.has(w)) quals.push(w);
  }
  if (head === "") return undefined;
  const t: ParsedTitle = { raw: raw.trim(), head, quals, plural };
  if (country) t.country = country;
  return t;
}

const STOP = new Set([",", ".", ";", ":", ")", "(", "—", "–", '"', "“", "”"]);

/**
 * Appositions around a person mention: "Ana Ruiz, the city’s mayor," and "the city’s mayor, Ana Ruiz".
 * Returns raw title strings.
 */
export function appositionTitles(text: string, tokens: Token[], m: NameMention): string[] {
  const out: string[] = [];
  let i = m.tokenIndex;
  while (i < tokens.length && (tokens[i] as Token).end <= m.end) i++;
  // After: ", the U.S. ambassador to Mexico,"
  if (tokens[i]?.text === ",") {
    let j = i + 1;
    while (j < tokens.length && j < i + 14 && !STOP.has((tokens[j] as Token).text)) j++;
    const seg = tokens.slice(i + 1, j);
    const first = seg[0];
    const headAt = seg.findIndex((t) => ROLE_NOUNS.has(singular(t.lower).word) && !t.cap);
    const opener = first && (/^(the|a|an)$/i.test(first.text) || first.poss || COUNTRIES.has(first.lower));
    if (first && opener && headAt >= 0 && headAt <= 5 && /^[,.;)—–]$/.test(tokens[j]?.text ?? ".")) {
      out.push(text.slice(first.start, (seg.at(-1) as Token).end));
    }
  }
  // Before: "Mexico’s new president, Ana Ruiz" (the title ends right before the comma).
  let k = m.tokenIndex - 1;
  while (k >= 0 && (tokens[k] as Token).start >= m.titleStart) k--;
  if (tokens[k]?.text === "," && k > 0) {
    const last = tokens[k - 1] as Token;
    if (!last.cap && ROLE_NOUNS.has(singular(last.lower).word)) {
      let s = k - 1;
      while (s > 0 && s > k - 7 && !STOP.has((tokens[s - 1] as Token).text)) {
        const prev = tokens[s - 1] as Token;
        if (
          prev.kind !== "word" ||
          (!isCapWord(prev) && /^(said|says|and|or|but|with|by|for|to|of|in|on)$/.test(prev.lower))
        )
          break;
        s--;
        if (/^(the|a|an)$/i.test(prev.text) || prev.poss) break;
      }
      out.push(text.slice((tokens[s] as Token).start, last.end));
    }
  }
  return out;
}

/**
 * How well a description fits a title: 0 when it does not (other role, or another country), otherwise higher for
 * more shared detail.
 */
export function titleFit(desc: ParsedTitle, title: ParsedTitle): number {
  if (desc.head !== title.head) return 0;
  if (desc.country && title.country && desc.country !== title.country) return 0;
  let score = 1;
  if (desc.country && desc.country === title.country) score += 2;
  for (const q of desc.quals) {
    if (title.quals.includes(q)) score += 1;
    else if (!["top", "senior", "chief", "presidential", "presumptive"].includes(q)) score -= 0.5;
  }
  // A description with several details the title lacks is about someone else.
  return score >= 0.5 ? score : 0;
}

const PARTY: Record<string, "r" | "d"> = { republican: "r", gop: "r", democrat: "d", democratic: "d" };

/** The party a title or description names, if any ("Republican presidential candidate" → "r"). */
export function partyOf(t: ParsedTitle): "r" | "d" | undefined {
  if (PARTY[t.head]) return PARTY[t.head];
  for (const q of t.quals) if (PARTY[q]) return PARTY[q];
  return undefined;
}
