import { describe, expect, it } from "vitest";
import { findCommand } from "../src/core/commands/registry.js";
import type { CommandContext, CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Reply } from "../src/core/reply.js";
import { createChatUrlService } from "../src/ingest/chat-url-service.js";
import { FeedPoller } from "../src/schedule/feed-poller.js";
import { articlePage, FERRY_POST, rss, testClock } from "./helpers/feed-fixtures.js";
import { useServedFeedEnv } from "./helpers/poller-env.js";

const serve = useServedFeedEnv();

const ADMIN: CommandContext = {
  platform: "discord",
  workspaceId: "G1",
  channelId: "C7",
  canManageChannel: true,
};
const MEMBER: CommandContext = {
  platform: "discord",
  workspaceId: "G1",
  channelId: "C7",
  canManageChannel: false,
};

const FEED = rss("Harlow Post", [
  { guid: "p1", title: "Ferry", link: "http://post.example/1", text: FERRY_POST },
]);

async function setup() {
  const { srv, env } = await serve({
    "/rss": { headers: { "content-type": "application/rss+xml" }, body: FEED },
    "/page": { headers: { "content-type": "text/html" }, body: articlePage("Ferry", FERRY_POST) },
    "/broken": { headers: { "content-type": "application/rss+xml" }, body: "<rss><channel><item></rss>" },
    "/down": { status: 500, body: "" },
  });
  const clock = testClock();
  const urls = createChatUrlService({ ...env, now: clock.now, feedPollMinutes: 15 });
  const deps: CoreDeps = { store: env.store, now: clock.now, logger: env.logger, urls };
  const poller = new FeedPoller({ ...env, now: clock.now, pollMinutes: 15 });
  const run = (text: string, context: CommandContext = ADMIN) => handleCommand(text, context, deps);
  return { run, store: env.store, srv, clock, poller };
}

function lines(reply: Reply): string[] {
  if (reply.kind === "error") return [reply.message];
  return reply.sections.flatMap((s) => [
    ...(s.heading ? [`# ${s.heading}`] : []),
    ...s.lines.map((l) => l.text),
  ]);
}

describe("/feed", () => {
  it("is a channel-setup command in the registry", () => {
    expect(findCommand("feed")).toMatchObject({
      manageChannel: true,
      usage: "/feed add <url> | list | remove <url>",
    });
    expect(findCommand("ingest")).toMatchObject({ usage: "/ingest <url>" });
    expect(findCommand("summarize")?.usage).toBe("/summarize <article id or url>");
  });

  it("adds a feed after checking it, recording the channel that added it", async () => {
    const t = await setup();
    const reply = await t.run(`/feed add ${t.srv.url("/rss")}`);
    expect(reply).toMatchObject({
      kind: "notice",
      title: "Feed added",
      data: { command: "feed", status: "ok" },
    });
    expect(lines(reply)[0]).toBe(`Following Harlow Post (${t.srv.url("/rss")}): 1 item in it now.`);
    expect(lines(reply)[1]).toContain("every 15 minutes");
    const [feed] = await t.store.feeds.list();
    expect(feed).toMatchObject({
      url: t.srv.url("/rss"),
      title: "Harlow Post",
      addedBy: { platform: "discord", workspaceId: "G1", channelId: "C7" },
    });
    const again = await t.run(`/feed add ${t.srv.url("/rss")}`);
    expect(again).toMatchObject({ kind: "notice", title: "Already following", data: { status: "info" } });
    expect(await t.store.feeds.list()).toHaveLength(1);
  });

  it("answers one of two simultaneous adds of the same feed with Already following", async () => {
    const t = await setup();
    const replies = await Promise.all([
      t.run(`/feed add ${t.srv.url("/rss")}`),
      t.run(`/feed add ${t.srv.url("/rss")}#latest`),
    ]);
    expect(replies.map((r) => r.title).sort()).toEqual(["Already following", "Feed added"]);
    expect(await t.store.feeds.list()).toHaveLength(1);
  });

  it("refuses to add a page that is not a feed, a malformed feed or an unsafe URL, storing nothing", async () => {
    const t = await setup();
    const cases: Array<[string, RegExp]> = [
      [t.srv.url("/page"), /is not an RSS or Atom feed \(the server sent text\/html\)$/],
      [t.srv.url("/broken"), /^Cannot follow that feed: Not a valid RSS or Atom feed: XML error/],
      [t.srv.url("/down"), /^Cannot follow that feed: HTTP 500 Internal Server Error from /],
      [
        "http://192.168.1.1/rss",
        /^Cannot follow that feed: refused http:\/\/192\.168\.1\.1\/rss: 192\.168\.1\.1 is a private address \(set NEWSDESK_ALLOWED_HOSTS to allow it\)$/,
      ],
      ["http://metadata.google.internal/rss", /metadata\.google\.internal is a cloud metadata host/],
    ];
    for (const [url, message] of cases) {
      const reply = await t.run(`/feed add ${url}`);
      expect(reply).toMatchObject({ kind: "error", reason: "failed" });
      expect(lines(reply)).toEqual([expect.stringMatching(message)]);
    }
    expect(await t.store.feeds.list()).toEqual([]);
  });

  it("lists each feed's last success, last error and next poll", async () => {
    const t = await setup();
    expect(lines(await t.run("/feed list"))).toEqual([
      "No feeds are followed yet. Add one with /feed add <url>.",
    ]);
    await t.run(`/feed add ${t.srv.url("/rss")}`);
    await t.store.feeds.add({ url: t.srv.url("/down"), addedBy: "cli", now: t.clock.now().toISOString() });
    await t.poller.pollDue();
    const reply = await t.run("/feed");
    expect(reply).toMatchObject({
      kind: "notice",
      intro: "2 feeds followed, 1 failing",
      data: { status: "info" },
    });
    expect(lines(reply)).toEqual([
      "# Harlow Post",
      t.srv.url("/rss"),
      "Added by discord channel C7 on 2026-05-04 12:00 UTC; 1 article stored from it.",
      "Last success: 2026-05-04 12:00 UTC (1 item in the feed).",
      "Next poll: 2026-05-04 12:15 UTC.",
      `# ${t.srv.url("/down")}`,
      t.srv.url("/down"),
      "Added by the command line on 2026-05-04 12:00 UTC; 0 articles stored from it.",
      "Last success: never.",
      `Last error: HTTP 500 Internal Server Error from ${t.srv.url("/down")} (2026-05-04 12:00 UTC).`,
      "Next poll: 2026-05-04 12:30 UTC (backing off after 1 error in a row).",
    ]);
    expect(reply.citations).toEqual([]);
  });

  it("removes a feed by its URL, and says when no feed has it", async () => {
    const t = await setup();
    await t.run(`/feed add ${t.srv.url("/rss")}`);
    const removed = await t.run(`/feed remove ${t.srv.url("/rss")}`);
    expect(removed).toMatchObject({ kind: "notice", title: "Feed removed" });
    expect(lines(removed)).toEqual(["Stopped following Harlow Post. Articles already stored from it stay."]);
    expect(await t.store.feeds.list()).toEqual([]);
    const missing = await t.run(`/feed remove ${t.srv.url("/rss")}`);
    expect(missing).toMatchObject({ kind: "error", reason: "not-found" });
  });

  it("is refused without the Manage Channels permission, changing nothing, while anyone may list the feeds", async () => {
    const t = await setup();
    await t.run(`/feed add ${t.srv.url("/rss")}`);
    const requests = t.srv.requests.length;
    expect(await t.run("/feed list", MEMBER)).toMatchObject({ kind: "notice" });
    expect(await t.run("/feed", MEMBER)).toMatchObject({ kind: "notice" });
    for (const command of [`/feed add ${t.srv.url("/page")}`, `/feed remove ${t.srv.url("/rss")}`]) {
      expect(await t.run(command, MEMBER)).toMatchObject({ kind: "error", reason: "forbidden" });
    }
    expect(t.srv.requests).toHaveLength(requests);
    expect(await t.store.feeds.list()).toHaveLength(1);
  });

  it("answers malformed /feed commands with their usage", async () => {
    const t = await setup();
    for (const command of [
      "/feed subscribe x",
      "/feed add",
      "/feed add not-a-url",
      "/feed list extra",
      "/feed remove",
    ]) {
      const reply = await t.run(command);
      expect(reply).toMatchObject({
        kind: "error",
        reason: "usage",
        usage: expect.stringContaining("/feed add <url>"),
      });
    }
  });
});
