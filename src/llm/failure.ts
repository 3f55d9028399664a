/** Why the model did not write an item, and the Reply notes that say so. */
import {
  APIConnectionError,
  APIConnectionTimeoutError,
  APIError,
  APIUserAbortError,
  RateLimitError,
} from "openai";

export type FailureKind = "timeout" | "rate-limit" | "http" | "network" | "unreadable" | "budget" | "empty";

export interface Failure {
  kind: FailureKind;
  /** The HTTP status of an "http" failure. */
  status?: number;
  /** Seconds a 429 asked to wait (Retry-After). */
  retryAfterS?: number;
}

function retryAfter(headers: Headers | undefined): number | undefined {
  const raw = headers?.get("retry-after")?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw);
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

/** What went wrong with a request. `timedOut`: the command's deadline had passed (our own abort). */
export function classify(err: unknown, timedOut: boolean): Failure {
  if (timedOut || err instanceof APIConnectionTimeoutError || err instanceof APIUserAbortError) {
    return { kind: "timeout" };
  }
  if (err instanceof RateLimitError) {
    const after = retryAfter(err.headers);
    return after === undefined ? { kind: "rate-limit" } : { kind: "rate-limit", retryAfterS: after };
  }
  if (err instanceof APIConnectionError) return { kind: "network" };
  if (err instanceof APIError && typeof err.status === "number") return { kind: "http", status: err.status };
  return { kind: "unreadable" };
}

export interface NoteLimits {
  timeoutMs: number;
  dailyTokens: number;
}

function describe(f: Failure, limits: NoteLimits): string {
  switch (f.kind) {
    case "timeout":
      return `The language model did not answer within ${Math.round(limits.timeoutMs / 100) / 10} s`;
    case "rate-limit":
      return `The language model is rate-limited (HTTP 429${f.retryAfterS === undefined ? "" : `, retry in ${f.retryAfterS} s`})`;
    case "http":
      return `The language model answered with an error (HTTP ${f.status})`;
    case "network":
      return "The language model could not be reached";
    case "unreadable":
      return "The language model's answer could not be read";
    case "budget":
      return `Today's language-model budget of ${limits.dailyTokens} tokens is spent`;
    case "empty":
      return "The language model wrote nothing usable";
  }
}

/** How items are called in notes: "stories", "positions". */
export interface ItemNoun {
  one: string;
  many: string;
}

/**
 * "The language model did not answer within 20 s, so this is the offline answer." or, when only some items failed,
 * "…, so 2 of 5 stories use the offline text." One sentence per kind of failure.
 */
export function fallbackNote(
  failures: Array<Failure | undefined>,
  noun: ItemNoun,
  limits: NoteLimits,
): string[] {
  const total = failures.length;
  const byKind = new Map<string, { failure: Failure; count: number }>();
  for (const f of failures) {
    if (!f) continue;
    const key = describe(f, limits);
    const seen = byKind.get(key);
    if (seen) seen.count++;
    else byKind.set(key, { failure: f, count: 1 });
  }
  return [...byKind].map(([text, { count }]) =>
    count === total
      ? `${text}, so this is the offline answer.`
      : `${text}, so ${count} of ${total} ${total === 1 ? noun.one : noun.many} use${count === 1 ? "s" : ""} the offline text.`,
  );
}

/** "2 model sentences were not supported by their sources and were replaced with extractive ones." */
export function unsupportedNote(replaced: number, dropped: number): string | undefined {
  const n = replaced + dropped;
  if (n === 0) return undefined;
  const head =
    n === 1
      ? "1 model sentence was not supported by its sources and was"
      : `${n} model sentences were not supported by their sources and were`;
  if (dropped === 0) return `${head} replaced with ${n === 1 ? "an extractive one" : "extractive ones"}.`;
  if (replaced === 0) return `${head} left out.`;
  return `${head} replaced with extractive ones where there were any (${replaced} replaced, ${dropped} left out).`;
}
