import { randomUUID } from "node:crypto";
import type { ChannelPoster, ChannelRef } from "../core/channel.js";
import type { CoreDeps } from "../core/deps.js";
import { buildAlert } from "../core/digest/alert.js";
import { matchesTopic, matchText, parseTopic } from "../core/topic-query.js";
import type { Writer } from "../core/writer.js";
import { describeError } from "../errors.js";
import type { StoryRecord } from "../store/analysis.js";
import { type AlertRecord, channelKey, type Subscription } from "../store/channels.js";
import type { Store } from "../store/store.js";
import { holdingClaim, type LeaseHolder } from "./lease.js";

export interface AlertOptions {
  store: Store;
  posters: readonly ChannelPoster[];
  now: () => Date;
  logger: CoreDeps["logger"];
  owner?: string;
  /** Posts tried per (channel, story), at most. Default 5. */
  maxAttempts?: number;
  leaseMs?: number;
  /** How often (real ms) a claim is renewed while its alert is built and posted. Default a third of `leaseMs`. */
  renewEveryMs?: number;
  /** How far back the first scan after start looks for new articles. Default 2 hours. */
  lookbackMs?: number;
  /** Writes the alerts' sentences (a model, when configured); extractive by default. */
  writer?: Writer;
}

export interface AlertReport {
  posted: number;
  edited: number;
  failed: number;
}

/** Each scan looks again this far behind the previous one, for articles grouped after it ran. */
const OVERLAP_MS = 10 * 60_000;
const MAX_SCANNED = 2000;
/** Articles of a story read to match it against topics. */
const MATCHED_PER_STORY = 20;
/**
 * A story whose newest article was published longer ago than this is not news any more: it gets no new alert (a
 * newly followed feed's back catalogue would otherwise flood the channel). An alert already posted is still edited.
 */
const STALE_MS = 3 * 86_400_000;

function isStale(story: StoryRecord, now: Date): boolean {
  if (!story.end) return false;
  const newest = Date.parse(story.end.length === 10 ? `${story.end}T23:59:59Z` : story.end);
  return Number.isFinite(newest) && now.getTime() - newest > STALE_MS;
}

type AlertSub = { channel: ChannelRef; subscription: Subscription };

/**
 * Story alerts. After new articles are ingested and grouped, every subscription with alerts on gets each story
 * that matches it and first appeared after alerts were turned on: posted once per channel under a claim unique to
 * (channel, story); when later outlets join an alerted story, the same post is edited with the new source list. A
 * failed post is retried on later ticks, up to `maxAttempts`; one that no subscription asks for any more is given up.
 */
export class AlertNotifier {
  readonly #o: Required<Omit<AlertOptions, "writer" | "renewEveryMs">> &
    Pick<AlertOptions, "writer" | "renewEveryMs">;
  #scannedUntil: number | null = null;

  constructor(options: AlertOptions) {
    this.#o = {
      owner: `newsdesk-${randomUUID()}`,
      maxAttempts: 5,
      leaseMs: 10 * 60_000,
      lookbackMs: 2 * 3_600_000,
      ...options,
    };
  }

  /** Scans the articles ingested since the previous scan (by any process), and retries failed alerts. */
  async tick(): Promise<AlertReport> {
    const now = this.#o.now().getTime();
    const from = this.#scannedUntil === null ? now - this.#o.lookbackMs : this.#scannedUntil - OVERLAP_MS;
    // Failures of earlier ticks are retried; one of this tick waits for the next.
    const retry = await this.#retryable(now);
    const rows = await this.#o.store.channels.newsSince(new Date(from).toISOString(), MAX_SCANNED);
    const report = await this.process(rows.map((r) => r.articleId));
    if (retry.length) {
      const again = await this.process(retry.flatMap((a) => a.articleIds));
      report.posted += again.posted;
      report.edited += again.edited;
      report.failed += again.failed;
      await this.#abandonUntried(retry, now);
    }
    this.#scannedUntil = now;
    return report;
  }

  /** Failed (or lapsed) alerts of the platforms this process posts to. */
  #retryable(now: number): Promise<AlertRecord[]> {
    const platforms = this.#o.posters.map((p) => p.platform);
    return this.#o.store.channels.retryableAlerts(
      new Date(now).toISOString(),
      this.#o.maxAttempts,
      platforms,
    );
  }

  /**
   * Retried alerts that the retry did not even try to post (their subscription is gone or has alerts off, or the
   * story no longer matches it) never will be: they are given up, instead of being looked at on every tick and
   * crowding out the ones that can still go out.
   */
  async #abandonUntried(retried: AlertRecord[], now: number): Promise<void> {
    const tried = (a: AlertRecord) => `${channelKey(a.channel)}|${a.storyId}|${a.attempts}`;
    const before = new Set(retried.map(tried));
    for (const alert of await this.#retryable(now)) {
      if (!before.has(tried(alert))) continue;
      if (
        await this.#o.store.channels.abandonAlert(alert.channel, alert.storyId, this.#o.now().toISOString())
      ) {
        this.#o.logger.info(
          { channel: alert.channel, story: alert.storyId, topic: alert.topic },
          "alerts: gave up on an alert that no subscription asks for any more",
        );
      }
    }
  }

  /** Alerts for the stories of these (newly ingested) articles. */
  async process(articleIds: string[]): Promise<AlertReport> {
    const report: AlertReport = { posted: 0, edited: 0, failed: 0 };
    const store = this.#o.store;
    const subs = (await store.channels.alertSubscriptions()).filter((s) => this.#poster(s.channel));
    if (subs.length === 0 || articleIds.length === 0) return report;
    const storyIds = [...new Set((await store.storiesOfArticles(articleIds)).values())];
    const [stories, firstSeen] = await Promise.all([
      store.getStories(storyIds),
      store.channels.storiesFirstSeen(storyIds),
    ]);
    for (const story of stories) {
      const seen = firstSeen.get(story.id) ?? story.updatedAt;
      const fresh = subs.filter(
        (s) => s.subscription.alertsSince !== null && seen >= s.subscription.alertsSince,
      );
      if (fresh.length === 0) continue;
      const texts = await this.#texts(story);
      for (const sub of fresh) {
        const parsed = parseTopic(sub.subscription.topic);
        if (!parsed.ok) continue;
        const matching = texts.filter((t) => matchesTopic(parsed.query, t.text)).map((t) => t.id);
        if (matching.length === 0) continue;
        try {
          await this.#alert(sub, story, matching, report);
        } catch (err) {
          report.failed++;
          this.#o.logger.error({ err, channel: sub.channel, story: story.id }, "alerts: failed");
        }
      }
    }
    return report;
  }

  #poster(channel: ChannelRef): ChannelPoster | undefined {
    return this.#o.posters.find((p) => p.platform === channel.platform);
  }

  #lease(channel: ChannelRef, storyId: string): LeaseHolder {
    const { owner, leaseMs, now, logger } = this.#o;
    return {
      renew: (leaseUntil, at) => this.#o.store.channels.renewAlert(channel, storyId, owner, leaseUntil, at),
      now,
      leaseMs,
      everyMs: this.#o.renewEveryMs ?? leaseMs / 3,
      logger,
      what: { channel, story: storyId },
    };
  }

  async #texts(story: StoryRecord) {
    const articles = await this.#o.store.getArticles(story.articleIds.slice(-MATCHED_PER_STORY));
    return articles.map((a) => ({ id: a.id, text: matchText(`${a.title}\n${a.text}`) }));
  }

  async #alert(sub: AlertSub, story: StoryRecord, matching: string[], report: AlertReport): Promise<void> {
    const { channel } = sub;
    const poster = this.#poster(channel);
    if (!poster) return;
    const store = this.#o.store.channels;
    const now = () => this.#o.now().toISOString();
    const existing = await store.findAlert(channel, story.id, story.articleIds);
    if (!existing && isStale(story, this.#o.now())) return;
    if (existing?.state === "done" && existing.messageId) {
      const all = [...new Set([...existing.articleIds, ...story.articleIds])];
      if (all.length === existing.articleIds.length) return;
      // Only the process that moves the list on edits, so two processes do not both edit.
      if (!(await store.updateAlertArticles(channel, existing.storyId, existing.articleIds, all, now())))
        return;
      const reply = await buildAlert(story, existing.topic, matching, this.#o);
      if (!reply) return;
      try {
        await poster.edit(channel, { id: existing.messageId }, reply);
      } catch (err) {
        // Put the list back, so that a later scan sees the new articles again and edits then.
        await store.updateAlertArticles(channel, existing.storyId, all, existing.articleIds, now());
        throw err;
      }
      report.edited++;
      return;
    }
    const storyId = existing?.storyId ?? story.id;
    const topic = existing?.topic ?? sub.subscription.topic;
    const { owner, leaseMs, maxAttempts } = this.#o;
    const claim = await store.claimAlert(channel, storyId, topic, story.articleIds, {
      owner,
      now: now(),
      leaseMs,
      maxAttempts,
    });
    if (!claim.claimed) return;
    try {
      const posted = await holdingClaim(this.#lease(channel, storyId), async () => {
        const reply = await buildAlert(story, topic, matching, this.#o);
        if (!reply) throw new Error("nothing in the story could be quoted");
        return poster.post(channel, reply);
      });
      await store.completeAlert(channel, storyId, owner, posted.id, now());
      report.posted++;
    } catch (err) {
      await store.failAlert(channel, storyId, owner, describeError(err), now());
      report.failed++;
      this.#o.logger.warn({ err, channel, story: story.id, attempt: claim.attempt }, "alerts: post failed");
    }
  }
}
