import { describe, expect, it } from "vitest";
import { FERRY_POST, LIBRARY_FIRE, rss } from "./helpers/feed-fixtures.js";
import { usePollerEnv, xml } from "./helpers/poller-env.js";

const setup = usePollerEnv();

describe("polling feeds that fail", () => {
  it("records malformed XML as an error with backoff, and still polls the next feed", async () => {
    let broken = true;
    const good = rss("Harlow Post", [
      { guid: "p1", title: "Ferry", link: "http://post.example/1", text: FERRY_POST },
    ]);
    const t = await setup(() => ({
      "/bad.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(broken ? "<rss><channel><title>Oops</title><item></channel>" : good);
      },
      "/good.xml": xml(
        rss("Tamsford Times", [
          { guid: "t1", title: "Fire", link: "http://t.example/1", text: LIBRARY_FIRE },
        ]),
      ),
    }));
    await t.add("/bad.xml");
    await t.add("/good.xml");
    const first = await t.poller.pollDue();
    expect(first.map((r) => r.status)).toEqual(["error", "new-items"]);
    expect(first[0]?.error).toMatch(/^Not a valid RSS or Atom feed: XML error at line 1/);
    const bad = () => t.store.feeds.get(t.srv.url("/bad.xml"));
    expect(await bad()).toMatchObject({
      consecutiveErrors: 1,
      lastErrorAt: "2026-05-04T12:00:00.000Z",
      nextPollAt: "2026-05-04T12:30:00.000Z",
      lastSuccessAt: null,
    });
    t.clock.advanceMinutes(15);
    expect((await t.poller.pollDue()).map((r) => r.url)).toEqual([t.srv.url("/good.xml")]);
    t.clock.advanceMinutes(15);
    await t.poller.pollDue();
    expect(await bad()).toMatchObject({ consecutiveErrors: 2, nextPollAt: "2026-05-04T13:30:00.000Z" });
    broken = false;
    t.clock.advanceMinutes(60);
    const recovered = (await t.poller.pollDue()).find((r) => r.url === t.srv.url("/bad.xml"));
    expect(recovered?.added).toHaveLength(1);
    const after = await bad();
    expect(after).toMatchObject({ consecutiveErrors: 0, lastSuccessAt: "2026-05-04T13:30:00.000Z" });
    expect(after?.lastError).toMatch(/Not a valid RSS or Atom feed/);
  });

  it("caps the backoff at 24 hours", async () => {
    const t = await setup(() => ({ "/down.xml": { status: 503, body: "down" } }));
    const feed = await t.add("/down.xml");
    for (let i = 0; i < 9; i++) {
      const next = (await t.store.feeds.get(feed.url))?.nextPollAt ?? "";
      t.clock.advanceMinutes((new Date(next).getTime() - t.clock.now().getTime()) / 60_000);
      const [r] = await t.poller.pollDue();
      expect(r?.error).toMatch(/^HTTP 503 Service Unavailable from /);
    }
    const after = await t.store.feeds.get(feed.url);
    expect(after?.consecutiveErrors).toBe(9);
    expect(new Date(after?.nextPollAt ?? "").getTime() - t.clock.now().getTime()).toBe(24 * 60 * 60_000);
  });

  it("times out a slow feed, records the error and goes on", async () => {
    const t = await setup(
      () => ({
        "/slow.xml": () => {
          // Never answers; the server drops the connection when the test closes it.
        },
        "/good.xml": xml(
          rss("Tamsford Times", [
            { guid: "t1", title: "Fire", link: "http://t.example/1", text: LIBRARY_FIRE },
          ]),
        ),
      }),
      { timeoutMs: 300 },
    );
    await t.add("/slow.xml");
    await t.add("/good.xml");
    const results = await t.poller.pollDue();
    expect(results.map((r) => r.status)).toEqual(["error", "new-items"]);
    expect(results[0]?.error).toBe(`Timed out after 0.3 s fetching ${t.srv.url("/slow.xml")}`);
    expect((await t.store.feeds.get(t.srv.url("/slow.xml")))?.lastError).toMatch(/^Timed out/);
  });

  it("refuses a feed that redirects to a private address", async () => {
    const t = await setup(() => ({
      "/moved.xml": { status: 301, headers: { location: "http://10.0.0.5/feed.xml" } },
    }));
    await t.add("/moved.xml");
    const [r] = await t.poller.pollDue();
    expect(r?.error).toBe(
      "refused http://10.0.0.5/feed.xml: 10.0.0.5 is a private address (set NEWSDESK_ALLOWED_HOSTS to allow it)",
    );
    expect((await t.store.feeds.get(t.srv.url("/moved.xml")))?.consecutiveErrors).toBe(1);
  });

  it("retries an item whose page failed on later polls, then gives up on it", async () => {
    const t = await setup((url) => ({
      "/feed.xml": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(rss("Island Courier", [{ guid: "gone", title: "Gone", link: url("/missing") }]));
      },
    }));
    await t.add("/feed.xml");
    for (let i = 0; i < 4; i++) {
      const [r] = await t.poller.pollDue();
      expect(r?.status).toBe(i < 3 ? "new-items" : "unchanged");
      t.clock.advanceMinutes(15);
    }
    expect(t.srv.hits("/missing")).toBe(3);
  });
});
