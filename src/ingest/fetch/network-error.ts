import { NewsdeskError } from "../../errors.js";

/** The error code of a failed fetch: undici wraps the socket error in `cause`, sometimes in an AggregateError. */
function errorCode(err: unknown): string | undefined {
  for (let e: unknown = err, depth = 0; e && depth < 5; depth++) {
    if (typeof e !== "object") return undefined;
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    const inner = e instanceof AggregateError ? e.errors[0] : (e as { cause?: unknown }).cause;
    e = inner;
  }
  return undefined;
}

function innermostMessage(err: unknown): string {
  let e: unknown = err;
  while (e instanceof Error && e.cause instanceof Error) e = e.cause;
  if (e instanceof AggregateError && e.errors[0] instanceof Error) e = e.errors[0];
  return e instanceof Error ? e.message.split("\n")[0] || e.name : String(e);
}

function reason(err: unknown): string {
  const code = errorCode(err);
  switch (code) {
    case "ECONNREFUSED":
      return "connection refused";
    case "ENOTFOUND":
    case "EAI_AGAIN":
    case "EAI_NONAME":
      return "host not found";
    case "ECONNRESET":
    case "EPIPE":
    case "UND_ERR_SOCKET":
      return "the connection was closed unexpectedly";
    case "EHOSTUNREACH":
    case "ENETUNREACH":
      return "host unreachable";
    case "UND_ERR_CONNECT_TIMEOUT":
      return "could not connect in time";
    default:
      if (code && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code))
        return `TLS certificate problem (${code})`;
      return innermostMessage(err);
  }
}

/** A FETCH_FAILED error for a request that got no HTTP response (DNS, connection or TLS failure). */
export function networkError(url: string, err: unknown): NewsdeskError {
  return new NewsdeskError("FETCH_FAILED", `Could not fetch ${url}: ${reason(err)}`, { cause: err });
}

/** "15 s", "0.2 s". */
function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))} s`;
}

export function timeoutError(url: string, timeoutMs: number, cause?: unknown): NewsdeskError {
  return new NewsdeskError("FETCH_TIMEOUT", `Timed out after ${formatSeconds(timeoutMs)} fetching ${url}`, {
    cause,
  });
}
