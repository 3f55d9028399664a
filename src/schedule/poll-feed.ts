import { describeError, NewsdeskError } from "../errors.js";
import type { FeedItem, ParsedFeed } from "../ingest/feed/parse.js";
import { parseFeed } from "../ingest/feed/parse.js";
import { classifyContent, FEED_ACCEPT, fetchResource } from "../ingest/fetch/http.js";
import type { UrlGuard } from "../ingest/fetch/url-guard.js";
import { type IngestDeps, type IngestReport, storeItems } from "../ingest/pipeline.js";
import { readAhead } from "../ingest/sources/read-ahead.js";
import { readFeedItems } from "../ingest/sources/url.js";
import type { Logger } from "../logger.js";
import type { FeedRecord } from "../store/feeds.js";
import type { Store } from "../store/store.js";
import { nextPollAfterError } from "./feed-config.js";

export interface PollFeedDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  guard: UrlGuard;
  /** NEWSDESK_MAX_INPUT_BYTES and NEWSDESK_FETCH_TIMEOUT_MS, for the feed and each page it links to. */
  limits: { maxBytes: number; fetchTimeoutMs: number };
  pollMinutes: number;
  /**
   * New items processed in one poll, at most (each may need its page fetched). The rest are processed on the next
   * ticks. Default 50.
   */
  maxItemsPerPoll?: number;
}

/** What one poll of one feed did. */
export interface FeedPollResult {
  url: string;
  title: string | null;
  /** "new-items": the feed had items not processed before; "unchanged": it had none; "not-modified": HTTP 304. */
  status: "new-items" | "unchanged" | "not-modified" | "error";
  added: IngestReport["added"];
  duplicates: IngestReport["duplicates"];
  rejected: IngestReport["rejected"];
  /** The feed's own error (fetch, HTTP, malformed feed, refused URL), one line. */
  error?: string;
  nextPollAt: string;
}

const READ_AHEAD = 4;
const DEFAULT_MAX_ITEMS_PER_POLL = 50;
/** A feed with items left over is polled again this soon (the poller ticks every minute). */
const BACKLOG_POLL_MS = 60_000;

/** The `origin` readFeedItems gives an item: its link, else its position in the list it was given. */
function originOf(item: FeedItem, index: number, feedUrl: string): string {
  return item.link ?? `${feedUrl}#${index + 1}`;
}

/** The items not processed before (each id once), from the feed's own order. */
async function pendingItems(store: Store, feed: FeedRecord, parsed: ParsedFeed): Promise<FeedItem[]> {
  const pending = new Set(
    await store.feeds.pendingItems(
      feed.id,
      parsed.items.map((i) => i.id),
    ),
  );
  return parsed.items.filter((item) => pending.delete(item.id));
}

/** Stores the items and tells which item ids were settled (stored or duplicate) and which failed. */
async function ingestItems(items: FeedItem[], parsed: ParsedFeed, feedUrl: string, deps: PollFeedDeps) {
  const ingestDeps: IngestDeps = {
    store: deps.store,
    logger: deps.logger,
    now: deps.now,
    limits: { ...deps.guard.fetchOptions, ...deps.limits },
  };
  const source = readFeedItems({ ...parsed, items }, feedUrl, ingestDeps.limits);
  const report = await storeItems(readAhead(source, READ_AHEAD), ingestDeps);
  const failedOrigins = new Set(report.rejected.map((r) => r.input));
  const done: string[] = [];
  const failed: string[] = [];
  items.forEach((item, i) => {
    (failedOrigins.has(originOf(item, i, feedUrl)) ? failed : done).push(item.id);
  });
  return { report, done, failed };
}

/**
 * Polls one feed: a conditional request (If-None-Match / If-Modified-Since) through the URL guard, then the items
 * not processed before are stored (their teaser links followed). Records the outcome on the feed: success and the
 * next poll time, or the error with an exponential backoff. Never throws for a feed's own failure. Stored articles
 * are not analysed here: the caller analyses once per round.
 */
export async function pollFeed(feed: FeedRecord, deps: PollFeedDeps): Promise<FeedPollResult> {
  const started = deps.now();
  const at = started.toISOString();
  const base = { url: feed.url, title: feed.title, added: [], duplicates: [], rejected: [] };
  try {
    const res = await fetchResource(feed.url, {
      ...deps.guard.fetchOptions,
      timeoutMs: deps.limits.fetchTimeoutMs,
      maxBytes: deps.limits.maxBytes,
      accept: FEED_ACCEPT,
      ...(feed.etag ? { etag: feed.etag } : {}),
      ...(feed.lastModified ? { lastModified: feed.lastModified } : {}),
    });
    let nextPollAt = new Date(started.getTime() + deps.pollMinutes * 60_000).toISOString();
    if (res.notModified) {
      await deps.store.feeds.recordSuccess(feed.id, { at, nextPollAt, notModified: true });
      return { ...base, status: "not-modified", nextPollAt };
    }
    if (classifyContent(res.contentType, res.body) !== "feed") {
      throw new NewsdeskError(
        "FEED_MALFORMED",
        `Not an RSS or Atom feed: the server sent ${res.contentType || "unknown content"}`,
      );
    }
    const parsed = parseFeed(res.body, res.url);
    const pending = await pendingItems(deps.store, feed, parsed);
    // The work of one poll is bounded: a feed of thousands of teasers would otherwise fetch them all at once.
    const items = pending.slice(0, deps.maxItemsPerPoll ?? DEFAULT_MAX_ITEMS_PER_POLL);
    const backlog = items.length < pending.length;
    if (backlog) nextPollAt = new Date(started.getTime() + BACKLOG_POLL_MS).toISOString();
    const { report, done, failed } = await ingestItems(items, parsed, res.url, deps);
    const result: FeedPollResult = {
      ...base,
      title: parsed.title || feed.title,
      status: items.length > 0 ? "new-items" : "unchanged",
      added: report.added,
      duplicates: report.duplicates,
      rejected: report.rejected,
      nextPollAt,
    };
    for (const r of report.rejected)
      deps.logger.warn({ feed: feed.url, input: r.input, reason: r.reason }, "feed item rejected");
    try {
      await deps.store.feeds.recordItems(
        feed.id,
        { done, failed },
        parsed.items.map((i) => i.id),
        at,
      );
      await deps.store.feeds.recordSuccess(feed.id, {
        at,
        nextPollAt,
        notModified: false,
        // With items left over, the next poll must get the whole feed again, not a 304.
        etag: backlog ? null : (res.etag ?? null),
        lastModified: backlog ? null : (res.lastModified ?? null),
        itemsSeen: parsed.items.length,
        articlesAdded: report.added.length,
        title: parsed.title || null,
      });
    } catch (err) {
      // The articles are stored whatever happens to the bookkeeping: the caller must still analyse them.
      const message = describeError(err);
      deps.logger.error({ feed: feed.url, err: message }, "feed poll could not be recorded");
      return { ...result, status: "error", error: message };
    }
    return result;
  } catch (err) {
    const message = describeError(err);
    const errorsInRow = feed.consecutiveErrors + 1;
    const nextPollAt = nextPollAfterError(started, deps.pollMinutes, errorsInRow).toISOString();
    deps.logger.warn({ feed: feed.url, err: message, errorsInRow, nextPollAt }, "feed poll failed");
    await deps.store.feeds.recordError(feed.id, { at, message, consecutiveErrors: errorsInRow, nextPollAt });
    return { ...base, status: "error", error: message, nextPollAt };
  }
}
