/** Shape helpers shared by the cleaning rules: word counts, sentence punctuation, headline shape, quotes. */

/** A whole-word pattern; `test`/`exec` take any text and match it case-insensitively. */
export interface WordPattern {
  test(text: string): boolean;
  exec(text: string): RegExpExecArray | null;
}

const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = /[A-Za-z0-9]/.test(String.fromCharCode(c)) ? 1 : 0;
const LETTER_OR_DIGIT = /[\p{L}\p{N}\p{M}]/u;
/** Whether the character at index i is a letter, digit or combining mark (false outside the string). */
function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  const c = text.charCodeAt(i);
  return c < 128 ? ASCII_WORD[c] === 1 : LETTER_OR_DIGIT.test(text[i] ?? "");
}

let lastText = "";
let lastLower = "";
/** Lower-cased text, memoized for the last input (rules look at one block many times in a row). */
export function lower(text: string): string {
  if (text !== lastText) {
    lastText = text;
    lastLower = text.toLowerCase();
  }
  return lastLower;
}

/**
 * Matches any of the (lower-case) alternatives as whole words, with Unicode-aware boundaries: JavaScript's `\b`
 * treats accented letters as non-word characters, and a lookbehind makes the regex engine slow, so the word start
 * is checked by hand after each candidate match.
 */
export function wordRegex(alternatives: string | string[]): WordPattern {
  const src = Array.isArray(alternatives) ? alternatives.join("|") : alternatives;
  const re = new RegExp(`(?:${src})(?![\\p{L}\\p{N}])`, "gu");
  const exec = (text: string): RegExpExecArray | null => {
    const s = lower(text);
    re.lastIndex = 0;
    for (let m = re.exec(s); m !== null; m = re.exec(s)) {
      if (!isWordCharAt(s, m.index - 1)) return m;
      re.lastIndex = m.index + 1;
    }
    return null;
  };
  return { exec, test: (text) => exec(text) !== null };
}

/** Number of words: runs of letters and digits (inner apostrophes, dots and hyphens do not split a word). */
export function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    if (isWordCharAt(text, i)) {
      if (!inWord) n++;
      inWord = true;
    } else if (inWord) {
      const c = text[i];
      const joins =
        (c === "'" || c === "’" || c === "." || c === "-" || c === "&") && isWordCharAt(text, i + 1);
      if (!joins) inWord = false;
    }
  }
  return n;
}

/** Ends like a sentence (or a lead-in ending with a colon), allowing closing quotes and brackets after it. */
const SENTENCE_END = /[.!?…:;]["”’»)\]]*$/;
export function endsLikeSentence(text: string): boolean {
  return SENTENCE_END.test(text);
}

/** Ends with a colon: a lead-in to a quote or a list. */
export function endsWithColon(text: string): boolean {
  return /:["”’»)\]]*$/.test(text);
}

/** The marker of a plain-text list item ("- ", "* ", "• ", "1. "). */
export const LIST_MARKER = /^(?:[-*•·▪–]|\d{1,3}[.)])\s+/;

function stripListMarker(text: string): string {
  return text.replace(LIST_MARKER, "");
}

/** Short, without sentence punctuation at the end: a headline, subhead, label or link. */
export function isHeadlineShaped(text: string, maxWords = 30): boolean {
  const t = stripListMarker(text);
  const n = wordCount(t);
  return n >= 1 && n <= maxWords && !endsLikeSentence(t);
}

/** Opening quotation marks of the common languages. */
const QUOTE_START = /^["“„«‘‚‹'»]/;
export function startsWithQuote(text: string): boolean {
  return QUOTE_START.test(text);
}

/** Text with quoted passages blanked out, so boilerplate patterns never match what someone said. */
const QUOTED = /“[^”]{0,600}”|„[^“”]{0,600}[“”]|«[^»]{0,600}»|"[^"]{0,600}"/g;
export function withoutQuotes(text: string): string {
  return text.includes("“") || text.includes('"') || text.includes("«") || text.includes("„")
    ? text.replace(QUOTED, " ")
    : text;
}

/** Addresses the reader: second-person pronouns and possessives in en/es/fr/de/pt/it/nl. */
const SECOND_PERSON = wordRegex(
  "you|your|yours|you'?re|you’re|you'll|you’ll|tu|tus|usted|ustedes|vous|votre|vos|dein|deine|deinen|você|vocês|tuo|tua|tuoi|vostro|vostra|jouw|uw",
);
const GERMAN_PRONOUN = wordRegex("sie|ihr|ihre|ihren|ihrem|ihrer");
/** German formal "Sie/Ihr" counts only capitalized mid-sentence; lowercase "sie/ihr" is she/they/her. */
const GERMAN_FORMAL = /(?:^|[^.!?]\s)(?:Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer)(?![\p{L}])/u;
export function addressesReader(text: string): boolean {
  if (SECOND_PERSON.test(text)) return true;
  return GERMAN_PRONOUN.test(text) && GERMAN_FORMAL.test(text);
}

const NAME_PARTICLE = /^(?:de|da|do|dos|das|del|della|di|du|des|la|le|van|von|der|den|bin|al|el|y|e)$/;

/** A person's name: 2-5 capitalized words, no digits, no sentence punctuation. */
export function isPersonName(text: string): boolean {
  const t = text.trim();
  if (t.length > 50 || /[\d:;!?|/@]/.test(t) || /[.,]$/.test(t)) return false;
  const parts = t.split(/\s+/);
  if (parts.length < 2 || parts.length > 5) return false;
  let caps = 0;
  for (const p of parts) {
    if (/^\p{Lu}[\p{L}'’.-]*$/u.test(p)) caps++;
    else if (!NAME_PARTICLE.test(p)) return false;
  }
  return caps >= 2;
}

/** Lower-cased letters and digits only: the form used to compare and hash blocks. */
export function normalizedKey(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Lower-cased text with punctuation (except inner apostrophes) and list markers removed, single-spaced. */
let lastLabelText = "";
let lastLabel = "";
export function labelKey(text: string): string {
  if (text === lastLabelText) return lastLabel;
  lastLabelText = text;
  lastLabel = stripListMarker(lower(text))
    .replace(/[’`]/g, "'")
    .replace(/[^\p{L}\p{N}' &]+/gu, " ")
    .replace(/ {2,}/g, " ")
    .trim();
  return lastLabel;
}

/** The site speaking of itself: "our", "nuestro", "notre", "unser", "nosso", "nostro", "onze". */
export const SITE_VOICE = wordRegex("our|nuestr[oa]s?|notre|unser\\w*|noss[oa]s?|nostr[oaie]");

/** Job titles of journalists, in several languages. */
export const JOB_NOUN = wordRegex(
  "writers?|reporters?|journalists?|editors?|correspondents?|columnists?|contributors?|authors?|producers?|photographers?|analysts?|critics?|bloggers?|freelancer|staff|intern|periodista|redactor(?:a|es)?|corresponsal|columnista|colaborador(?:a)?|editor(?:a)?|journaliste|rédact(?:eur|rice)|correspondant(?:e)?|chroniqueu(?:r|se)|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|jornalista|repórter|colunista|giornalista|redattore|redattrice|corrispondente|cronista|verslaggever|redacteur|correspondent",
);
