/**
 * Making untrusted text (article content, titles, command arguments) safe inside Discord messages: it must not
 * ping anyone, nor break or inject formatting (masked links, headings, code blocks).
 */

import { httpUrl } from "../http-url.js";

const ZERO_WIDTH_SPACE = "\u200b";

/** Control characters and bidirectional overrides, except line feed (tab becomes a space). */
// biome-ignore lint/complexity/useRegexLiterals: as a literal, the control characters would trip noControlCharactersInRegex
const CONTROLS = new RegExp(String.raw`[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]`, "g");

function stripControls(text: string): string {
  return text.replace(/\r\n?/g, "\n").replace(/\t/g, " ").replace(CONTROLS, "");
}

/** `@everyone` and `@here` with a zero-width space after the @, so they can never ping (defence in depth). */
export function neutralizeMentions(text: string): string {
  return text.replace(/@(everyone|here)/gi, `@${ZERO_WIDTH_SPACE}$1`);
}

/**
 * Untrusted text as literal Discord markdown: markup characters are backslash-escaped (so `**`, `[x](url)`,
 * `<@123>`, `<#1>`, `# heading` and code fences show as typed) and mass mentions are neutralised.
 */
export function escapeText(text: string): string {
  const escaped = stripControls(text)
    .replace(/[\\*_~`|[\]<>]/g, "\\$&")
    .replace(/^(\s*)([#>+-])/gm, "$1\\$2")
    .replace(/^(\s*\d+)\./gm, "$1\\.");
  return neutralizeMentions(escaped);
}

/** Untrusted text for places that show no markdown (embed footers, autocomplete names): only made ping-proof. */
export function plainText(text: string): string {
  return neutralizeMentions(stripControls(text));
}

/** The URL if it is http(s), normalised and safe inside a markdown link target; otherwise null. */
export function safeUrl(raw: string | null | undefined): string | null {
  const url = httpUrl(raw);
  if (!url) return null;
  return url.href.replace(/\(/g, "%28").replace(/\)/g, "%29").replace(/\s/g, "%20");
}

/** A masked link with escaped text when the URL is http(s); the escaped text alone otherwise. */
export function link(text: string, url: string | null | undefined): string {
  const label = escapeText(text);
  const target = safeUrl(url);
  return target ? `[${label}](${target})` : label;
}

/** What belongs to the character before it: a low surrogate, a combining mark, a joiner, a variation selector. */
const CLINGS = /^(?:[\udc00-\udfff]|\p{M}|\u200c|\u200d|[\ufe00-\ufe0f])/u;

/**
 * The largest index at most `index` where `text` can be cut without splitting a surrogate pair or separating a
 * letter from its combining marks (0 when there is none).
 */
export function safeCut(text: string, index: number): number {
  let i = Math.max(0, Math.min(index, text.length));
  while (i > 0 && i < text.length && CLINGS.test(text.slice(i, i + 2))) i--;
  return i;
}

/** Cuts `text` to at most `max` characters, at a word boundary when one is near, with an ellipsis. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let cut = text.slice(0, safeCut(text, max - 1));
  const space = cut.lastIndexOf(" ");
  if (space > max * 0.6) cut = cut.slice(0, space);
  return `${dropDanglingEscape(cut.trimEnd())}…`;
}

/** A cut must not end inside an escape: a lone trailing backslash would escape what follows it. */
export function dropDanglingEscape(text: string): string {
  const trailing = /\\+$/.exec(text)?.[0].length ?? 0;
  return trailing % 2 === 1 ? text.slice(0, -1) : text;
}

/** Splits text into pieces of at most `max` characters, at line breaks or spaces where possible. */
export function chunk(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > max) {
    let cut = rest.lastIndexOf("\n", max);
    if (cut < max * 0.5) cut = rest.lastIndexOf(" ", max);
    if (cut < max * 0.5) cut = safeCut(rest, max) || max;
    let piece = rest.slice(0, cut);
    const kept = dropDanglingEscape(piece);
    if (kept.length < piece.length) {
      cut -= 1;
      piece = kept;
    }
    if (piece.trim() !== "") pieces.push(piece.trimEnd());
    rest = rest.slice(cut).replace(/^[ \n]+/, "");
  }
  if (rest.trim() !== "") pieces.push(rest);
  return pieces;
}
