/**
 * Untrusted text (article content, command arguments) made safe for Slack: it can never ping anyone (<!channel>,
 * <!here>, <@U…>, <!subteam^…>, @channel), open a link or break the message's formatting.
 */

import { httpUrl } from "../http-url.js";

/** Control characters and bidirectional overrides. */
// biome-ignore lint/complexity/useRegexLiterals: as a literal, the control characters would trip noControlCharactersInRegex
const CONTROLS = new RegExp(
  String.raw`[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]`,
  "g",
);
/** Words Slack would read as a broadcast if the text were parsed with link_names. */
const BROADCAST = /@(channel|here|everyone)/gi;
/** U+2060 WORD JOINER: invisible, and splits "@" from "channel" for any parser. */
const JOINER = "\u2060";

/**
 * Slack has no way to escape mrkdwn's formatting characters, so in content they become look-alikes that format
 * nothing: ∗ (U+2217), ˍ (U+02CD), ∼ (U+223C), ˋ (U+02CB).
 */
const LOOKALIKES: Record<string, string> = { "*": "\u2217", _: "\u02cd", "~": "\u223c", "`": "\u02cb" };
/** A soft hyphen: invisible, and keeps a leading ">" from starting a block quote. */
const SOFT_HYPHEN = "\u00ad";

/** Drops control characters and folds runs of white space (line breaks too) to one space. */
export function cleanText(text: string): string {
  return text.replace(CONTROLS, "").replace(/\s+/g, " ").trim();
}

/**
 * Text for a mrkdwn field (sections, context, the notification `text`): `&`, `<`, `>` escaped as Slack requires, so
 * `<!channel>`, `<@U123>` or `<http://x|y>` in the content show as typed and are never parsed; formatting
 * characters replaced by look-alikes, and a leading ">" kept from quoting.
 */
export function escapeMrkdwn(text: string): string {
  return cleanText(text)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(BROADCAST, `@${JOINER}$1`)
    .replace(/[*_~`]/g, (c) => LOOKALIKES[c] ?? c)
    .replace(/^(?:&gt;|\uff1e)/, (m) => `${SOFT_HYPHEN}${m}`);
}

/** Text for a plain_text field (headers): never parsed as mrkdwn, and angle brackets replaced by look-alikes. */
export function escapePlain(text: string): string {
  return cleanText(text).replace(/</g, "\uff1c").replace(/>/g, "\uff1e").replace(BROADCAST, `@${JOINER}$1`);
}

/** `raw` escaped with `escapeText` and cut (with "…") so the result has at most `max` characters. */
function fitEscaped(raw: string, max: number, escapeText: (s: string) => string): string {
  const whole = escapeText(raw);
  if (whole.length <= max) return whole;
  const clean = cleanText(raw);
  let keep = Math.min(clean.length, max - 1);
  for (;;) {
    let cut = clean.slice(0, keep);
    if (/[\ud800-\udbff]$/.test(cut)) cut = cut.slice(0, -1);
    // End on a word boundary when the cut falls inside a word and a boundary is near.
    const space = cut.lastIndexOf(" ");
    const inWord = keep < clean.length && clean[keep] !== " ";
    if (inWord && space > 0 && space >= cut.length - 20) cut = cut.slice(0, space);
    const text = `${escapeText(cut)}…`;
    if (text.length <= max || keep === 0) return text.length <= max ? text : "…";
    keep = Math.max(0, keep - (text.length - max) - 1);
  }
}

/** escapeMrkdwn, cut to at most `max` characters. */
export function fitMrkdwn(text: string, max: number): string {
  return fitEscaped(text, max, escapeMrkdwn);
}

/** escapePlain, cut to at most `max` characters. */
export function fitPlain(text: string, max: number): string {
  return fitEscaped(text, max, escapePlain);
}

/** Longest URL newsdesk links to; longer ones are shown without a link. */
const MAX_URL = 2000;

/**
 * An http(s) URL made safe inside Slack's `<url|label>` syntax (a `|`, `<` or `>` in it is percent-encoded and `&`
 * escaped), or null for anything else (javascript:, credentials, unparsable, too long).
 */
export function safeUrl(raw: string | null | undefined): string | null {
  const url = httpUrl(raw);
  if (!url) return null;
  const href = url.href
    .replace(/\|/g, "%7C")
    .replace(/</g, "%3C")
    .replace(/>/g, "%3E")
    .replace(/[\s\u2028\u2029]/g, encodeURIComponent)
    .replace(/&/g, "&amp;");
  return href.length <= MAX_URL ? href : null;
}

/** The shortest label worth keeping a link for, when a long URL leaves little room in `maxTotal`. */
const MIN_LINKED_LABEL = 12;

/**
 * A mrkdwn link `<url|label>` with an escaped label of at most `maxLabel` characters, the whole at most `maxTotal`
 * (a long URL shortens the label); the bare label without a safe URL or when the URL leaves no room for it.
 */
export function link(
  url: string | null | undefined,
  label: string,
  maxLabel = 300,
  maxTotal = Number.POSITIVE_INFINITY,
): string {
  const href = safeUrl(url);
  const room = href ? Math.min(maxLabel, maxTotal - href.length - 3) : maxLabel;
  if (!href || room < Math.min(MIN_LINKED_LABEL, maxLabel)) return fitMrkdwn(label, maxLabel);
  return `<${href}|${fitMrkdwn(label, room)}>`;
}
