import { afterEach } from "vitest";
import { FeedPoller, type FeedPollerDeps } from "../../src/schedule/feed-poller.js";
import type { Store } from "../../src/store/store.js";
import { feedEnv, testClock } from "./feed-fixtures.js";
import { type LocalServer, type Route, startLocalServer } from "./local-server.js";

/** A canned RSS answer. */
export const xml = (body: string, headers: Record<string, string> = {}) => ({
  headers: { "content-type": "application/rss+xml", ...headers },
  body,
});

export type PollerEnv = Awaited<ReturnType<typeof pollerEnv>>;

/**
 * A local feed server (routes get the server's URL builder), an in-memory store, a FeedPoller on a hand-moved clock
 * that polls every 15 minutes, the ids it reported to onIngested, and `close()` to stop all of it.
 */
export async function pollerEnv(
  routes: (url: (path: string) => string) => Record<string, Route>,
  options: Partial<FeedPollerDeps> & { timeoutMs?: number } = {},
) {
  let server: LocalServer | undefined;
  const url = (path: string) => server?.url(path) ?? "";
  server = await startLocalServer(routes(url));
  const env = await feedEnv({ fetchTimeoutMs: options.timeoutMs ?? 2000 });
  const clock = testClock();
  const ingested: string[][] = [];
  const poller = new FeedPoller({
    store: env.store,
    logger: env.logger,
    now: clock.now,
    guard: env.guard,
    limits: env.limits,
    pollMinutes: 15,
    onIngested: (ids) => {
      ingested.push(ids);
    },
    ...options,
  });
  const srv = server;
  return {
    store: env.store,
    poller,
    clock,
    ingested,
    srv,
    /** Follows the feed at `path` of the local server, due at once. */
    add: async (path: string) =>
      (await env.store.feeds.add({ url: srv.url(path), addedBy: "cli", now: clock.now().toISOString() }))
        .feed,
    close: async () => {
      await poller.stop();
      await srv.close();
      await env.store.close();
    },
  };
}

/** A `pollerEnv(...)` for the running test, closed after it: for the tests of the calling file. */
export function usePollerEnv(): (...args: Parameters<typeof pollerEnv>) => Promise<PollerEnv> {
  let current: PollerEnv | undefined;
  afterEach(async () => {
    await current?.close();
    current = undefined;
  });
  return async (...args) => {
    current = await pollerEnv(...args);
    return current;
  };
}

/**
 * A local server with `routes` and a feed environment (`feedEnv(options)`) for the running test, both closed after it:
 * for the tests of the calling file.
 */
export function useServedFeedEnv(): (
  routes: Record<string, Route>,
  options?: Parameters<typeof feedEnv>[0],
) => Promise<{ srv: LocalServer; env: Awaited<ReturnType<typeof feedEnv>> }> {
  let server: LocalServer | undefined;
  let store: Store | undefined;
  afterEach(async () => {
    await server?.close();
    await store?.close();
    server = undefined;
    store = undefined;
  });
  return async (routes, options) => {
    server = await startLocalServer(routes);
    const env = await feedEnv(options);
    store = env.store;
    return { srv: server, env };
  };
}
