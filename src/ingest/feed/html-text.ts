import { normalizeSpace } from "../blocks.js";

const NAMED: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  ndash: "–",
  mdash: "—",
  hellip: "…",
  lsquo: "‘",
  rsquo: "’",
  ldquo: "“",
  rdquo: "”",
  laquo: "«",
  raquo: "»",
  copy: "©",
  reg: "®",
  trade: "™",
  euro: "€",
  pound: "£",
};

function codePoint(n: number): string {
  return Number.isInteger(n) && n > 0 && n <= 0x10ffff ? String.fromCodePoint(n) : "\ufffd";
}

/** Decodes character references: numeric ones and, with `named`, the common HTML names; others are kept. */
export function decodeEntities(text: string, named = true): string {
  return text.replace(/&(?:#[xX]([0-9a-fA-F]+)|#(\d+)|([a-zA-Z]+));/g, (whole, hex, dec, name) => {
    if (hex) return codePoint(Number.parseInt(hex, 16));
    if (dec) return codePoint(Number.parseInt(dec, 10));
    if (!named && !["amp", "lt", "gt", "quot", "apos"].includes(name)) return whole;
    return NAMED[name as string] ?? whole;
  });
}

/**
 * The text of an element the parser left raw (a stop node): CDATA sections as they are, everything else with
 * XML character references decoded. The result is the HTML the feed meant.
 */
export function decodeRawXmlText(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) => (part.startsWith("<![CDATA[") ? part.slice(9, -3) : decodeEntities(part, false)))
    .join("")
    .trim();
}

/** A title given as HTML, as plain text. */
export function htmlToPlainText(html: string): string {
  return normalizeSpace(decodeEntities(html.replace(/<[^>]*>/g, " ")));
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
