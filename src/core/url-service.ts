/**
 * Fetching URLs typed in chat, for /ingest, /summarize <url> and /feed add. The core only sees this interface;
 * the implementation (outside the core) checks every URL with the URL guard and applies the size and time limits.
 */

/** The answer to /ingest, /summarize <url> and /feed add when newsdesk runs without a UrlService. */
export const NO_URL_FETCHING =
  "This newsdesk was started without URL fetching for chat, so it cannot fetch that URL here. The operator can use `newsdesk ingest <url>` or `newsdesk feeds add <url>`.";

/** What became of a URL given to /ingest. */
export type UrlIngestResult =
  | { status: "added"; articleId: string; title: string; url: string }
  | { status: "duplicate"; articleId: string; url: string }
  /** `reason` is one line, ready to show ("refused http://10.0.0.5/: 10.0.0.5 is a private address …"). */
  | { status: "rejected"; reason: string };

/** Whether a URL is a feed newsdesk can follow, checked before it is stored. */
export type FeedCheck =
  | { ok: true; url: string; title: string; items: number }
  | { ok: false; reason: string };

export interface UrlService {
  /** Fetches one article page and stores it (analysed and grouped into stories), or finds its stored duplicate. */
  ingestUrl(url: string): Promise<UrlIngestResult>;
  /** Fetches the URL and checks that it is a well-formed RSS or Atom feed. `url` in the answer is normalised. */
  checkFeed(url: string): Promise<FeedCheck>;
  /** How often feeds are polled, in minutes, for status lines. */
  readonly feedPollMinutes?: number;
}

/**
 * The URL in a command argument: Slack sends links as "<https://…>" or "<https://…|label>". Returns null unless the
 * argument is one http(s) URL.
 */
export function urlInArgument(argument: string): string | null {
  let text = argument.trim();
  const wrapped = /^<([^<>|\s]+)(?:\|[^<>]*)?>$/.exec(text);
  if (wrapped) text = wrapped[1] ?? "";
  return /^https?:\/\/\S+$/i.test(text) ? text : null;
}
