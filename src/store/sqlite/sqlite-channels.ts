import type Database from "better-sqlite3";
import type { ChannelRef } from "../../core/channel.js";
import {
  type AlertRecord,
  type ChannelStore,
  type ClaimResult,
  type ClaimTerms,
  channelKey,
  type DigestSchedule,
  type DigestSettings,
  type NewsRow,
  type SlotRecord,
  type Subscription,
} from "../channels.js";
import {
  applyClaim,
  channelOf,
  decide,
  leaseUntil,
  toAlert,
  toDigest,
  toSlot,
  toSubscription,
} from "./channel-rows.js";
import { type ChannelStatements, prepareChannelStatements } from "./channel-statements.js";
import { wrap } from "./support.js";

/** The ChannelStore on the SQLite connection of a SqliteStore. Claims run in IMMEDIATE transactions. */
export class SqliteChannels implements ChannelStore {
  readonly #st: ChannelStatements;
  readonly #claimSlot: (key: string, channel: ChannelRef, slotAt: string, terms: ClaimTerms) => ClaimResult;
  readonly #claimAlert: (
    channel: ChannelRef,
    storyId: string,
    topic: string,
    ids: string[],
    terms: ClaimTerms,
  ) => ClaimResult;
  readonly #subscribe: (channel: ChannelRef, topic: string, alerts: boolean, now: string) => boolean;
  readonly #completeSlot: (key: string, owner: string, messageId: string, now: string) => boolean;

  constructor(db: Database.Database) {
    const st = prepareChannelStatements(db);
    this.#st = st;
    const claimSlot = db.transaction((key: string, channel: ChannelRef, slotAt: string, t: ClaimTerms) => {
      const d = decide(st.slot.get(key), t);
      return applyClaim(d, t, {
        insert: () =>
          st.insertSlot.run(key, channelKey(channel), slotAt, "claimed", 1, t.owner, leaseUntil(t), t.now),
        again: (attempt, state, owner, lease) => st.reclaimSlot.run(state, attempt, owner, lease, t.now, key),
      });
    });
    this.#claimSlot = (...args) => claimSlot.immediate(...args);
    const claimAlert = db.transaction(
      (channel: ChannelRef, storyId: string, topic: string, ids: string[], t: ClaimTerms) => {
        const ck = channelKey(channel);
        const { platform, workspaceId, channelId } = channel;
        return applyClaim(decide(st.alert.get(ck, storyId), t), t, {
          insert: () =>
            st.insertAlert.run(
              ck,
              storyId,
              platform,
              workspaceId,
              channelId,
              topic,
              t.owner,
              leaseUntil(t),
              JSON.stringify(ids),
              t.now,
              t.now,
            ),
          again: (attempt, state, owner, lease) =>
            st.reclaimAlert.run(state, attempt, owner, lease, t.now, ck, storyId),
        });
      },
    );
    this.#claimAlert = (...args) => claimAlert.immediate(...args);
    const subscribe = db.transaction((channel: ChannelRef, topic: string, alerts: boolean, now: string) => {
      const ck = channelKey(channel);
      const row = st.subscription.get(ck, topic);
      if (row === undefined) {
        const { platform, workspaceId, channelId } = channel;
        st.subscribe.run(ck, platform, workspaceId, channelId, topic, now, alerts ? now : null);
        return true;
      }
      // Turning alerts on starts them now; keeping them on keeps their start.
      const since = alerts ? (row.alerts_since ?? now) : null;
      st.setAlerts.run(since, ck, topic);
      return false;
    });
    this.#subscribe = (...args) => subscribe.immediate(...args);
    const completeSlot = db.transaction((key: string, owner: string, messageId: string, now: string) => {
      const slot = st.slot.get(key);
      if (slot === undefined || st.completeSlot.run(messageId, now, key, owner).changes !== 1) return false;
      st.digestSent.run(now, slot.channel_key);
      return true;
    });
    this.#completeSlot = (...args) => completeSlot.immediate(...args);
  }

  #run<T>(op: string, fn: (st: ChannelStatements) => T): Promise<T> {
    try {
      return Promise.resolve(fn(this.#st));
    } catch (err) {
      return Promise.reject(wrap(op, err));
    }
  }

  subscribe(channel: ChannelRef, topic: string, alerts: boolean, now: string) {
    return this.#run("subscribe", (st) => {
      const created = this.#subscribe(channel, topic, alerts, now);
      const row = st.subscription.get(channelKey(channel), topic);
      if (row === undefined) throw new Error("the subscription vanished while it was written");
      return { created, subscription: toSubscription(row) };
    });
  }
  unsubscribe(channel: ChannelRef, topic: string): Promise<boolean> {
    return this.#run("unsubscribe", (st) => st.unsubscribe.run(channelKey(channel), topic).changes > 0);
  }
  subscriptions(channel: ChannelRef): Promise<Subscription[]> {
    return this.#run("subscriptions", (st) => st.subscriptions.all(channelKey(channel)).map(toSubscription));
  }
  alertSubscriptions() {
    return this.#run("alert subscriptions", (st) =>
      st.alertSubscriptions.all().map((r) => ({ channel: channelOf(r), subscription: toSubscription(r) })),
    );
  }

  setDigest(channel: ChannelRef, s: DigestSchedule, now: string): Promise<void> {
    return this.#run("set digest", (st) => {
      const { platform, workspaceId, channelId } = channel;
      st.setDigest.run(channelKey(channel), platform, workspaceId, channelId, s.time, s.zone, s.days, now);
    });
  }
  disableDigest(channel: ChannelRef, now: string): Promise<boolean> {
    return this.#run("disable digest", (st) => st.disableDigest.run(now, channelKey(channel)).changes > 0);
  }
  getDigest(channel: ChannelRef): Promise<DigestSettings | null> {
    return this.#run("get digest", (st) => {
      const row = st.digest.get(channelKey(channel));
      return row === undefined ? null : toDigest(row);
    });
  }
  enabledDigests(): Promise<DigestSettings[]> {
    return this.#run("list digests", (st) => st.enabledDigests.all().map(toDigest));
  }
  recordDigestSent(channel: ChannelRef, sentAt: string): Promise<void> {
    return this.#run("record digest", (st) => {
      const { platform, workspaceId, channelId } = channel;
      st.recordSent.run(channelKey(channel), platform, workspaceId, channelId, sentAt, sentAt);
    });
  }

  claimSlot(key: string, channel: ChannelRef, slotAt: string, terms: ClaimTerms): Promise<ClaimResult> {
    return this.#run("claim slot", () => this.#claimSlot(key, channel, slotAt, terms));
  }
  completeSlot(key: string, owner: string, messageId: string, now: string): Promise<boolean> {
    return this.#run("complete slot", () => this.#completeSlot(key, owner, messageId, now));
  }
  renewSlot(key: string, owner: string, leaseUntil: string, now: string): Promise<boolean> {
    return this.#run("renew slot", (st) => st.renewSlot.run(leaseUntil, now, key, owner).changes === 1);
  }
  failSlot(key: string, owner: string, error: string, now: string): Promise<void> {
    return this.#run("fail slot", (st) => {
      st.failSlot.run(error.slice(0, 500), now, key, owner);
    });
  }
  skipSlot(key: string, channel: ChannelRef, slotAt: string, now: string): Promise<boolean> {
    return this.#run(
      "skip slot",
      (st) => st.insertSlot.run(key, channelKey(channel), slotAt, "skipped", 0, null, null, now).changes > 0,
    );
  }
  getSlot(key: string): Promise<SlotRecord | null> {
    return this.#run("get slot", (st) => {
      const row = st.slot.get(key);
      return row === undefined ? null : toSlot(row);
    });
  }

  findAlert(channel: ChannelRef, storyId: string, articleIds: string[]): Promise<AlertRecord | null> {
    return this.#run("find alert", (st) => {
      const ck = channelKey(channel);
      const row = st.alert.get(ck, storyId) ?? st.alertByArticles.get(ck, JSON.stringify(articleIds));
      return row === undefined ? null : toAlert(row);
    });
  }
  claimAlert(channel: ChannelRef, storyId: string, topic: string, ids: string[], terms: ClaimTerms) {
    return this.#run("claim alert", () => this.#claimAlert(channel, storyId, topic, ids, terms));
  }
  completeAlert(channel: ChannelRef, storyId: string, owner: string, messageId: string, now: string) {
    return this.#run(
      "complete alert",
      (st) => st.completeAlert.run(messageId, now, channelKey(channel), storyId, owner).changes === 1,
    );
  }
  failAlert(channel: ChannelRef, storyId: string, owner: string, error: string, now: string): Promise<void> {
    return this.#run("fail alert", (st) => {
      st.failAlert.run(error.slice(0, 500), now, channelKey(channel), storyId, owner);
    });
  }
  renewAlert(channel: ChannelRef, storyId: string, owner: string, leaseUntil: string, now: string) {
    return this.#run(
      "renew alert",
      (st) => st.renewAlert.run(leaseUntil, now, channelKey(channel), storyId, owner).changes === 1,
    );
  }
  abandonAlert(channel: ChannelRef, storyId: string, now: string): Promise<boolean> {
    return this.#run(
      "abandon alert",
      (st) => st.abandonAlert.run(now, channelKey(channel), storyId, now).changes === 1,
    );
  }
  updateAlertArticles(channel: ChannelRef, storyId: string, from: string[], to: string[], now: string) {
    return this.#run("update alert", (st) => {
      const ck = channelKey(channel);
      return (
        st.updateAlertArticles.run(JSON.stringify(to), now, ck, storyId, JSON.stringify(from)).changes === 1
      );
    });
  }
  retryableAlerts(now: string, maxAttempts: number, platforms?: readonly string[]): Promise<AlertRecord[]> {
    const only = platforms === undefined ? null : JSON.stringify([...platforms]);
    return this.#run("retryable alerts", (st) =>
      st.retryableAlerts.all({ max: maxAttempts, now, platforms: only }).map(toAlert),
    );
  }

  newsSince(since: string, limit: number): Promise<NewsRow[]> {
    return this.#run("news since", (st) =>
      st.newsSince
        .all(since, Math.max(0, Math.floor(limit)))
        .map((r) => ({ articleId: r.id, storyId: r.story, ingestedAt: r.ingested_at })),
    );
  }
  storiesFirstSeen(storyIds: string[]): Promise<Map<string, string>> {
    return this.#run("stories first seen", (st) => {
      if (storyIds.length === 0) return new Map();
      return new Map(st.firstSeen.all(JSON.stringify([...new Set(storyIds)])).map((r) => [r.story, r.first]));
    });
  }
}
