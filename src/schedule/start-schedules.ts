import type { Config } from "../config.js";
import type { ChannelPoster } from "../core/channel.js";
import type { CoreDeps } from "../core/deps.js";
import type { Writer } from "../core/writer.js";
import type { Store } from "../store/store.js";
import { AlertNotifier } from "./alerts.js";
import { DigestScheduler } from "./digest-scheduler.js";

export interface ScheduleOptions {
  store: Store;
  /** One per connected platform (Slack, Discord, the terminal). Channels of other platforms are left alone. */
  posters: readonly ChannelPoster[];
  config: Pick<Config, "digestGraceMinutes" | "briefingsDir">;
  logger: CoreDeps["logger"];
  now: () => Date;
  /** The model writer, when configured: digests and alerts are written like /brief. */
  writer?: Writer;
}

export interface RunningSchedules {
  /** For CoreDeps.digests (/digest now). */
  digests: DigestScheduler;
  /** Call `process(articleIds)` right after an ingest for alerts without waiting for the next tick. */
  alerts: AlertNotifier;
  stop(): Promise<void>;
}

/**
 * Starts the digests and story alerts for `serve`: catches up on digests missed within the grace window, then
 * ticks every minute (node-cron), sending due digests and alerting on stories ingested since the last tick.
 */
export async function startSchedules(options: ScheduleOptions): Promise<RunningSchedules> {
  const { store, posters, logger, now, config } = options;
  const writer = options.writer ? { writer: options.writer } : {};
  const alerts = new AlertNotifier({
    store,
    posters,
    logger,
    now,
    lookbackMs: config.digestGraceMinutes * 60_000,
    ...writer,
  });
  const digests = new DigestScheduler({
    store,
    posters,
    logger,
    now,
    briefingsDir: config.briefingsDir,
    graceMinutes: config.digestGraceMinutes,
    afterTick: async () => {
      await alerts.tick();
    },
    ...writer,
  });
  await digests.start();
  return { digests, alerts, stop: () => digests.stop() };
}
