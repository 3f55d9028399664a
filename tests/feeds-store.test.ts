import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { MAX_ITEM_ATTEMPTS, normaliseFeedUrl } from "../src/store/feeds.js";
import { openStore } from "../src/store/open-store.js";
import type { Store } from "../src/store/store.js";

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

const NOW = "2026-05-04T12:00:00.000Z";
const CHANNEL = { platform: "slack" as const, workspaceId: "T1", channelId: "C9" };

async function open(path = ":memory:"): Promise<Store> {
  store = await openStore(path);
  return store;
}

describe("normaliseFeedUrl", () => {
  it("lower-cases scheme and host and drops the default port and fragment, keeping path and query", () => {
    expect(normaliseFeedUrl(" HTTPS://News.Example:443/Feed.xml?lang=en#top ")).toBe(
      "https://news.example/Feed.xml?lang=en",
    );
    expect(normaliseFeedUrl("http://news.example")).toBe("http://news.example/");
  });

  it("treats a trailing dot on the host and an empty query as the same feed", () => {
    expect(normaliseFeedUrl("https://News.Example./rss?")).toBe("https://news.example/rss");
    expect(normaliseFeedUrl("https://news.example../rss?lang=en")).toBe("https://news.example/rss?lang=en");
  });

  it("rejects anything that is not an http(s) URL", () => {
    expect(() => normaliseFeedUrl("ftp://news.example/feed")).toThrow(/Not an http\(s\) URL/);
    expect(() => normaliseFeedUrl("not a url")).toThrow(/Not a valid URL/);
  });
});

describe("the feed store", () => {
  it("adds a feed once per normalised URL and records who added it", async () => {
    const s = await open();
    const first = await s.feeds.add({
      url: "https://News.example/rss#x",
      title: "News",
      addedBy: CHANNEL,
      now: NOW,
    });
    expect(first.added).toBe(true);
    expect(first.feed).toMatchObject({
      url: "https://news.example/rss",
      title: "News",
      addedBy: CHANNEL,
      addedAt: NOW,
      nextPollAt: NOW,
      consecutiveErrors: 0,
      lastSuccessAt: null,
      lastError: null,
    });
    const again = await s.feeds.add({ url: "https://news.example:443/rss", addedBy: "cli", now: NOW });
    expect(again.added).toBe(false);
    expect(again.feed.addedBy).toEqual(CHANNEL);
    await s.feeds.add({ url: "https://other.example/atom", addedBy: "cli", now: NOW });
    const list = await s.feeds.list();
    expect(list.map((f) => [f.url, f.addedBy])).toEqual([
      ["https://news.example/rss", CHANNEL],
      ["https://other.example/atom", "cli"],
    ]);
  });

  it("removes a feed by any spelling of its URL, and says when there was none", async () => {
    const s = await open();
    await s.feeds.add({ url: "https://news.example/rss", addedBy: "cli", now: NOW });
    expect(await s.feeds.remove("HTTPS://NEWS.EXAMPLE/rss")).toBe(true);
    expect(await s.feeds.remove("https://news.example/rss")).toBe(false);
    expect(await s.feeds.remove("not a url")).toBe(false);
    expect(await s.feeds.list()).toEqual([]);
  });

  it("lists due feeds, most overdue first, and records success and errors", async () => {
    const s = await open();
    const a = (await s.feeds.add({ url: "https://a.example/rss", addedBy: "cli", now: NOW })).feed;
    const b = (await s.feeds.add({ url: "https://b.example/rss", addedBy: "cli", now: NOW })).feed;
    await s.feeds.recordSuccess(a.id, {
      at: NOW,
      nextPollAt: "2026-05-04T12:15:00.000Z",
      notModified: false,
      etag: '"v1"',
      lastModified: "Mon, 04 May 2026 11:00:00 GMT",
      itemsSeen: 7,
      articlesAdded: 3,
      title: "Feed A",
    });
    await s.feeds.recordError(b.id, {
      at: NOW,
      message: "HTTP 500 Internal Server Error from https://b.example/rss",
      consecutiveErrors: 1,
      nextPollAt: "2026-05-04T12:30:00.000Z",
    });
    expect(await s.feeds.due(NOW)).toEqual([]);
    expect((await s.feeds.due("2026-05-04T12:20:00.000Z")).map((f) => f.url)).toEqual([
      "https://a.example/rss",
    ]);
    expect((await s.feeds.due("2026-05-04T13:00:00.000Z")).map((f) => f.url)).toEqual([
      "https://a.example/rss",
      "https://b.example/rss",
    ]);

    await s.feeds.recordSuccess(a.id, { at: "2026-05-04T12:15:00.000Z", nextPollAt: "x", notModified: true });
    const fa = await s.feeds.get("https://a.example/rss");
    expect(fa).toMatchObject({ etag: '"v1"', itemsSeen: 7, articlesAdded: 3, title: "Feed A" });
    expect(fa?.lastModified).toBe("Mon, 04 May 2026 11:00:00 GMT");

    const fb = await s.feeds.get("https://b.example/rss");
    expect(fb).toMatchObject({ consecutiveErrors: 1, lastErrorAt: NOW, lastSuccessAt: null });
    expect(fb?.lastError).toMatch(/HTTP 500/);
    await s.feeds.recordSuccess(b.id, {
      at: "2026-05-04T12:30:00.000Z",
      nextPollAt: "y",
      notModified: false,
    });
    const recovered = await s.feeds.get("https://b.example/rss");
    expect(recovered).toMatchObject({ consecutiveErrors: 0, lastSuccessAt: "2026-05-04T12:30:00.000Z" });
    expect(recovered?.lastError).toMatch(/HTTP 500/);
  });

  it("tracks items: settled ones are skipped, failed ones retried a few times, gone ones forgotten", async () => {
    const s = await open();
    const { id } = (await s.feeds.add({ url: "https://a.example/rss", addedBy: "cli", now: NOW })).feed;
    expect(await s.feeds.pendingItems(id, ["1", "2", "3", "2"])).toEqual(["1", "2", "3"]);
    await s.feeds.recordItems(id, { done: ["1", "2"], failed: ["3"] }, ["1", "2", "3"], NOW);
    expect(await s.feeds.pendingItems(id, ["1", "2", "3", "4"])).toEqual(["3", "4"]);
    for (let i = 1; i < MAX_ITEM_ATTEMPTS; i++) {
      await s.feeds.recordItems(id, { done: [], failed: ["3"] }, ["1", "2", "3"], NOW);
    }
    expect(await s.feeds.pendingItems(id, ["1", "2", "3"])).toEqual([]);
    // Item 1 left the feed: forgotten, so it would count as new if it came back.
    await s.feeds.recordItems(id, { done: [], failed: [] }, ["2", "3"], NOW);
    expect(await s.feeds.pendingItems(id, ["1", "2"])).toEqual(["1"]);
    const many = Array.from({ length: 1200 }, (_, i) => `item-${i}`);
    await s.feeds.recordItems(id, { done: many.slice(0, 1000), failed: [] }, many, NOW);
    expect(await s.feeds.pendingItems(id, many)).toEqual(many.slice(1000));
  });

  it("keeps feeds in the database file across reopening (migration 5)", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "newsdesk-feeds-")), "n.db");
    const s = await open(path);
    await s.feeds.add({ url: "https://a.example/rss", addedBy: CHANNEL, now: NOW });
    await s.close();
    const reopened = await open(path);
    expect((await reopened.feeds.list()).map((f) => f.addedBy)).toEqual([CHANNEL]);
  });

  it("deleting a feed deletes its item history", async () => {
    const s = await open();
    const { id } = (await s.feeds.add({ url: "https://a.example/rss", addedBy: "cli", now: NOW })).feed;
    await s.feeds.recordItems(id, { done: ["1"], failed: [] }, ["1"], NOW);
    await s.feeds.remove("https://a.example/rss");
    const again = (await s.feeds.add({ url: "https://a.example/rss", addedBy: "cli", now: NOW })).feed;
    expect(await s.feeds.pendingItems(again.id, ["1"])).toEqual(["1"]);
  });
});
