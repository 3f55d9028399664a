import { webApi } from "@slack/bolt";
import type { Logger } from "../../logger.js";

/** What the retrying helpers need: a way to wait (injected, so tests do not wait) and a logger. */
export interface RetryDeps {
  sleep: (ms: number) => Promise<void>;
  logger: Pick<Logger, "warn" | "error">;
}

/** Tries of one call, the first included. */
export const MAX_ATTEMPTS = 4;
/** Longest wait newsdesk accepts from a Retry-After header before giving up on a call. */
export const MAX_WAIT_MS = 60_000;

export const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Seconds Slack asked to wait, when `err` is the WebClient's rate-limit error (429 with Retry-After). */
function rateLimitSeconds(err: unknown): number | undefined {
  if (typeof err !== "object" || err === null) return undefined;
  const e = err as { code?: unknown; retryAfter?: unknown };
  if (e.code !== webApi.ErrorCode.RateLimitedError) return undefined;
  return typeof e.retryAfter === "number" && Number.isFinite(e.retryAfter) ? e.retryAfter : 1;
}

/** A short description of a Web API failure for the log: the Slack error code where there is one. */
export function slackErrorDetail(err: unknown): string {
  const e = err as { data?: { error?: unknown }; code?: unknown; message?: unknown } | null;
  if (typeof e?.data?.error === "string") return e.data.error;
  return typeof e?.message === "string" ? e.message : String(err);
}

/**
 * Runs a Web API call; when Slack answers 429, waits as long as its Retry-After says (at most a minute) and tries
 * again, up to MAX_ATTEMPTS in all. A call that still fails is logged with `details` and its error is rethrown.
 * The WebClient must be built with `rejectRateLimitedCalls: true`, so that it reports a 429 instead of waiting.
 */
export async function callWithRetry<T>(
  method: string,
  details: Record<string, unknown>,
  call: () => Promise<T>,
  deps: RetryDeps,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (err) {
      const seconds = rateLimitSeconds(err);
      const waitMs = seconds === undefined ? undefined : Math.max(1000, seconds * 1000);
      if (waitMs === undefined || waitMs > MAX_WAIT_MS || attempt >= MAX_ATTEMPTS) {
        deps.logger.error(
          { ...details, method, attempt, error: slackErrorDetail(err) },
          "Slack Web API call failed",
        );
        throw err;
      }
      deps.logger.warn(
        { ...details, method, attempt, waitMs },
        "Slack rate limit: retrying after Retry-After",
      );
      await deps.sleep(waitMs);
    }
  }
}
