import { NewsdeskError } from "../errors.js";

export const FEED_POLL_VARIABLE = "NEWSDESK_FEED_POLL_MINUTES";
export const DEFAULT_FEED_POLL_MINUTES = 15;
const MAX_FEED_POLL_MINUTES = 1440;

/** The longest a failing feed waits before it is tried again. */
export const MAX_BACKOFF_MS = 24 * 60 * 60 * 1000;

/** How often each feed is polled, in minutes (NEWSDESK_FEED_POLL_MINUTES, 1-1440, default 15). */
export function loadFeedPollMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[FEED_POLL_VARIABLE];
  if (raw === undefined || raw.trim() === "") return DEFAULT_FEED_POLL_MINUTES;
  const minutes = Number(raw.trim());
  if (!/^\d+$/.test(raw.trim()) || minutes < 1 || minutes > MAX_FEED_POLL_MINUTES) {
    throw new NewsdeskError(
      "CONFIG_INVALID",
      `Set ${FEED_POLL_VARIABLE} to a whole number of minutes between 1 and ${MAX_FEED_POLL_MINUTES} (got "${raw}").`,
    );
  }
  return minutes;
}

/**
 * When a feed that just failed for the `errorsInRow`-th time in a row is tried again: the poll interval doubled per
 * error (15 min → 30 min, 1 h, 2 h, …), at most 24 hours.
 */
export function nextPollAfterError(at: Date, pollMinutes: number, errorsInRow: number): Date {
  const delay = Math.min(pollMinutes * 60_000 * 2 ** Math.min(errorsInRow, 20), MAX_BACKOFF_MS);
  return new Date(at.getTime() + delay);
}
