import type { RunningAdapter } from "../adapters/adapter.js";
import { startDiscord } from "../adapters/discord/start.js";
import { startSlack } from "../adapters/slack/start.js";
import type { ChannelPoster } from "../core/channel.js";
import { describeError } from "../errors.js";
import type { Logger } from "../logger.js";
import { FeedPoller } from "../schedule/feed-poller.js";
import { startSchedules } from "../schedule/start-schedules.js";
import type { Store } from "../store/store.js";
import type { RuntimeDeps } from "./core-deps.js";
import type { Settings } from "./settings.js";

export interface RunningServices {
  /** The chat platforms that started ("slack", "discord"). */
  adapters: RunningAdapter[];
  /** Stops polling, schedules and platforms, in that order; safe to call once everything is idle or not. */
  stop(): Promise<void>;
}

export interface StartServicesOptions {
  store: Store;
  settings: Settings;
  runtime: RuntimeDeps;
  logger: Logger;
  now: () => Date;
  /** Posters beyond the chat platforms, e.g. the terminal prompt's. */
  extraPosters?: ChannelPoster[];
}

async function stopAll(label: string, parts: Array<() => Promise<void>>, logger: Logger): Promise<void> {
  for (const stop of parts) {
    try {
      await stop();
    } catch (err) {
      logger.warn({ err, part: label }, `serve: stopping failed: ${describeError(err)}`);
    }
  }
}

/**
 * Starts everything `serve` runs besides the terminal prompt: the configured chat platforms, then digests and story
 * alerts posting through them, then feed polling (new items are grouped, then alerted at once). If a platform fails
 * to start, whatever already started is stopped and the error (naming the setting to fix) is thrown.
 */
export async function startServices(options: StartServicesOptions): Promise<RunningServices> {
  const { store, settings, runtime, logger, now } = options;
  const { deps } = runtime;
  const adapters: RunningAdapter[] = [];
  const stoppers: Array<() => Promise<void>> = [];
  const stop = () => stopAll("serve", stoppers.reverse(), logger);
  try {
    if (settings.slack) adapters.push(await startSlack({ config: settings.slack, deps, logger }));
    if (settings.discord) adapters.push(await startDiscord({ config: settings.discord, deps, logger }));
    for (const adapter of adapters) stoppers.push(() => adapter.stop());

    const schedules = await startSchedules({
      store,
      posters: [...adapters.map((a) => a.poster), ...(options.extraPosters ?? [])],
      config: settings.config,
      logger,
      now,
      ...(deps.writer ? { writer: deps.writer } : {}),
    });
    stoppers.push(() => schedules.stop());
    // The adapters hold `deps`: from here on /digest now posts and archives through the running scheduler.
    deps.digests = schedules.digests;

    const poller = new FeedPoller({
      store,
      logger,
      now,
      guard: runtime.guard,
      limits: runtime.limits,
      pollMinutes: settings.feedPollMinutes,
      onIngested: async (ids) => {
        await schedules.alerts.process(ids);
      },
    });
    poller.start();
    stoppers.push(() => poller.stop());
  } catch (err) {
    await stop();
    throw err;
  }
  return { adapters, stop };
}
