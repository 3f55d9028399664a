import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { articlePage, FERRY_COURIER, LIBRARY_FIRE, rss } from "./helpers/feed-fixtures.js";
import { type LocalServer, startLocalServer } from "./helpers/local-server.js";
import { cli } from "./helpers/run-cli.js";

let server: LocalServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const ALLOW_LOCAL = { NEWSDESK_ALLOWED_HOSTS: "127.0.0.1" };

async function setup() {
  server = await startLocalServer({
    "/rss": (_req, res) => {
      res.writeHead(200, { "content-type": "application/rss+xml" });
      res.end(
        rss("Island Courier", [
          { guid: "c1", title: "Stranded", link: server?.url("/ferry") ?? "" },
          { guid: "c2", title: "Library fire", link: "http://courier.example/2", text: LIBRARY_FIRE },
        ]),
      );
    },
    "/ferry": {
      headers: { "content-type": "text/html" },
      body: articlePage("Stranded on the Marit Vale", FERRY_COURIER),
    },
    "/broken": { headers: { "content-type": "application/rss+xml" }, body: "<rss><channel>" },
  });
  const db = join(mkdtempSync(join(tmpdir(), "newsdesk-feeds-cli-")), "n.db");
  const run = (args: string[], env: NodeJS.ProcessEnv = ALLOW_LOCAL) => cli(["--db", db, ...args], { env });
  return { run, srv: server };
}

describe("newsdesk feeds", () => {
  it("adds, lists and removes a feed", async () => {
    const t = await setup();
    const added = await t.run(["feeds", "add", t.srv.url("/rss")]);
    expect(added).toMatchObject({ code: 0, err: "" });
    expect(added.out).toBe(`added ${t.srv.url("/rss")} (Island Courier, 2 items); polled every 15 minutes\n`);
    expect((await t.run(["feeds", "add", t.srv.url("/rss")])).out).toBe(
      `already followed: ${t.srv.url("/rss")}\n`,
    );

    const list = await t.run(["feeds", "list"]);
    expect(list.code).toBe(0);
    expect(list.out).toContain(`${t.srv.url("/rss")}  Island Courier\n  added 2026-03-20 12:00Z by cli;`);
    expect(list.out).toContain("last success never; next poll 2026-03-20 12:00Z");
    const json = JSON.parse((await t.run(["feeds", "list", "--json"])).out);
    expect(json).toEqual([expect.objectContaining({ url: t.srv.url("/rss"), addedBy: "cli" })]);

    expect(await t.run(["feeds", "remove", t.srv.url("/rss")])).toMatchObject({
      code: 0,
      out: `removed ${t.srv.url("/rss")}\n`,
    });
    const missing = await t.run(["feeds", "remove", t.srv.url("/rss")]);
    expect(missing).toMatchObject({
      code: 1,
      err: `newsdesk: no followed feed has the URL ${t.srv.url("/rss")}\n`,
    });
    expect((await t.run(["feeds", "list"])).out).toBe("no feeds followed\n");
  });

  it("polls every feed once now and prints what was added", async () => {
    const t = await setup();
    await t.run(["feeds", "add", t.srv.url("/rss")]);
    const polled = await t.run(["feeds", "poll"]);
    expect(polled.code).toBe(0);
    const lines = polled.out.trimEnd().split("\n");
    expect(lines[0]).toBe(`2 added       ${t.srv.url("/rss")}`);
    expect(lines.slice(1).map((l) => l.replace(/ [0-9a-f]{12} /, " ID "))).toEqual([
      "  added      ID  Stranded",
      "  added      ID  Library fire",
    ]);
    const again = await t.run(["feeds", "poll", "--json"]);
    expect(JSON.parse(again.out)).toEqual([expect.objectContaining({ status: "unchanged", added: [] })]);
    const articles = await t.run(["articles", "--json"]);
    expect(JSON.parse(articles.out)).toHaveLength(2);
  });

  it("refuses an unsafe or malformed feed with a one-line error and exit status 1", async () => {
    const t = await setup();
    const local = await t.run(["feeds", "add", t.srv.url("/rss")], {});
    expect(local).toMatchObject({
      code: 1,
      err: `newsdesk: cannot follow ${t.srv.url("/rss")}: refused ${t.srv.url("/rss")}: 127.0.0.1 is a loopback address (set NEWSDESK_ALLOWED_HOSTS to allow it)\n`,
    });
    const broken = await t.run(["feeds", "add", t.srv.url("/broken")]);
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/^newsdesk: cannot follow .*: Not a valid RSS or Atom feed: /);
    expect((await t.run(["feeds", "list"])).out).toBe("no feeds followed\n");
    expect(t.srv.hits("/rss")).toBe(0);
  });

  it("reports a failing feed in poll with exit status 1", async () => {
    const t = await setup();
    await t.run(["feeds", "add", t.srv.url("/rss")]);
    // The operator removed the allowance: the poll is refused and recorded as an error.
    const polled = await t.run(["feeds", "poll"], {});
    expect(polled.code).toBe(1);
    expect(polled.out).toMatch(
      /^error +http:\/\/127\.0\.0\.1:\d+\/rss: refused .*loopback address.*\(next try 2026-03-20 12:30Z\)\n$/,
    );
    expect((await t.run(["feeds", "list"])).out).toMatch(
      /last error 2026-03-20 12:00Z: refused .* \(1 in a row\)/,
    );
  });

  it("rejects a bad NEWSDESK_FEED_POLL_MINUTES or NEWSDESK_ALLOWED_HOSTS naming the variable", async () => {
    const t = await setup();
    const minutes = await t.run(["feeds", "list"], { NEWSDESK_FEED_POLL_MINUTES: "0" });
    expect(minutes).toMatchObject({ code: 2 });
    expect(minutes.err).toMatch(
      /^newsdesk: Set NEWSDESK_FEED_POLL_MINUTES to a whole number of minutes between 1 and 1440/,
    );
    const hosts = await t.run(["feeds", "poll"], { NEWSDESK_ALLOWED_HOSTS: "10.0.0.0/99" });
    expect(hosts).toMatchObject({ code: 2 });
    expect(hosts.err).toMatch(/^newsdesk: Set NEWSDESK_ALLOWED_HOSTS to /);
  });
});
