/** Turns the date strings found in pages and feeds into ISO 8601. Shared by the HTML and feed parsers. */

/** Zone abbreviations V8's `Date.parse` does not know, as offsets. (It knows UT, GMT, Z and the US zones.) */
const ZONES: Record<string, string> = {
  BST: "+0100",
  CET: "+0100",
  CEST: "+0200",
  EET: "+0200",
  EEST: "+0300",
  WET: "+0000",
  WEST: "+0100",
  MSK: "+0300",
  JST: "+0900",
  KST: "+0900",
  HKT: "+0800",
  SGT: "+0800",
  AEST: "+1000",
  AEDT: "+1100",
  NZST: "+1200",
  NZDT: "+1300",
};

const ZONE_NAME = new RegExp(`\\b(${Object.keys(ZONES).join("|")})\\b`);
/** Something that pins a time to a zone: Z, a numeric offset, or a zone name. */
const HAS_ZONE = /(?:\d[zZ]$|[+-]\d{2}:?\d{2}\s*$|\b(?:UTC?|GMT|[ECMP][SD]T)\b|\(\w+\)$)/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_LOCAL = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

function pad(n: number): string {
  return String(n).padStart(2, "0");
}

function validDay(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

function plausible(ms: number): boolean {
  if (Number.isNaN(ms)) return false;
  const year = new Date(ms).getUTCFullYear();
  return year >= 1800 && year <= 2200;
}

function isoDateTime(ms: number): string {
  return new Date(ms).toISOString();
}

/**
 * The ISO 8601 form of a date or date-time string, or undefined when it is not one.
 * A date without a time stays a date ("2024-03-05"); a date-time becomes UTC ("2024-03-05T09:00:00.000Z", as `Date#toISOString` writes it).
 * A time without a zone is read as UTC, so results do not depend on the machine's time zone.
 * Accepts ISO 8601, RFC 822/2822 (RSS), common English forms ("March 5, 2024") and Unix timestamps.
 */
export function toIsoDate(value: string | undefined | null): string | undefined {
  if (!value) return undefined;
  let s = value.replace(/\s+/g, " ").trim();
  if (!s) return undefined;

  const day = ISO_DATE.exec(s);
  if (day) return validDay(Number(day[1]), Number(day[2]), Number(day[3])) ? s : undefined;

  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (compact) {
    const [y, m, d] = [Number(compact[1]), Number(compact[2]), Number(compact[3])];
    return validDay(y, m, d) ? `${compact[1]}-${compact[2]}-${compact[3]}` : undefined;
  }

  // A bare year or year-month is not a date.
  if (/^\d{4}(?:-\d{2})?$/.test(s)) return undefined;

  if (/^\d{10}(?:\.\d+)?$/.test(s) || /^\d{13}$/.test(s)) {
    const ms = s.length === 13 ? Number(s) : Number(s) * 1000;
    return plausible(ms) ? isoDateTime(ms) : undefined;
  }

  const local = ISO_LOCAL.exec(s);
  if (local) s = `${local[1]}T${local[2]}Z`;

  const zone = ZONE_NAME.exec(s);
  if (zone?.[1]) s = s.replace(zone[1], ZONES[zone[1]] ?? zone[1]);

  const hasTime = /\d:\d\d/.test(s);
  if (hasTime && !HAS_ZONE.test(s)) {
    const utc = Date.parse(`${s} GMT`);
    if (plausible(utc)) return isoDateTime(utc);
  }

  const ms = Date.parse(s);
  if (!plausible(ms)) return undefined;
  if (hasTime) return isoDateTime(ms);
  // A date without a time is parsed as local midnight; read it back in local time.
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
