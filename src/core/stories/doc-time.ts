/** Publication days and the time-proximity factor between an article and a story. */

const DAY = 86_400_000;

/** The UTC day (ms at midnight) of an ISO date or date-time, or null when missing or unreadable. */
export function dayOf(iso: string | null | undefined): number | null {
  if (!iso) return null;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return null;
  return Math.floor(t / DAY) * DAY;
}

/** Days between a day and the span [start, end] of a story; 0 inside it, null when either side is unknown. */
export function gapDays(time: number | null, start: number | null, end: number | null): number | null {
  if (time === null || start === null || end === null) return null;
  if (time < start) return (start - time) / DAY;
  if (time > end) return (time - end) / DAY;
  return 0;
}

/** Same-event coverage comes within a day or two; the evidence then halves every three days. */
export const TIME_GRACE_DAYS = 2;
export const TIME_HALF_LIFE_DAYS = 3;
/** Beyond this gap an article never joins a story (the same topic weeks later is a new story). */
export const MAX_GAP_DAYS = 21;

/** Multiplier (0..1) for a similarity score given the gap in days; 1 when the time of either side is unknown. */
export function timeFactor(gap: number | null): number {
  if (gap === null || gap <= TIME_GRACE_DAYS) return 1;
  if (gap > MAX_GAP_DAYS) return 0;
  return 0.5 ** ((gap - TIME_GRACE_DAYS) / TIME_HALF_LIFE_DAYS);
}
