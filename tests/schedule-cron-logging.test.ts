import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChannelPoster, PostedMessage } from "../src/core/channel.js";
import type { CoreDeps } from "../src/core/deps.js";
import type { Logger } from "../src/logger.js";
import { silentLogger } from "../src/logger.js";
import { FeedPoller } from "../src/schedule/feed-poller.js";
import { feedEnv, testClock } from "./helpers/feed-fixtures.js";
import { startLocalServer } from "./helpers/local-server.js";
import { berlin8, cleanup, scheduler, setup } from "./helpers/scheduler-fixtures.js";

const MINUTE = 60_000;

/** A logger that records every message with its level. */
function recordingLogger() {
  const lines: string[] = [];
  const at =
    (level: string) =>
    (obj: unknown, msg?: string): void => {
      lines.push(`${level}: ${typeof obj === "string" ? obj : (msg ?? "")}`);
    };
  const logger = { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
  return { logger, lines };
}

let printed: string[];
beforeEach(() => {
  printed = [];
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      printed.push(args.map(String).join(" "));
    });
  }
  vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"] });
  vi.setSystemTime(new Date("2026-05-05T05:59:30Z"));
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("the node-cron jobs", () => {
  it("report a digest tick that overruns the minute to the injected logger, not to the console", async () => {
    const { store, clock } = await setup("2026-05-05T05:59:30Z", berlin8);
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    cleanup.unshift(async () => release());
    let posts = 0;
    const slow: ChannelPoster = {
      platform: "slack",
      async post(): Promise<PostedMessage> {
        posts++;
        await gate;
        return { id: "m1" };
      },
      async edit() {},
    };
    const { logger, lines } = recordingLogger();
    const s = scheduler(store, clock.now, slow, { logger: logger as CoreDeps["logger"] });
    await s.start();
    clock.set("2026-05-05T06:00:05Z");
    await vi.advanceTimersByTimeAsync(MINUTE);
    await vi.waitFor(() => expect(posts).toBe(1));
    await vi.advanceTimersByTimeAsync(MINUTE);
    await vi.advanceTimersByTimeAsync(MINUTE);
    release();
    expect(printed).toEqual([]);
    expect(lines.some((l) => l.includes("still running"))).toBe(true);
  });

  it("report a feed round that overruns the minute to the injected logger, not to the console", async () => {
    const server = await startLocalServer({ "/hang.xml": () => {} });
    const env = await feedEnv({ fetchTimeoutMs: 30 * MINUTE });
    const clock = testClock("2026-05-05T05:59:30Z");
    const { logger, lines } = recordingLogger();
    const poller = new FeedPoller({
      ...env,
      logger: { ...silentLogger, ...logger } as unknown as Logger,
      now: clock.now,
      pollMinutes: 15,
    });
    cleanup.push(async () => {
      await server.close();
      await poller.stop();
      await env.store.close();
    });
    await env.store.feeds.add({
      url: server.url("/hang.xml"),
      addedBy: "cli",
      now: clock.now().toISOString(),
    });
    poller.start();
    await vi.waitFor(() => expect(server.hits("/hang.xml")).toBe(1));
    await vi.advanceTimersByTimeAsync(MINUTE);
    await vi.advanceTimersByTimeAsync(MINUTE);
    await vi.advanceTimersByTimeAsync(MINUTE);
    expect(printed).toEqual([]);
    expect(lines.some((l) => l.includes("still running"))).toBe(true);
  });
});
