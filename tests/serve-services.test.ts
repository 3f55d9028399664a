import { afterEach, describe, expect, it } from "vitest";
import type { ChannelRef } from "../src/core/channel.js";
import { silentLogger } from "../src/logger.js";
import { buildCoreDeps } from "../src/runtime/core-deps.js";
import { type RunningServices, startServices } from "../src/runtime/services.js";
import { loadSettings } from "../src/runtime/settings.js";
import { openStore } from "../src/store/open-store.js";
import type { Store } from "../src/store/store.js";
import { recordingPoster } from "./helpers/channel-fixtures.js";
import { FERRY_POST, LIBRARY_FIRE, rss } from "./helpers/feed-fixtures.js";
import { tempDir } from "./helpers/ingest-env.js";
import { type LocalServer, startLocalServer } from "./helpers/local-server.js";

const TERMINAL: ChannelRef = { platform: "console", workspaceId: "local", channelId: "terminal" };

let services: RunningServices | null = null;
let store: Store | null = null;
let server: LocalServer | null = null;
afterEach(async () => {
  await services?.stop();
  await store?.close();
  await server?.close();
  services = null;
  store = null;
  server = null;
});

async function waitFor<T>(check: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error("condition not met");
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe("the services serve runs", () => {
  it("polls followed feeds at start and alerts at once on new stories, not on the feed's months-old items", async () => {
    server = await startLocalServer({
      "/harlow.xml": {
        headers: { "content-type": "application/rss+xml" },
        body: rss("Harlow Post", [
          {
            guid: "h1",
            title: "Ferry runs aground",
            link: "http://post.example/1",
            text: FERRY_POST,
            date: new Date().toUTCString(),
          },
          // The feed's back catalogue: published long ago, stored, but not news to alert on.
          {
            guid: "h0",
            title: "Library fire",
            link: "http://post.example/0",
            text: LIBRARY_FIRE,
            date: "Mon, 05 Jan 2026 09:00:00 GMT",
          },
        ]),
      },
    });
    const settings = loadSettings({
      NEWSDESK_ALLOWED_HOSTS: "127.0.0.1",
      NEWSDESK_BRIEFINGS_DIR: tempDir().dir,
    });
    store = await openStore(":memory:");
    const now = () => new Date();
    const before = new Date(Date.now() - 60_000).toISOString();
    await store.channels.subscribe(TERMINAL, "ferry", true, before);
    await store.channels.subscribe(TERMINAL, "library", true, before);
    await store.feeds.add({ url: server.url("/harlow.xml"), addedBy: "cli", now: now().toISOString() });
    const runtime = buildCoreDeps(store, settings, { logger: silentLogger, now });
    const terminal = recordingPoster("console");
    services = await startServices({
      store,
      settings,
      runtime,
      logger: silentLogger,
      now,
      extraPosters: [terminal.poster],
    });
    expect(services.adapters).toEqual([]);
    const post = await waitFor(() => terminal.posts[0]);
    expect(post.channel).toEqual(TERMINAL);
    expect(post.reply.kind).toBe("brief");
    expect(JSON.stringify(post.reply)).toContain("Marit Vale");
    await new Promise((r) => setTimeout(r, 200));
    expect(terminal.posts).toHaveLength(1);
    expect(runtime.deps.digests).toBeDefined();
    expect(runtime.deps.urls).toBeDefined();
  });

  it("uses the model writer only when NEWSDESK_LLM is on", async () => {
    store = await openStore(":memory:");
    const off = buildCoreDeps(store, loadSettings({}), { logger: silentLogger, now: () => new Date() });
    expect(off.deps.writer).toBeUndefined();
    const on = buildCoreDeps(
      store,
      loadSettings({ NEWSDESK_LLM: "on", OPENAI_MODEL: "m", OPENAI_BASE_URL: "http://127.0.0.1:9/v1" }),
      { logger: silentLogger, now: () => new Date() },
    );
    expect(on.deps.writer?.usesModel).toBe(true);
  });
});
