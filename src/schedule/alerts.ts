import { randomUUID } from "node:crypto";
import type { ChannelPoster, ChannelRef } from "../core/channel.js";
import type { CoreDeps } from "../core/deps.js";
import { buildAlert } from "../core/digest/alert.js";
import { matchesTopic, matchText, parseTopic } from "../core/topic-query.js";
import type { Writer } from "../core/writer.js";
import { describeError } from "../errors.js";
import type { StoryRecord } from "../store/analysis.js";
import type { Subscription } from "../store/channels.js";
import type { Store } from "../store/store.js";

export interface AlertOptions {
  store: Store;
  posters: readonly ChannelPoster[];
  now: () => Date;
  logger: CoreDeps["logger"];
  owner?: string;
  /** Posts tried per (channel, story), at most. Default 5. */
  maxAttempts?: number;
  leaseMs?: number;
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

type AlertSub = { channel: ChannelRef; subscription: Subscription };

/**
 * Story alerts. After new articles are ingested and grouped, every subscription with alerts on gets each story
 * that matches it and first appeared after alerts were turned on: posted once per channel under a claim unique to
 * (channel, story); when later outlets join an alerted story, the same post is edited with the new source list.
 */
export class AlertNotifier {
  readonly #o: Required<Omit<AlertOptions, "writer">> & Pick<AlertOptions, "writer">;
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
    const retry = await this.#o.store.channels.retryableAlerts(
      new Date(now).toISOString(),
      this.#o.maxAttempts,
    );
    const rows = await this.#o.store.channels.newsSince(new Date(from).toISOString(), MAX_SCANNED);
    const report = await this.process(rows.map((r) => r.articleId));
    if (retry.length) {
      const again = await this.process(retry.flatMap((a) => a.articleIds));
      report.posted += again.posted;
      report.edited += again.edited;
      report.failed += again.failed;
    }
    this.#scannedUntil = now;
    return report;
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
    if (existing?.state === "done" && existing.messageId) {
      const all = [...new Set([...existing.articleIds, ...story.articleIds])];
      if (all.length === existing.articleIds.length) return;
      // Only the process that moves the list on edits, so two processes do not both edit.
      if (!(await store.updateAlertArticles(channel, existing.storyId, existing.articleIds, all, now())))
        return;
      const reply = await buildAlert(story, existing.topic, matching, this.#o);
      if (!reply) return;
      await poster.edit(channel, { id: existing.messageId }, reply);
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
      const reply = await buildAlert(story, topic, matching, this.#o);
      if (!reply) throw new Error("nothing in the story could be quoted");
      const posted = await poster.post(channel, reply);
      await store.completeAlert(channel, storyId, owner, posted.id, now());
      report.posted++;
    } catch (err) {
      await store.failAlert(channel, storyId, owner, describeError(err), now());
      report.failed++;
      this.#o.logger.warn({ err, channel, story: story.id, attempt: claim.attempt }, "alerts: post failed");
    }
  }
}
