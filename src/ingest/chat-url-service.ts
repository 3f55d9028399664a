import type { RawInput } from "../core/article.js";
import type { FeedCheck, UrlIngestResult, UrlService } from "../core/url-service.js";
import { describeError } from "../errors.js";
import type { Logger } from "../logger.js";
import { normaliseFeedUrl } from "../store/feeds.js";
import type { Store } from "../store/store.js";
import { parseFeed } from "./feed/parse.js";
import { classifyContent, FEED_ACCEPT, type FetchedResource, fetchResource } from "./fetch/http.js";
import type { UrlGuard } from "./fetch/url-guard.js";
import { analyseStored, type IngestDeps, storeItems } from "./pipeline.js";
import { serialize } from "./serialize.js";
import type { SourceItem } from "./sources/types.js";

export interface ChatUrlServiceDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  guard: UrlGuard;
  /** NEWSDESK_MAX_INPUT_BYTES and NEWSDESK_FETCH_TIMEOUT_MS. */
  limits: { maxBytes: number; fetchTimeoutMs: number };
  /** NEWSDESK_FEED_POLL_MINUTES, shown in /feed replies. */
  feedPollMinutes?: number;
}

/** One line, at most 300 characters: reasons end up in chat. */
function oneLine(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > 300 ? `${line.slice(0, 299)}…` : line;
}

async function* single(item: SourceItem): AsyncGenerator<SourceItem> {
  yield item;
}

/** The raw input of a fetched article page, or why it is not one. */
function articleInput(url: string, res: FetchedResource): RawInput | string {
  const kind = classifyContent(res.contentType, res.body);
  if (kind === "html" || kind === "text") {
    return { format: kind, body: res.body, hints: { url: res.url }, origin: url };
  }
  if (kind === "feed") return `${url} is an RSS or Atom feed: follow it with /feed add ${url}`;
  return `not an article: the server sent ${res.contentType || "unknown content"}`;
}

/**
 * The UrlService chat commands use: every URL (and every redirect) passes the URL guard, connections go only to
 * checked addresses, and fetches keep to the configured size and time limits. Articles are stored, analysed and
 * grouped into stories like any other input.
 */
export function createChatUrlService(deps: ChatUrlServiceDeps): UrlService {
  const fetchOptions = {
    ...deps.guard.fetchOptions,
    timeoutMs: deps.limits.fetchTimeoutMs,
    maxBytes: deps.limits.maxBytes,
  };
  const ingestDeps: IngestDeps = {
    store: deps.store,
    logger: deps.logger,
    now: deps.now,
    limits: { ...deps.guard.fetchOptions, ...deps.limits },
  };

  async function ingestUrl(url: string): Promise<UrlIngestResult> {
    let res: FetchedResource;
    try {
      res = await fetchResource(url, fetchOptions);
    } catch (err) {
      return { status: "rejected", reason: oneLine(describeError(err)) };
    }
    const raw = articleInput(url, res);
    if (typeof raw === "string") return { status: "rejected", reason: oneLine(raw) };
    const report = await storeItems(single({ ok: true, raw }), ingestDeps);
    const added = report.added[0];
    if (added) {
      await serialize(deps.store, () => analyseStored(ingestDeps, report.added.length));
      return { status: "added", articleId: added.id, title: added.title, url: res.url };
    }
    const duplicate = report.duplicates[0];
    if (duplicate) return { status: "duplicate", articleId: duplicate.id, url: res.url };
    return { status: "rejected", reason: oneLine(report.rejected[0]?.reason ?? "nothing could be stored") };
  }

  async function checkFeed(url: string): Promise<FeedCheck> {
    try {
      const normalised = normaliseFeedUrl(url);
      const res = await fetchResource(normalised, { ...fetchOptions, accept: FEED_ACCEPT });
      if (classifyContent(res.contentType, res.body) !== "feed") {
        return {
          ok: false,
          reason: `${normalised} is not an RSS or Atom feed (the server sent ${res.contentType || "unknown content"})`,
        };
      }
      const feed = parseFeed(res.body, res.url);
      return { ok: true, url: normalised, title: feed.title, items: feed.items.length };
    } catch (err) {
      return { ok: false, reason: oneLine(describeError(err)) };
    }
  }

  const service: UrlService = { ingestUrl, checkFeed };
  return deps.feedPollMinutes === undefined ? service : { ...service, feedPollMinutes: deps.feedPollMinutes };
}
