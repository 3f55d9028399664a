/** Every error newsdesk raises on purpose carries a stable code and, where there is one, its cause. */
export type ErrorCode =
  | "CONFIG_INVALID"
  | "INPUT_MISSING"
  | "INPUT_UNREADABLE"
  | "INPUT_BINARY"
  | "INPUT_EMPTY"
  | "INPUT_TOO_LARGE"
  | "INPUT_UNSUPPORTED"
  | "INPUT_MALFORMED"
  | "URL_INVALID"
  | "URL_UNSAFE"
  | "FETCH_FAILED"
  | "FETCH_TIMEOUT"
  | "FETCH_HTTP_STATUS"
  | "FETCH_NOT_ARTICLE"
  | "FEED_MALFORMED"
  | "STORE_FAILED"
  | "NOT_FOUND"
  | "USAGE";

export class NewsdeskError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NewsdeskError";
    this.code = code;
  }
}

export function isNewsdeskError(err: unknown): err is NewsdeskError {
  return err instanceof NewsdeskError;
}

/** A one-line, user-facing description of any thrown value. */
export function describeError(err: unknown): string {
  if (err instanceof Error) return err.message.split("\n")[0] ?? err.name;
  return String(err);
}
