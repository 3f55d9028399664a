import type { ChannelRef } from "../core/channel.js";
import { NewsdeskError } from "../errors.js";

/** Who added a feed: a chat channel, or the operator on the command line. */
export type FeedOwner = ChannelRef | "cli";

/** A followed feed and how its polling goes. Times are ISO 8601. */
export interface FeedRecord {
  id: number;
  /** Normalised (see `normaliseFeedUrl`); unique. */
  url: string;
  title: string | null;
  addedBy: FeedOwner;
  addedAt: string;
  /** Validators from the last successful fetch, sent back as If-None-Match / If-Modified-Since. */
  etag: string | null;
  lastModified: string | null;
  lastPolledAt: string | null;
  lastSuccessAt: string | null;
  /** The most recent error, kept after a later success so the status shows it. */
  lastError: string | null;
  lastErrorAt: string | null;
  /** Errors since the last success; drives the backoff. */
  consecutiveErrors: number;
  nextPollAt: string;
  /** Items in the feed at the last successful fetch that returned a body. */
  itemsSeen: number;
  /** Articles stored from this feed, in total. */
  articlesAdded: number;
}

export interface NewFeed {
  url: string;
  title?: string | null;
  addedBy: FeedOwner;
  /** Also the first poll time: a new feed is due at once. */
  now: string;
}

export interface FeedSuccess {
  at: string;
  nextPollAt: string;
  /** The server answered 304: validators and item count stay as they were. */
  notModified: boolean;
  etag?: string | null;
  lastModified?: string | null;
  itemsSeen?: number;
  articlesAdded?: number;
  title?: string | null;
}

export interface FeedFailure {
  at: string;
  message: string;
  /** Errors in a row, this one included. */
  consecutiveErrors: number;
  /** When to try again (the backoff). */
  nextPollAt: string;
}

/** Persistence for followed feeds. Feeds are global to the store; each records who added it. */
export interface FeedStore {
  /** Adds a feed unless one with the same normalised URL exists; returns the stored record either way. */
  add(feed: NewFeed): Promise<{ added: boolean; feed: FeedRecord }>;
  get(url: string): Promise<FeedRecord | null>;
  /** Every feed, oldest first. */
  list(): Promise<FeedRecord[]>;
  /** Removes the feed with this (normalised) URL; false when there is none. */
  remove(url: string): Promise<boolean>;
  /** Feeds whose next poll time is at or before `now`, the most overdue first. */
  due(now: string): Promise<FeedRecord[]>;
  recordSuccess(id: number, success: FeedSuccess): Promise<void>;
  recordError(id: number, failure: FeedFailure): Promise<void>;
  /**
   * Of `itemIds`, those still to process, in the order given: never seen, or rejected fewer than
   * MAX_ITEM_ATTEMPTS times (a teaser page that timed out is tried again on a later poll).
   */
  pendingItems(id: number, itemIds: string[]): Promise<string[]>;
  /**
   * Records what became of the items processed in a poll, and forgets items no longer in the feed
   * (`currentIds`), so the table stays the size of the feed. Does nothing when the feed was removed meanwhile.
   */
  recordItems(id: number, outcome: ItemOutcome, currentIds: string[], at: string): Promise<void>;
}

/** Items of one poll: stored (or found to be duplicates), or rejected. */
export interface ItemOutcome {
  done: string[];
  failed: string[];
}

/** How many times an item is tried before newsdesk gives up on it. */
export const MAX_ITEM_ATTEMPTS = 3;

/**
 * The form a feed URL is stored and compared in: http(s) only, scheme and host lower-cased, default port,
 * fragment, an empty query and trailing dots of the host dropped. Throws URL_INVALID for anything else.
 */
export function normaliseFeedUrl(input: string): string {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch (err) {
    throw new NewsdeskError("URL_INVALID", `Not a valid URL: ${input.trim().slice(0, 200)}`, { cause: err });
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new NewsdeskError("URL_INVALID", `Not an http(s) URL: ${input.trim().slice(0, 200)}`);
  }
  url.hash = "";
  // "news.example." is news.example; "rss?" is "rss".
  if (url.hostname.endsWith(".")) url.hostname = url.hostname.replace(/\.+$/, "");
  return url.href.replace(/\?$/, "");
}
