import { normalizeSpace } from "../blocks.js";

/** Letters and digits only, lower-cased: "The Daily-News" and "thedailynews" compare equal. */
function squash(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");
}

/** Whether `part` names the site: one of its names, or its host with or without "www." and the TLD. */
function namesSite(part: string, siteNames: string[]): boolean {
  const p = squash(part);
  if (!p) return false;
  return siteNames.some((name) => {
    const bare = name.replace(/^www\./i, "");
    return p === squash(name) || p === squash(bare) || p === squash(bare.replace(/\.[a-z.]+$/i, ""));
  });
}

/** " | Site", " - Site", " — Site", " · Site"… The group tells a pipe-like separator from a dash. */
const SEPARATOR = /\s+(?:(\||·|•|::|\/\/|»|«)|-|–|—)\s+/g;

function wordCount(text: string): number {
  return text.split(" ").filter(Boolean).length;
}

/** Looks like a site name: a host name, or at most three words that all start with a capital or digit. */
function looksLikeSiteName(part: string): boolean {
  if (/^[\w-]+(?:\.[\w-]+)+$/.test(part)) return true;
  const words = part.split(" ");
  return words.length <= 3 && words.every((w) => /^[\p{Lu}\p{N}]/u.test(w));
}

/**
 * Removes a site name from a title: "Title | Site", "Site - Title", "Title — Site".
 * A part is removed when it names one of `siteNames`. With `guess` (for `<title>`, which nearly always carries
 * the site name), a short last part is removed even when the site name is unknown: up to four words after a pipe,
 * or a capitalized name of up to three words after a dash.
 */
export function stripSiteName(title: string, siteNames: string[], guess = false): string {
  let text = normalizeSpace(title);
  for (let round = 0; round < 2; round++) {
    const separators = [...text.matchAll(SEPARATOR)];
    const first = separators[0];
    const last = separators[separators.length - 1];
    if (!first || !last) break;
    const head = text.slice(0, first.index);
    const tail = text.slice(last.index + last[0].length);
    const rest = text.slice(0, last.index);
    if (namesSite(tail, siteNames)) {
      text = rest;
    } else if (namesSite(head, siteNames)) {
      text = text.slice(first.index + first[0].length);
    } else {
      if (guess) {
        const pipe = last[1] !== undefined;
        const removable = pipe
          ? wordCount(tail) <= 4 && wordCount(rest) >= 2
          : looksLikeSiteName(tail) && wordCount(rest) >= 3;
        if (removable) text = rest;
      }
      break;
    }
  }
  return text;
}
