import { STATUS_CODES } from "node:http";
import { describeError, isNewsdeskError, NewsdeskError } from "../../errors.js";
import { decodeBody } from "./charset.js";
import { networkError, timeoutError } from "./network-error.js";
import { readBody, tooLarge } from "./read-body.js";
import { DEFAULT_USER_AGENT } from "./user-agent.js";

export interface FetchOptions {
  /** Covers connecting, every redirect and reading the whole body. Default 15 000. */
  timeoutMs?: number;
  /** The body may not exceed this many bytes (checked against Content-Length up front, then while reading). Default 5 MB. */
  maxBytes?: number;
  /** Redirects followed before giving up. Default 5. */
  maxRedirects?: number;
  /** Called for the first URL and for every redirect target before it is requested; throw to refuse it. */
  checkUrl?: (url: URL) => Promise<void> | void;
  /**
   * Makes one request without following redirects; default the global fetch. The URL guard passes one that connects
   * only to addresses it has checked.
   */
  transport?: (url: URL, init: { headers: Record<string, string>; signal: AbortSignal }) => Promise<Response>;
  /** Sent as If-None-Match. */
  etag?: string;
  /** Sent as If-Modified-Since. */
  lastModified?: string;
  /** Default "newsdesk/<version> (+self-hosted news bot)". */
  userAgent?: string;
  accept?: string;
}

export interface FetchedResource {
  /** The final URL, after redirects. */
  url: string;
  status: number;
  /** The server answered 304 to a conditional request; `body` is empty. */
  notModified: boolean;
  /** Lower-case MIME type without parameters; "" when the server sent none. */
  contentType: string;
  /** The charset the body was decoded with, as declared; undefined when UTF-8 was assumed. */
  charset?: string;
  body: string;
  etag?: string;
  lastModified?: string;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
const DEFAULT_MAX_REDIRECTS = 5;
const DEFAULT_ACCEPT =
  "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,text/*;q=0.8,*/*;q=0.5";

/** What to ask for when the URL should be a feed (following or polling one). */
export const FEED_ACCEPT =
  "application/rss+xml,application/atom+xml,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5";

/** Parses a URL the user gave and insists on http or https. */
function parseHttpUrl(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (err) {
    throw new NewsdeskError("URL_INVALID", `Not a valid URL: ${input}`, { cause: err });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NewsdeskError("URL_INVALID", `Not an http(s) URL: ${input}`);
  }
  return url;
}

async function check(checkUrl: FetchOptions["checkUrl"], url: URL): Promise<void> {
  if (!checkUrl) return;
  try {
    await checkUrl(new URL(url.href));
  } catch (err) {
    if (isNewsdeskError(err)) throw err;
    throw new NewsdeskError("URL_UNSAFE", `Refusing to fetch ${url.href}: ${describeError(err)}`, {
      cause: err,
    });
  }
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** Lets the connection go without reading the rest of a body we do not want. */
async function discard(res: Response): Promise<void> {
  await res.body?.cancel().catch(() => {});
}

function header(res: Response, name: string): string | undefined {
  return res.headers.get(name)?.trim() || undefined;
}

function parseContentType(value: string | undefined): { mime: string; charset?: string } {
  if (!value) return { mime: "" };
  const mime = (value.split(";")[0] ?? "").trim().toLowerCase();
  const charset = /;\s*charset\s*=\s*"?([^";\s]+)/i.exec(value)?.[1]?.toLowerCase();
  return charset ? { mime, charset } : { mime };
}

function redirectTarget(res: Response, from: URL): URL {
  const location = header(res, "location") ?? "";
  let next: URL;
  try {
    next = new URL(location, from);
  } catch (err) {
    throw new NewsdeskError("FETCH_FAILED", `Bad redirect from ${from.href} to "${location}"`, {
      cause: err,
    });
  }
  if (next.protocol !== "http:" && next.protocol !== "https:") {
    throw new NewsdeskError("URL_INVALID", `${from.href} redirected to a non-http(s) URL: ${next.href}`);
  }
  next.hash = "";
  return next;
}

/**
 * Fetches a URL with a time limit, a size limit and manually followed redirects, and decodes the body to text.
 * Errors are NewsdeskErrors: URL_INVALID, FETCH_TIMEOUT, FETCH_HTTP_STATUS, INPUT_TOO_LARGE, FETCH_FAILED, or
 * whatever `checkUrl` throws (anything that is not a NewsdeskError becomes URL_UNSAFE).
 */
export async function fetchResource(url: string, options: FetchOptions = {}): Promise<FetchedResource> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const headers: Record<string, string> = {
    "user-agent": options.userAgent ?? DEFAULT_USER_AGENT,
    accept: options.accept ?? DEFAULT_ACCEPT,
  };
  if (options.etag) headers["if-none-match"] = options.etag;
  if (options.lastModified) headers["if-modified-since"] = options.lastModified;

  let current = parseHttpUrl(url);
  // A fragment is not part of the resource.
  current.hash = "";
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const visited = new Set<string>();

  try {
    for (let redirects = 0; ; redirects++) {
      await check(options.checkUrl, current);
      if (timedOut) throw timeoutError(current.href, timeoutMs);
      visited.add(current.href);

      const res = options.transport
        ? await options.transport(current, { headers, signal: controller.signal })
        : await fetch(current, { headers, redirect: "manual", signal: controller.signal });

      if (isRedirect(res.status) && res.headers.has("location")) {
        await discard(res);
        const next = redirectTarget(res, current);
        if (visited.has(next.href)) {
          throw new NewsdeskError("FETCH_FAILED", `Redirect loop fetching ${url} (back to ${next.href})`);
        }
        if (redirects >= maxRedirects) {
          throw new NewsdeskError(
            "FETCH_FAILED",
            `Too many redirects (more than ${maxRedirects}) fetching ${url}`,
          );
        }
        current = next;
        continue;
      }

      const { mime, charset } = parseContentType(header(res, "content-type"));
      const etag = header(res, "etag");
      const lastModified = header(res, "last-modified");
      const validators = { ...(etag ? { etag } : {}), ...(lastModified ? { lastModified } : {}) };

      if (res.status === 304) {
        await discard(res);
        return {
          url: current.href,
          status: 304,
          notModified: true,
          contentType: mime,
          body: "",
          ...validators,
        };
      }
      if (!res.ok) {
        await discard(res);
        const text = res.statusText || STATUS_CODES[res.status] || "";
        throw new NewsdeskError(
          "FETCH_HTTP_STATUS",
          `HTTP ${res.status}${text ? ` ${text}` : ""} from ${current.href}`,
        );
      }

      const length = Number(header(res, "content-length"));
      if (Number.isFinite(length) && length > maxBytes) {
        await discard(res);
        throw tooLarge(current.href, maxBytes, length);
      }
      const decoded = decodeBody(await readBody(res, current.href, maxBytes), charset);
      return {
        url: current.href,
        status: res.status,
        notModified: false,
        contentType: mime,
        ...(decoded.charset ? { charset: decoded.charset } : {}),
        body: decoded.text,
        ...validators,
      };
    }
  } catch (err) {
    if (isNewsdeskError(err)) throw err;
    if (timedOut) throw timeoutError(current.href, timeoutMs, err);
    throw networkError(current.href, err);
  } finally {
    clearTimeout(timer);
  }
}
