import { describe, expect, it } from "vitest";
import { articlePage, FERRY_COURIER, FERRY_POST } from "./helpers/feed-fixtures.js";
import { type PollerEnv, usePollerEnv } from "./helpers/poller-env.js";

const setup = usePollerEnv();

/** An RSS feed of `n` items without links, each carrying the same full text (all after the first are duplicates). */
function bigFeed(n: number): string {
  const paragraphs = FERRY_POST.split("\n\n")
    .map((p) => `<p>${p}</p>`)
    .join("");
  const items = Array.from(
    { length: n },
    (_, i) =>
      `<item><title>Ferry update ${i + 1}</title><guid isPermaLink="false">item-${i + 1}</guid>` +
      `<pubDate>Mon, 04 May 2026 09:00:00 GMT</pubDate><content:encoded><![CDATA[${paragraphs}]]></content:encoded></item>`,
  ).join("");
  return `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Harlow Post</title>${items}</channel></rss>`;
}

describe("a feed with more new items than one poll takes", () => {
  it("processes a bounded number per poll and the rest on the next ticks, fetching the full feed until done", async () => {
    const t = await setup(
      () => ({
        "/big.xml": (req, res) => {
          if (req.headers["if-none-match"] === '"v1"') {
            res.writeHead(304).end();
            return;
          }
          res.writeHead(200, { "content-type": "application/rss+xml", etag: '"v1"' });
          res.end(bigFeed(7));
        },
      }),
      { maxItemsPerPoll: 3 },
    );
    const feed = await t.add("/big.xml");
    const processed = (r: Awaited<ReturnType<PollerEnv["poller"]["pollDue"]>>[number] | undefined) =>
      (r?.added.length ?? 0) + (r?.duplicates.length ?? 0);
    const [first] = await t.poller.pollDue();
    expect(processed(first)).toBe(3);
    expect(first?.added).toHaveLength(1);
    // Items are left: due again at the next tick, and without validators (a 304 would hide the rest).
    expect(first?.nextPollAt).toBe("2026-05-04T12:01:00.000Z");
    expect(await t.store.feeds.get(feed.url)).toMatchObject({ etag: null });
    t.clock.advanceMinutes(1);
    expect(processed((await t.poller.pollDue())[0])).toBe(3);
    t.clock.advanceMinutes(1);
    const [last] = await t.poller.pollDue();
    expect(processed(last)).toBe(1);
    expect(last?.nextPollAt).toBe("2026-05-04T12:17:00.000Z");
    expect(await t.store.feeds.get(feed.url)).toMatchObject({ etag: '"v1"', itemsSeen: 7 });
    expect(t.srv.requests.map((r) => r.headers["if-none-match"])).toEqual([undefined, undefined, undefined]);
    t.clock.advanceMinutes(15);
    expect((await t.poller.pollDue())[0]?.status).toBe("not-modified");
  });
});

describe("a feed removed while its poll is running", () => {
  it("keeps what the poll stored: analysed, grouped and reported to onIngested, without an error", async () => {
    let t: PollerEnv | undefined;
    t = await setup((url) => ({
      "/feed.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          `<?xml version="1.0"?><rss version="2.0"><channel><title>Island Courier</title><item><title>Stranded</title><link>${url("/ferry")}</link><guid>c1</guid></item></channel></rss>`,
        );
      },
      "/ferry": async (_req, res) => {
        // The operator runs `/feed remove` while the poll fetches the item's page.
        await t?.store.feeds.remove(url("/feed.xml"));
        res.writeHead(200, { "content-type": "text/html" });
        res.end(articlePage("Passengers stranded", FERRY_COURIER));
      },
    }));
    await t.add("/feed.xml");
    const [result] = await t.poller.pollDue();
    expect(result?.added).toHaveLength(1);
    expect(result?.error).toBeUndefined();
    const id = result?.added[0]?.id ?? "";
    expect(t.ingested).toEqual([[id]]);
    expect((await t.store.storiesOfArticles([id])).size).toBe(1);
    expect(await t.store.feeds.list()).toEqual([]);
  });
});

describe("items with neither guid nor link", () => {
  it("are stored once and recognised on later polls by a hash of their content", async () => {
    const paragraphs = FERRY_POST.split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join("");
    const t = await setup(() => ({
      "/bare.xml": {
        headers: { "content-type": "application/rss+xml" },
        body: `<?xml version="1.0"?><rss version="2.0"><channel><title>Harlow Post</title><item><title>Ferry runs aground</title><description><![CDATA[${paragraphs}]]></description></item></channel></rss>`,
      },
    }));
    await t.add("/bare.xml");
    expect((await t.poller.pollDue())[0]).toMatchObject({ status: "new-items", added: [expect.anything()] });
    t.clock.advanceMinutes(15);
    expect((await t.poller.pollDue())[0]).toMatchObject({ status: "unchanged", added: [], duplicates: [] });
    expect(await t.store.countArticles()).toBe(1);
  });
});
