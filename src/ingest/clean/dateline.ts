/** Leading `date YYYY-MM-DD` markers and news datelines ("WASHINGTON, Dec. 5, 2025 —", "MEXICO CITY (Reuters) -"). */
import { findDate, monthDayAt } from "./dates.js";
import { hintSource } from "./source-hint.js";
import type { State } from "./types.js";

/** A scraper's date marker at the very start of the text: "date 2025-12-05 …", "date: 2025-12-05T10:00:00Z". */
const DATE_MARKER =
  /^\s*date\s*[:=]?\s*((?:19|20)\d{2}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?(?:\s+|$)/i;

/** Strips a date marker from the start of a text; returns the date and the rest. */
export function takeDateMarker(text: string): { date: string; rest: string } | undefined {
  const m = DATE_MARKER.exec(text);
  if (!m?.[1]) return undefined;
  return { date: m[1], rest: text.slice(m[0].length).trim() };
}

const WIRES =
  "AP|Associated Press|Reuters|AFP|Agence France-Presse|Bloomberg|EFE|dpa|DPA|ANSA|Europa Press|UPI|Xinhua|Kyodo|Yonhap|PTI|AAP|CNN|ANI|TASS|Interfax|Lusa|Notimex|NTB|TT";
/** A credit in parentheses: a known wire service, or any outlet-like name of up to four capitalized words. */
const CREDIT = `${WIRES}|\\p{Lu}[\\p{L}\\p{M}.&'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.&'’-]*){0,3}`;
/** PLACE[, Region][, date] [(CREDIT)] — */
const DATELINE = new RegExp(
  "^((?:\\p{Lu}[\\p{Lu}\\p{M}.'’-]+)(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.'’-]+){0,3}|\\p{Lu}[\\p{L}.'’-]+(?:\\s+\\p{Lu}[\\p{L}.'’-]+){0,2})" +
    "((?:,\\s*[^,()—–:]{2,30}){0,3})" +
    `(?:\\s*\\((${CREDIT})\\))?` +
    "\\s*(?:\\.?\\s*[—–]|\\s-{1,2}|\\.-)\\s+",
  "u",
);
/** Wire credit opening a paragraph without a place: "(Reuters) - …". */
const WIRE_ONLY = new RegExp(`^\\((${CREDIT})\\)\\s*(?:[—–]|-{1,2}|\\.-)\\s+`, "u");
const REGION = /^\p{Lu}[\p{L}.'’-]*(?:\s+\p{Lu}[\p{L}.'’-]*){0,2}$/u;

export interface Dateline {
  date?: string;
  wire?: string;
}

/** The date closing the part between place and dash (", Puerto Rico, Dec. 5, 2025"); null when that part is
 * not a region and a date; undefined when there is no date. */
function middleDate(middle: string, now: Date): string | undefined | null {
  const parts = middle
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return undefined;
  // Try the last one or two segments as a date ("Dec. 5, 2025" spans two), the rest must be region names.
  for (const take of [2, 1]) {
    if (parts.length < take) continue;
    const tail = parts.slice(parts.length - take).join(", ");
    const full = findDate(tail);
    const date = full && full.index === 0 && full.length >= tail.length - 1 ? full.iso : undefined;
    const partial = date ?? (take === 1 ? monthDayAt(tail, now) : undefined);
    const value = typeof partial === "string" ? partial : partial?.iso;
    if (value && parts.slice(0, parts.length - take).every((p) => REGION.test(p))) return value;
  }
  return parts.every((p) => REGION.test(p)) ? undefined : null;
}

/** Reads a dateline at the start of a paragraph. Requires a date or a wire credit to count. */
export function readDateline(text: string, now: Date): Dateline | undefined {
  const w = WIRE_ONLY.exec(text);
  if (w) return { wire: w[1] };
  const m = DATELINE.exec(text);
  if (!m) return undefined;
  const date = middleDate(m[2] ?? "", now);
  const wire = m[3];
  if (date === null || (!date && !wire)) return undefined;
  const out: Dateline = {};
  if (date) out.date = date;
  if (wire) out.wire = wire;
  return out;
}

/** Records the date and wire of a dateline found in the first paragraphs of the body. */
export function applyDateline(st: State): void {
  let seen = 0;
  for (const it of st.items) {
    if (it.removed !== null) continue;
    if (++seen > 3) break;
    const d = readDateline(it.text, st.now);
    if (!d) continue;
    if (d.date && !st.meta.publishedAt) st.meta.publishedAt = d.date;
    if (d.wire) hintSource(st, d.wire);
    break;
  }
}
