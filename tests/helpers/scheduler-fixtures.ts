/** A digest scheduler on a test store and clock, stopped and closed after each test. */
import { afterEach } from "vitest";
import type { ChannelPoster } from "../../src/core/channel.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { DigestScheduler, type DigestSchedulerOptions } from "../../src/schedule/digest-scheduler.js";
import type { DigestSchedule } from "../../src/store/channels.js";
import type { Store } from "../../src/store/store.js";
import { channelEnv, SLACK_GENERAL } from "./channel-fixtures.js";
import { tempDir } from "./ingest-env.js";

export const MINUTE = 60_000;
export const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});

export async function setup(start: string, schedule: DigestSchedule, setAt = "2026-05-01T00:00:00Z") {
  const env = await channelEnv(start);
  cleanup.push(() => env.store.close());
  await env.store.channels.setDigest(SLACK_GENERAL, schedule, setAt);
  return env;
}

export function scheduler(
  store: Store,
  now: () => Date,
  poster: ChannelPoster,
  extra: Partial<DigestSchedulerOptions> = {},
) {
  const s = new DigestScheduler({
    store,
    posters: [poster],
    now,
    logger: extra.logger ?? quiet(),
    briefingsDir: tempDir().dir,
    graceMinutes: 120,
    ...extra,
  });
  cleanup.push(() => s.stop());
  return s;
}

export function quiet(warnings: string[] = []): CoreDeps["logger"] {
  const none = () => undefined;
  return {
    debug: none,
    info: none,
    error: none,
    warn: (_obj: unknown, msg?: string) => warnings.push(msg ?? ""),
  };
}

export const berlin8: DigestSchedule = { time: "08:00", zone: "Europe/Berlin", days: "daily" };
