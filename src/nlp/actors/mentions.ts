/** Finds capitalised name runs ("U.S. Secretary of State Marco Rubio") and splits them into title and name. */

import { FEMALE_NAMES, MALE_NAMES } from "./first-names.js";
import {
  COUNTRIES,
  HONORIFICS,
  NAME_PARTICLES,
  NAME_SUFFIXES,
  NON_NAME_CAPS,
  ORG_MARKERS,
  PLACES,
  ROLE_NOUNS,
  TITLE_WORDS,
} from "./lexicon.js";
import { isCapWord, type Token } from "./tokens.js";

export type MentionKind = "person" | "org" | "unknown";

export interface NameMention {
  kind: MentionKind;
  /** The name itself, without title or possessive ending: "Claudia Sheinbaum", "National Security Council". */
  name: string;
  start: number;
  end: number;
  /** Title in front of the name, as written ("Mexican President"), or "". */
  title: string;
  /** Offset where the title starts (= start when there is none). */
  titleStart: number;
  /** Gender implied by an honorific or gendered title in front of the name. */
  gender?: "f" | "m";
  /** Index of the first token of the name in the token array. */
  tokenIndex: number;
}

const isTitleWord = (lower: string) =>
  TITLE_WORDS.has(lower) || ROLE_NOUNS.has(lower) || HONORIFICS.has(lower) || COUNTRIES.has(lower);

function isNameToken(t: Token): boolean {
  if (!isCapWord(t)) return false;
  if (NON_NAME_CAPS.has(t.lower) || isTitleWord(t.lower) || ORG_MARKERS.has(t.lower) || isDemonym(t.lower))
    return false;
  return !/^\p{Lu}{2,}$/u.test(t.base); // acronyms (FBI, NATO) are not people
}

/** "Mexicans", "Americans": plural of a country adjective. */
function isDemonym(lower: string): boolean {
  return lower.endsWith("s") && COUNTRIES.has(lower.slice(0, -1));
}

function isFirstName(lower: string): boolean {
  return FEMALE_NAMES.has(lower) || MALE_NAMES.has(lower);
}

/** True when token `i` may continue a capitalised run that started earlier. */
function continuesRun(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  const next = tokens[i + 1];
  const prev = tokens[i - 1];
  // "U.S." may end a sentence: only a title or institution continues it ("U.S. Secretary", "U.S. Army").
  if (
    isCapWord(t) &&
    prev &&
    /\p{L}\.\p{L}\.$/u.test(prev.text) &&
    !(isTitleWord(t.lower) || ORG_MARKERS.has(t.lower))
  ) {
    return false;
  }
  if (isCapWord(t)) return true;
  if (t.kind === "punct" && t.text === "." && /^\p{Lu}$/u.test(tokens[i - 1]?.text ?? "")) return true; // "J."
  if (t.kind !== "word") return false;
  if (NAME_PARTICLES.has(t.lower) && !t.cap) {
    if (isCapWord(next)) return true;
    const after = tokens[i + 2];
    if (next && NAME_PARTICLES.has(next.lower) && isCapWord(after)) return true;
  }
  if (t.lower === "of" && isCapWord(next) && prev && (isTitleWord(prev.lower) || ORG_MARKERS.has(prev.lower)))
    return true;
  return false;
}

/** True when token `i` (lower case) is a title word leading into a capitalised run ("former congressman Dan Ode"). */
function leadsIntoRun(tokens: Token[], i: number): boolean {
  let j = i;
  while (j < tokens.length && j < i + 3) {
    const t = tokens[j] as Token;
    if (t.kind !== "word" || t.cap || t.poss) return false;
    if (!(TITLE_WORDS.has(t.lower) || ROLE_NOUNS.has(t.lower))) return false;
    if (isCapWord(tokens[j + 1])) return true;
    j++;
  }
  return false;
}

function textOf(text: string, tokens: Token[], from: number, to: number, dropPossessive: boolean): string {
  const first = tokens[from] as Token;
  const last = tokens[to] as Token;
  const end = dropPossessive && last.poss ? last.start + last.base.length : last.end;
  return text.slice(first.start, end);
}

/** Splits the run tokens[a..b] (inclusive) into title and name and classifies it. */
function parseRun(text: string, tokens: Token[], a: number, b: number): NameMention | undefined {
  while (a <= b && (NON_NAME_CAPS.has((tokens[a] as Token).lower) || (tokens[a] as Token).kind !== "word"))
    a++;
  while (b >= a && (tokens[b] as Token).kind !== "word") b--;
  if (a > b) return undefined;
  // The name is the run's tail of name-like tokens; what precedes it is a title ("Mexico’s Foreign Secretary").
  let nameStart = b + 1;
  while (nameStart - 1 >= a) {
    const t = tokens[nameStart - 1] as Token;
    const atEnd = nameStart - 1 === b;
    if (isNameToken(t) && (atEnd || !t.poss)) nameStart--;
    else if (!atEnd && NAME_PARTICLES.has(t.lower) && !t.cap && nameStart - 1 > a) nameStart--;
    else if (!atEnd && t.kind === "punct" && t.text === ".") nameStart--;
    else if (atEnd && NAME_SUFFIXES.has(t.lower)) nameStart--;
    else break;
  }
  while (nameStart <= b && !isCapWord(tokens[nameStart])) nameStart++;
  const hasOrg = tokensIn(tokens, a, b).some((t) => ORG_MARKERS.has(t.lower) && t.cap);
  const titleWords = tokensIn(tokens, a, nameStart - 1);
  const personLike =
    nameStart <= b &&
    (b > nameStart ||
      titleWords.some((t) => isTitleWord(t.lower)) ||
      isFirstName((tokens[nameStart] as Token).lower));
  if (!personLike) {
    if (!hasOrg) {
      if (nameStart > b) return undefined;
    } else {
      const first = tokens[a] as Token;
      const name = textOf(text, tokens, a, b, true);
      return {
        kind: "org",
        name,
        start: first.start,
        end: first.start + name.length,
        title: "",
        titleStart: first.start,
        tokenIndex: a,
      };
    }
  }
  const nameTokens = tokensIn(tokens, nameStart, b);
  const titleTokens = tokensIn(tokens, a, nameStart - 1);
  const first = tokens[nameStart] as Token;
  const name = textOf(text, tokens, nameStart, b, true);
  let gender: "f" | "m" | undefined;
  for (const t of titleTokens) gender = HONORIFICS.get(t.lower) || ROLE_NOUNS.get(t.lower) || gender;
  const hasTitle = titleTokens.some((t) => isTitleWord(t.lower));
  if (nameTokens.every((t) => PLACES.has(t.lower) || COUNTRIES.has(t.lower) || isDemonym(t.lower)))
    return undefined;
  let kind: MentionKind = "unknown";
  if (nameTokens.some((t) => PLACES.has(t.lower))) kind = hasTitle ? "person" : "unknown";
  else if (hasTitle || isFirstName((nameTokens[0] as Token).lower)) kind = "person";
  const titleStart = titleTokens.length > 0 ? (titleTokens[0] as Token).start : first.start;
  const title = titleTokens.length > 0 ? text.slice(titleStart, first.start).trim() : "";
  const m: NameMention = {
    kind,
    name,
    start: first.start,
    end: first.start + name.length,
    title,
    titleStart,
    tokenIndex: nameStart,
  };
  if (gender) m.gender = gender;
  return m;
}

function isTitleRun(tokens: Token[], from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (isTitleWord((tokens[i] as Token).lower)) return true;
  return false;
}

function tokensIn(tokens: Token[], from: number, to: number): Token[] {
  const out: Token[] = [];
  for (let i = from; i <= to; i++) if ((tokens[i] as Token).kind === "word") out.push(tokens[i] as Token);
  return out;
}

/** All name mentions in the tokens, in text order. */
export function findNameMentions(text: string, tokens: Token[]): NameMention[] {
  const out: NameMention[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i] as Token;
    const starts = isCapWord(t) || (t.kind === "word" && !t.cap && leadsIntoRun(tokens, i));
    if (!starts) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length && !(tokens[j] as Token).poss) {
      const nextOk =
        continuesRun(tokens, j + 1) ||
        (!(tokens[j + 1] as Token).cap && leadsIntoRun(tokens, j + 1) && j + 1 > i);
      if (!nextOk || /\n/.test(text.slice((tokens[j] as Token).end, (tokens[j + 1] as Token).start))) break;
      j++;
    }
    // A possessive may continue into a title: "Mexico’s Foreign Secretary Ana Ruiz".
    while ((tokens[j] as Token).poss && isCapWord(tokens[j + 1]) && j + 1 < tokens.length) {
      let k = j + 1;
      while (k + 1 < tokens.length && continuesRun(tokens, k + 1) && !(tokens[k] as Token).poss) k++;
      if (!isTitleRun(tokens, j + 1, k)) break;
      j = k;
    }
    const m = parseRun(text, tokens, i, j);
    if (m) out.push(m);
    i = j + 1;
  }
  return out;
}
