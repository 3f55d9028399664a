import type { ChannelRef } from "../core/channel.js";

/**
 * A channel's setup (subscriptions, digest schedule) and the claims that make scheduled posts happen once, even
 * with several newsdesk processes on one database. Times are ISO strings (`Date.toISOString()`), from the injected
 * clock of whoever calls.
 */

export type DigestDays = "daily" | "weekdays";

/** When a channel's digest runs: `time` is local "HH:MM" in the IANA `zone`. */
export interface DigestSchedule {
  time: string;
  zone: string;
  days: DigestDays;
}

export interface Subscription {
  /** The topic in canonical form (see core/topic-query): the key for /unsubscribe. */
  topic: string;
  createdAt: string;
  /** When per-story alerts were turned on; null when they are off. */
  alertsSince: string | null;
}

export interface DigestSettings extends DigestSchedule {
  channel: ChannelRef;
  enabled: boolean;
  /** When the schedule was last set or turned off: slots before it are not due. */
  updatedAt: string;
  /** When the channel's latest digest (scheduled or /digest now) was sent; the next one covers news since then. */
  lastSentAt: string | null;
}

/** A claim's state. "abandoned": it failed too often and is not tried again. */
export type ClaimState = "claimed" | "done" | "failed" | "skipped" | "abandoned";

export type ClaimResult = { claimed: true; attempt: number } | { claimed: false; state: ClaimState };

/** Who claims, when, for how long (a crashed claimer's claim lapses after the lease) and how often at most. */
export interface ClaimTerms {
  owner: string;
  now: string;
  leaseMs: number;
  maxAttempts: number;
}

export interface SlotRecord {
  key: string;
  channelKey: string;
  slotAt: string;
  state: ClaimState;
  attempts: number;
  messageId: string | null;
  lastError: string | null;
  /** Until when a claimed slot is held (renewed while a slow send is in flight); null when not claimed. */
  leaseUntil: string | null;
}

export interface AlertRecord {
  channel: ChannelRef;
  storyId: string;
  topic: string;
  state: ClaimState;
  attempts: number;
  messageId: string | null;
  /** The story's articles shown in the post, to tell when later articles joined it. */
  articleIds: string[];
}

/** An article ingested since some time, with its story (null until it is grouped). */
export interface NewsRow {
  articleId: string;
  storyId: string | null;
  ingestedAt: string;
}

export interface ChannelStore {
  /** Adds the topic, or updates whether it alerts. `created` is false when the channel already had it. */
  subscribe(
    channel: ChannelRef,
    topic: string,
    alerts: boolean,
    now: string,
  ): Promise<{ created: boolean; subscription: Subscription }>;
  /** Whether the channel had the topic. */
  unsubscribe(channel: ChannelRef, topic: string): Promise<boolean>;
  /** The channel's subscriptions, oldest first. */
  subscriptions(channel: ChannelRef): Promise<Subscription[]>;
  /** Every subscription with alerts on, in every channel. */
  alertSubscriptions(): Promise<Array<{ channel: ChannelRef; subscription: Subscription }>>;

  setDigest(channel: ChannelRef, schedule: DigestSchedule, now: string): Promise<void>;
  /** Turns the digest off (keeping when the last one was sent). Whether one was on. */
  disableDigest(channel: ChannelRef, now: string): Promise<boolean>;
  getDigest(channel: ChannelRef): Promise<DigestSettings | null>;
  enabledDigests(): Promise<DigestSettings[]>;
  /** Records a digest sent outside the schedule (/digest now), also in a channel with no schedule. */
  recordDigestSent(channel: ChannelRef, sentAt: string): Promise<void>;

  /** Claims a digest slot under its unique key (see schedule/slots), or says why not. */
  claimSlot(key: string, channel: ChannelRef, slotAt: string, terms: ClaimTerms): Promise<ClaimResult>;
  /** Marks a claimed slot sent and records it as the channel's last digest. False when the claim was lost. */
  completeSlot(key: string, owner: string, messageId: string, now: string): Promise<boolean>;
  /**
   * Extends a claim that `owner` still holds to `leaseUntil`, while its digest is built and posted (a slow platform
   * must not let the lease run out, or another process would post the slot again). False when the claim was lost.
   */
  renewSlot(key: string, owner: string, leaseUntil: string, now: string): Promise<boolean>;
  /** Releases a claimed slot after a failed send, for a later retry. */
  failSlot(key: string, owner: string, error: string, now: string): Promise<void>;
  /** Marks a slot that will not be sent (missed beyond the grace window), unless it is claimed already. */
  skipSlot(key: string, channel: ChannelRef, slotAt: string, now: string): Promise<boolean>;
  getSlot(key: string): Promise<SlotRecord | null>;

  /** The channel's alert for a story, or for another story holding any of `articleIds` (stories re-grouped). */
  findAlert(channel: ChannelRef, storyId: string, articleIds: string[]): Promise<AlertRecord | null>;
  /** Claims the alert for (channel, story), unique per pair. */
  claimAlert(
    channel: ChannelRef,
    storyId: string,
    topic: string,
    articleIds: string[],
    terms: ClaimTerms,
  ): Promise<ClaimResult>;
  completeAlert(
    channel: ChannelRef,
    storyId: string,
    owner: string,
    messageId: string,
    now: string,
  ): Promise<boolean>;
  failAlert(channel: ChannelRef, storyId: string, owner: string, error: string, now: string): Promise<void>;
  /** Extends an alert claim `owner` still holds while its post is in flight; false when the claim was lost. */
  renewAlert(
    channel: ChannelRef,
    storyId: string,
    owner: string,
    leaseUntil: string,
    now: string,
  ): Promise<boolean>;
  /**
   * Gives up on an alert that failed (or whose claimer vanished) and will not be tried again: its subscription is
   * gone, or its story no longer matches. Only while it is still retryable; whether it was.
   */
  abandonAlert(channel: ChannelRef, storyId: string, now: string): Promise<boolean>;
  /** Replaces a posted alert's article list if it is still `from`: true for the one caller that should edit. */
  updateAlertArticles(
    channel: ChannelRef,
    storyId: string,
    from: string[],
    to: string[],
    now: string,
  ): Promise<boolean>;
  /**
   * Alerts whose send failed (or whose claimer vanished) and may be tried again, oldest first; only those of
   * `platforms` when given (a process retries what it can post).
   */
  retryableAlerts(now: string, maxAttempts: number, platforms?: readonly string[]): Promise<AlertRecord[]>;

  /** Articles ingested at or after `since`, newest first, at most `limit`. */
  newsSince(since: string, limit: number): Promise<NewsRow[]>;
  /** When each story first appeared: the earliest ingest time of its articles. */
  storiesFirstSeen(storyIds: string[]): Promise<Map<string, string>>;
}

/** A channel as one string: platform, workspace and channel id, each URI-encoded, joined with ":". */
export function channelKey(channel: ChannelRef): string {
  return [channel.platform, channel.workspaceId, channel.channelId].map(encodeURIComponent).join(":");
}
