import { randomUUID } from "node:crypto";
import cron, { type ScheduledTask } from "node-cron";
import type { ChannelPoster, ChannelRef } from "../core/channel.js";
import type { CoreDeps } from "../core/deps.js";
import { buildDigest, digestSince } from "../core/digest/build.js";
import type { DigestService } from "../core/digest/service.js";
import type { Reply } from "../core/reply.js";
import type { Writer } from "../core/writer.js";
import { describeError } from "../errors.js";
import type { DigestSettings } from "../store/channels.js";
import type { Store } from "../store/store.js";
import { archiveDigest } from "./archive.js";
import { cronLogger } from "./cron-logger.js";
import { holdingClaim, type LeaseHolder } from "./lease.js";
import { localDate, type Slot, slotKey, slotsBetween } from "./slots.js";

export interface DigestSchedulerOptions {
  store: Store;
  posters: readonly ChannelPoster[];
  now: () => Date;
  logger: CoreDeps["logger"];
  /** Where digests are archived as Markdown. */
  briefingsDir: string;
  /** A slot missed by at most this much (the bot was down) is still sent; older ones are skipped. */
  graceMinutes: number;
  /** Names this process in its claims. Default: random. */
  owner?: string;
  /** Sends tried per slot, at most. Default 5. */
  maxAttempts?: number;
  /** How long a claim holds before another process may take over a slot whose claimer vanished. Default 10 min. */
  leaseMs?: number;
  /** How often (real ms) a claim is renewed while its digest is built and posted. Default a third of `leaseMs`. */
  renewEveryMs?: number;
  /** Runs after each tick's digests (the story alerts). */
  afterTick?: () => Promise<void>;
  /** Writes the digests' sentences (a model, when configured); extractive by default. */
  writer?: Writer;
}

export interface TickReport {
  sent: string[];
  failed: string[];
  skipped: string[];
}

/** Missed slots are looked for this far back at start, to log them. */
const MISSED_LOOKBACK_MS = 7 * 86_400_000;

/**
 * Sends each channel's digest at its scheduled slots. `tick()` (every minute, from node-cron) finds the due slots
 * of every stored schedule within the grace window, claims each in the store under its unique key, builds the
 * digest, posts it through the channel platform's poster, records it and archives it. A failed send releases the
 * claim for a retry on a later tick, up to `maxAttempts`; a slot that was posted is never posted again.
 */
export class DigestScheduler implements DigestService {
  readonly #o: Required<Omit<DigestSchedulerOptions, "afterTick" | "writer" | "renewEveryMs">> &
    Pick<DigestSchedulerOptions, "afterTick" | "writer" | "renewEveryMs">;
  #task: ScheduledTask | null = null;
  #ticking: Promise<TickReport> | null = null;
  #stopped = false;

  constructor(options: DigestSchedulerOptions) {
    this.#o = {
      owner: `newsdesk-${randomUUID()}`,
      maxAttempts: 5,
      leaseMs: 10 * 60_000,
      ...options,
    };
  }

  /** Catches up on missed slots (within the grace window; older ones are skipped and logged), then ticks each minute. */
  async start(): Promise<TickReport> {
    this.#stopped = false;
    await this.#skipMissed();
    const report = await this.tick();
    // stop() came during the catch-up: no job may outlive it.
    if (this.#stopped) return report;
    this.#task ??= cron.schedule("* * * * *", () => this.#cronTick(), {
      name: "newsdesk-digests",
      noOverlap: true,
      logger: cronLogger(this.#o.logger, "newsdesk-digests"),
    });
    return report;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    const task = this.#task;
    this.#task = null;
    if (task) await task.destroy();
    await this.#ticking;
  }

  async #cronTick(): Promise<void> {
    try {
      await this.tick();
    } catch (err) {
      this.#o.logger.error({ err }, "digests: tick failed");
    }
  }

  /** Sends every due digest. Concurrent calls share one run. */
  tick(): Promise<TickReport> {
    this.#ticking ??= this.#tick().finally(() => {
      this.#ticking = null;
    });
    return this.#ticking;
  }

  async #tick(): Promise<TickReport> {
    const report: TickReport = { sent: [], failed: [], skipped: [] };
    const now = this.#o.now();
    for (const settings of await this.#o.store.channels.enabledDigests()) {
      const poster = this.#posterFor(settings.channel);
      // Another process serving this platform will send it.
      if (!poster) continue;
      try {
        await this.#runChannel(settings, poster, now, report);
      } catch (err) {
        this.#o.logger.error({ err, channel: settings.channel }, "digests: channel failed");
      }
    }
    try {
      await this.#o.afterTick?.();
    } catch (err) {
      this.#o.logger.error({ err }, "digests: after-tick work failed");
    }
    return report;
  }

  #posterFor(channel: ChannelRef): ChannelPoster | undefined {
    return this.#o.posters.find((p) => p.platform === channel.platform);
  }

  /** Slots of a schedule after it was set, in (from, to]. */
  #slots(settings: DigestSettings, from: number, to: Date): Slot[] {
    const start = Math.max(from, Date.parse(settings.updatedAt) || 0);
    return slotsBetween(settings, new Date(start), to);
  }

  async #runChannel(settings: DigestSettings, poster: ChannelPoster, now: Date, report: TickReport) {
    const due = this.#slots(settings, now.getTime() - this.#o.graceMinutes * 60_000, now);
    const slot = due.at(-1);
    if (!slot) return;
    const { channel } = settings;
    const store = this.#o.store.channels;
    // Only the latest missed slot is sent: one digest covers the news since the previous one.
    for (const older of due.slice(0, -1)) {
      const olderKey = await this.#keyOf(channel, older);
      if (await store.skipSlot(olderKey, channel, older.at.toISOString(), now.toISOString())) {
        report.skipped.push(olderKey);
      }
    }
    const key = await this.#keyOf(channel, slot);
    const { owner, leaseMs, maxAttempts } = this.#o;
    const terms = { owner, now: now.toISOString(), leaseMs, maxAttempts };
    const claim = await store.claimSlot(key, channel, slot.at.toISOString(), terms);
    if (!claim.claimed) {
      if (claim.state === "abandoned") this.#o.logger.error({ slot: key }, "digests: gave up on a slot");
      return;
    }
    let reply: Reply;
    let messageId: string;
    try {
      // Building (a model may write it) and posting (a platform may rate-limit) can outlast the lease: keep it.
      ({ reply, messageId } = await holdingClaim(this.#lease(key), async () => {
        const built = await buildDigest(channel, this.#o, {
          since: digestSince(settings.lastSentAt, now),
          zone: settings.zone,
        });
        return { reply: built, messageId: (await poster.post(channel, built)).id };
      }));
    } catch (err) {
      await store.failSlot(key, owner, describeError(err), this.#o.now().toISOString());
      this.#o.logger.warn({ err, slot: key, attempt: claim.attempt }, "digests: post failed, will retry");
      report.failed.push(key);
      return;
    }
    // The digest covered the news up to `now`: the next one starts there.
    if (!(await store.completeSlot(key, owner, messageId, now.toISOString()))) {
      this.#o.logger.warn({ slot: key }, "digests: claim lapsed while posting");
    }
    report.sent.push(key);
    await this.#archive(slot.date, channel, reply);
  }

  /**
   * The claim key of a slot: channel + local date + time, unless that key is already taken by a slot at another
   * instant (the channel's zone changed, and the old zone had a slot on the same local date at the same time); then
   * the instant is part of the key, so the new zone's digest is not mistaken for the old one.
   */
  async #keyOf(channel: ChannelRef, slot: Slot): Promise<string> {
    const key = slotKey(channel, slot);
    const at = slot.at.toISOString();
    const taken = await this.#o.store.channels.getSlot(key);
    return taken === null || taken.slotAt === at ? key : `${key}|${at}`;
  }

  #lease(key: string): LeaseHolder {
    const { owner, leaseMs, now, logger } = this.#o;
    return {
      renew: (leaseUntil, at) => this.#o.store.channels.renewSlot(key, owner, leaseUntil, at),
      now,
      leaseMs,
      everyMs: this.#o.renewEveryMs ?? leaseMs / 3,
      logger,
      what: { slot: key },
    };
  }

  async #archive(date: string, channel: ChannelRef, reply: Reply): Promise<void> {
    try {
      await archiveDigest(this.#o.briefingsDir, date, channel, reply);
    } catch (err) {
      this.#o.logger.error({ err, channel }, "digests: could not archive a digest");
    }
  }

  /** Marks and logs slots missed beyond the grace window since each schedule's last digest. */
  async #skipMissed(): Promise<void> {
    const now = this.#o.now();
    const graceStart = new Date(now.getTime() - this.#o.graceMinutes * 60_000);
    const store = this.#o.store.channels;
    for (const settings of await store.enabledDigests()) {
      if (!this.#posterFor(settings.channel)) continue;
      const since = Math.max(Date.parse(settings.lastSentAt ?? "") || 0, now.getTime() - MISSED_LOOKBACK_MS);
      for (const slot of this.#slots(settings, since, graceStart)) {
        const key = await this.#keyOf(settings.channel, slot);
        if (await store.skipSlot(key, settings.channel, slot.at.toISOString(), now.toISOString())) {
          this.#o.logger.warn(
            { slot: key, at: slot.at.toISOString(), graceMinutes: this.#o.graceMinutes },
            "digests: missed a digest while down, older than the grace window: skipped",
          );
        }
      }
    }
  }

  /** /digest now: the channel's digest since its previous one, archived and recorded (the caller shows it). */
  async runNow(channel: ChannelRef): Promise<Reply> {
    const store = this.#o.store.channels;
    const settings = await store.getDigest(channel);
    const now = this.#o.now();
    const zone = settings?.zone ?? "UTC";
    const reply = await buildDigest(channel, this.#o, {
      since: digestSince(settings?.lastSentAt ?? null, now),
      zone,
    });
    await store.recordDigestSent(channel, now.toISOString());
    await this.#archive(localDate(now, zone), channel, reply);
    return reply;
  }
}
