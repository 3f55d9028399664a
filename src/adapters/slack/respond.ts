import { describeError } from "../../errors.js";
import { MAX_ATTEMPTS, MAX_WAIT_MS, type RetryDeps } from "./retry.js";
import type { SlackMessage } from "./types.js";

/** A message for a slash command's response_url. */
export interface ResponseMessage extends SlackMessage {
  response_type?: "in_channel" | "ephemeral";
  replace_original?: boolean;
  delete_original?: boolean;
}

export interface RespondDeps extends RetryDeps {
  fetch?: typeof fetch;
}

/** Time limit of one POST to a response_url. */
const TIMEOUT_MS = 10_000;

/** Seconds from a Retry-After header: a number of seconds or an HTTP date. */
function retryAfterMs(header: string | null, fallbackMs: number): number {
  if (header === null || header.trim() === "") return fallbackMs;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? fallbackMs : Math.max(0, date - Date.now());
}

export class ResponseUrlError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = "ResponseUrlError";
  }
}

/**
 * POSTs a message to a slash command's response_url (what Bolt's respond() does), but answers a 429 or a 5xx by
 * waiting for Retry-After (at most a minute) and trying again, up to MAX_ATTEMPTS in all; network errors are
 * retried the same way, but not a timeout (the message may have arrived). Throws a ResponseUrlError when the
 * message could not be delivered.
 */
export async function postResponse(url: string, message: ResponseMessage, deps: RespondDeps): Promise<void> {
  const fetchFn = deps.fetch ?? fetch;
  for (let attempt = 1; ; attempt++) {
    let status: number | null = null;
    let waitMs = 1000 * attempt;
    let reason: string;
    try {
      const res = await fetchFn(url, {
        method: "POST",
        headers: { "content-type": "application/json; charset=utf-8" },
        body: JSON.stringify(message),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      const body = await res.text().catch(() => "");
      if (res.ok) return;
      status = res.status;
      reason = `HTTP ${res.status}${body ? ` ${body.slice(0, 100)}` : ""}`;
      if (status !== 429 && status < 500)
        throw new ResponseUrlError(`response_url refused the message: ${reason}`, status);
      waitMs = retryAfterMs(res.headers.get("retry-after"), waitMs);
    } catch (err) {
      if (err instanceof ResponseUrlError) throw err;
      if (err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError")) {
        // The message may have reached Slack and be posted late: sending it again could post it twice.
        throw new ResponseUrlError(
          `response_url timed out after ${TIMEOUT_MS / 1000} s; not retried, so it cannot be posted twice`,
          null,
        );
      }
      reason = describeError(err);
    }
    if (attempt >= MAX_ATTEMPTS || waitMs > MAX_WAIT_MS) {
      throw new ResponseUrlError(`response_url failed after ${attempt} tries: ${reason}`, status);
    }
    deps.logger.warn({ status, attempt, waitMs }, "Slack response_url busy: retrying");
    await deps.sleep(waitMs);
  }
}
