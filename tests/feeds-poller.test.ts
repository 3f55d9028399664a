import { describe, expect, it } from "vitest";
import { articlePage, FERRY_COURIER, FERRY_POST, LIBRARY_FIRE, rss } from "./helpers/feed-fixtures.js";
import { usePollerEnv, xml } from "./helpers/poller-env.js";

const setup = usePollerEnv();

describe("polling feeds", () => {
  it("ingests new items from two feeds, groups them into stories and reports them to onIngested", async () => {
    const t = await setup((url) => ({
      "/post.xml": xml(
        rss("Harlow Post", [
          { guid: "p1", title: "Ferry runs aground", link: "http://post.example/1", text: FERRY_POST },
        ]),
      ),
      "/courier.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          rss("Island Courier", [
            { guid: "c1", title: "Passengers stranded on Marit Vale", link: url("/ferry") },
            {
              guid: "c2",
              title: "Fire guts Tamsford library",
              link: "http://courier.example/2",
              text: LIBRARY_FIRE,
            },
          ]),
        );
      },
      "/ferry": {
        headers: { "content-type": "text/html" },
        body: articlePage("Passengers stranded", FERRY_COURIER),
      },
    }));
    await t.add("/post.xml");
    await t.add("/courier.xml");
    const results = await t.poller.pollDue();
    expect(results.map((r) => [r.status, r.added.length, r.rejected])).toEqual([
      ["new-items", 1, []],
      ["new-items", 2, []],
    ]);
    const ids = results.flatMap((r) => r.added.map((a) => a.id));
    expect(t.ingested).toEqual([ids]);
    expect(t.srv.hits("/ferry")).toBe(1);
    const stories = await t.store.storiesOfArticles(ids);
    const [post, courierFerry, fire] = ids.map((id) => stories.get(id));
    expect(post).toBeDefined();
    expect(courierFerry).toBe(post);
    expect(fire).toBeDefined();
    expect(fire).not.toBe(post);
    expect(await t.store.unanalysedArticleIds(10)).toEqual([]);
    const feed = await t.store.feeds.get(t.srv.url("/courier.xml"));
    expect(feed).toMatchObject({
      title: "Island Courier",
      lastSuccessAt: "2026-05-04T12:00:00.000Z",
      nextPollAt: "2026-05-04T12:15:00.000Z",
      itemsSeen: 2,
      articlesAdded: 2,
      consecutiveErrors: 0,
    });
  });

  it("sends the feed's ETag and Last-Modified back, and a 304 adds nothing", async () => {
    const body = rss("Harlow Post", [
      { guid: "p1", title: "Ferry", link: "http://post.example/1", text: FERRY_POST },
    ]);
    const t = await setup(() => ({
      "/post.xml": (req, res) => {
        if (req.headers["if-none-match"] === '"v1"') {
          res.writeHead(304).end();
          return;
        }
        res.writeHead(200, {
          "content-type": "application/rss+xml",
          etag: '"v1"',
          "last-modified": "Mon, 04 May 2026 11:00:00 GMT",
        });
        res.end(body);
      },
    }));
    await t.add("/post.xml");
    expect((await t.poller.pollDue())[0]?.added).toHaveLength(1);
    t.clock.advanceMinutes(10);
    expect(await t.poller.pollDue()).toEqual([]);
    expect(t.srv.requests).toHaveLength(1);
    t.clock.advanceMinutes(5);
    const [second] = await t.poller.pollDue();
    expect(second).toMatchObject({
      status: "not-modified",
      added: [],
      nextPollAt: "2026-05-04T12:30:00.000Z",
    });
    const headers = t.srv.requests[1]?.headers;
    expect(headers?.["if-none-match"]).toBe('"v1"');
    expect(headers?.["if-modified-since"]).toBe("Mon, 04 May 2026 11:00:00 GMT");
    expect(t.ingested).toHaveLength(1);
    expect(await t.store.countArticles()).toBe(1);
    expect(await t.store.feeds.get(t.srv.url("/post.xml"))).toMatchObject({ etag: '"v1"', itemsSeen: 1 });
  });

  it("processes only items it has not seen, even when the server ignores conditional requests", async () => {
    let items = [{ guid: "c1", title: "Stranded", link: "" }];
    const t = await setup(() => ({
      "/feed.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(rss("Island Courier", items));
      },
      "/ferry": {
        headers: { "content-type": "text/html" },
        body: articlePage("Passengers stranded", FERRY_COURIER),
      },
      "/fire": { headers: { "content-type": "text/html" }, body: articlePage("Library fire", LIBRARY_FIRE) },
    }));
    items = [{ guid: "c1", title: "Stranded", link: t.srv.url("/ferry") }];
    await t.add("/feed.xml");
    await t.poller.pollDue();
    items = [{ guid: "c2", title: "Library fire", link: t.srv.url("/fire") }, ...items];
    t.clock.advanceMinutes(15);
    const [second] = await t.poller.pollDue();
    expect(second?.added.map((a) => a.title)).toEqual(["Library fire"]);
    expect(t.srv.hits("/ferry")).toBe(1);
    t.clock.advanceMinutes(15);
    expect((await t.poller.pollDue())[0]).toMatchObject({ status: "unchanged", added: [] });
    expect(t.srv.hits("/fire")).toBe(1);
  });

  it("never runs two rounds at once", async () => {
    const t = await setup(() => ({
      "/post.xml": xml(
        rss("Harlow Post", [{ guid: "p1", title: "Ferry", link: "http://post.example/1", text: FERRY_POST }]),
      ),
    }));
    await t.add("/post.xml");
    const [a, b] = await Promise.all([t.poller.pollDue(), t.poller.pollAll()]);
    expect(a).toBe(b);
    expect(t.srv.hits("/post.xml")).toBe(1);
  });
});
