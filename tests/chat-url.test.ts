import { describe, expect, it } from "vitest";
import type { CommandContext, CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Reply } from "../src/core/reply.js";
import { createChatUrlService } from "../src/ingest/chat-url-service.js";
import { articlePage, FERRY_COURIER, FERRY_POST, rss, testClock } from "./helpers/feed-fixtures.js";
import type { Route } from "./helpers/local-server.js";
import { useServedFeedEnv } from "./helpers/poller-env.js";

const serve = useServedFeedEnv();

const SLACK: CommandContext = { platform: "slack", workspaceId: "T1", channelId: "C1", userId: "U1" };
const html = (body: string) => ({ headers: { "content-type": "text/html; charset=utf-8" }, body });

async function setup(
  routes: Record<string, Route>,
  options: { allowed?: string; maxBytes?: number; timeoutMs?: number; noUrls?: boolean } = {},
) {
  const { srv, env } = await serve(routes, {
    allowed: options.allowed ?? "127.0.0.1",
    fetchTimeoutMs: options.timeoutMs ?? 2000,
  });
  const clock = testClock();
  const limits = { ...env.limits, maxBytes: options.maxBytes ?? env.limits.maxBytes };
  const deps: CoreDeps = { store: env.store, now: clock.now, logger: env.logger };
  if (!options.noUrls) {
    deps.urls = createChatUrlService({
      store: env.store,
      logger: env.logger,
      now: clock.now,
      guard: env.guard,
      limits,
    });
  }
  const run = (text: string, context: CommandContext = SLACK) => handleCommand(text, context, deps);
  return { run, store: env.store, srv };
}

function text(reply: Reply): string {
  if (reply.kind === "error") return reply.message;
  return reply.sections.flatMap((s) => s.lines.map((l) => l.text)).join("\n");
}

const FERRY_ROUTES = {
  "/ferry": html(articlePage("Ferry runs aground off Harlow", FERRY_POST)),
  "/ferry-2": html(articlePage("Stranded on the Marit Vale", FERRY_COURIER, "Island Courier")),
};

describe("/ingest <url>", () => {
  it("stores the article at the URL, analysed and grouped, and names it", async () => {
    const t = await setup(FERRY_ROUTES);
    const reply = await t.run(`/ingest ${t.srv.url("/ferry")}`);
    expect(reply).toMatchObject({
      kind: "notice",
      title: "Article stored",
      data: { command: "ingest", status: "ok" },
    });
    const [article] = await t.store.listArticles();
    expect(article?.title).toBe("Ferry runs aground off Harlow");
    expect(text(reply)).toContain(`Stored "Ferry runs aground off Harlow" as [${article?.id}].`);
    expect((await t.store.storiesOfArticles([article?.id ?? ""])).size).toBe(1);
  });

  it("names the stored duplicate instead of storing the article twice", async () => {
    const t = await setup(FERRY_ROUTES);
    await t.run(`/ingest ${t.srv.url("/ferry")}`);
    const again = await t.run(`/ingest <${t.srv.url("/ferry")}|the ferry story>`);
    const [article] = await t.store.listArticles();
    expect(again).toMatchObject({ kind: "notice", title: "Already stored", data: { status: "info" } });
    expect(text(again)).toBe(
      `That article is already stored as [${article?.id}]: "Ferry runs aground off Harlow".`,
    );
    expect(await t.store.countArticles()).toBe(1);
  });

  it("refuses an unsafe URL with one line and stores nothing", async () => {
    const t = await setup(FERRY_ROUTES, { allowed: "" });
    for (const [url, reason] of [
      [t.srv.url("/ferry"), "127.0.0.1 is a loopback address"],
      ["http://10.0.0.5/story", "10.0.0.5 is a private address"],
      ["http://169.254.169.254/latest/meta-data/", "169.254.169.254 is the cloud metadata address"],
      ["http://[::ffff:7f00:1]/", "::ffff:7f00:1 is a loopback address (IPv4-mapped 127.0.0.1)"],
    ] as const) {
      const reply = await t.run(`/ingest ${url}`);
      expect(reply).toMatchObject({ kind: "error", reason: "failed" });
      expect(text(reply)).toMatch(/^Could not ingest that URL: refused /);
      expect(text(reply)).toContain(`${reason} (set NEWSDESK_ALLOWED_HOSTS to allow it)`);
      expect(text(reply)).not.toContain("\n");
    }
    expect(t.srv.requests).toHaveLength(0);
    expect(await t.store.countArticles()).toBe(0);
  });

  it("points a feed URL to /feed add, and reports HTTP errors, size and time limits in one line", async () => {
    const t = await setup(
      {
        "/rss": { headers: { "content-type": "application/rss+xml" }, body: rss("Harlow Post", []) },
        "/big": html(`<html><body>${"x".repeat(5000)}</body></html>`),
        "/slow": () => {},
      },
      { maxBytes: 2000, timeoutMs: 300 },
    );
    expect(text(await t.run(`/ingest ${t.srv.url("/rss")}`))).toBe(
      `Could not ingest that URL: ${t.srv.url("/rss")} is an RSS or Atom feed: follow it with /feed add ${t.srv.url("/rss")}`,
    );
    expect(text(await t.run(`/ingest ${t.srv.url("/missing")}`))).toBe(
      `Could not ingest that URL: HTTP 404 Not Found from ${t.srv.url("/missing")}`,
    );
    expect(text(await t.run(`/ingest ${t.srv.url("/big")}`))).toMatch(/is larger than the 2 KB limit/);
    expect(text(await t.run(`/ingest ${t.srv.url("/slow")}`))).toBe(
      `Could not ingest that URL: Timed out after 0.3 s fetching ${t.srv.url("/slow")}`,
    );
    expect(await t.store.countArticles()).toBe(0);
  });

  it("asks for a URL when given something else", async () => {
    const t = await setup({});
    const reply = await t.run("/ingest ferry news");
    expect(reply).toMatchObject({
      kind: "error",
      reason: "usage",
      usage: expect.stringContaining("/ingest <url>"),
    });
  });
});

describe("/summarize <url>", () => {
  it("ingests the page and summarises it from the stored article", async () => {
    const t = await setup(FERRY_ROUTES);
    const reply = await t.run(`/summarize ${t.srv.url("/ferry-2")}`);
    if (reply.kind !== "summary") throw new Error(text(reply));
    const [article] = await t.store.listArticles();
    expect(reply.data.articleId).toBe(article?.id);
    expect(reply.title).toBe("Stranded on the Marit Vale");
    expect(reply.data.sentences.length).toBeGreaterThanOrEqual(1);
    const stored = await t.store.getArticle(article?.id ?? "");
    for (const s of reply.data.sentences) expect(stored?.text.replace(/\s+/g, " ")).toContain(s.text);
    expect(reply.citations[0]).toMatchObject({ n: 1, articleId: article?.id, source: "Island Courier" });
  });

  it("summarises the stored duplicate of a URL it has seen, storing nothing new", async () => {
    const t = await setup(FERRY_ROUTES);
    const first = await t.run(`/summarize ${t.srv.url("/ferry")}`);
    const second = await t.run(`/summarize ${t.srv.url("/ferry")}`);
    expect(first.kind).toBe("summary");
    expect(second).toEqual(first);
    expect(await t.store.countArticles()).toBe(1);
  });

  it("refuses an unsafe URL with one line and stores nothing", async () => {
    const t = await setup(FERRY_ROUTES, { allowed: "" });
    const reply = await t.run("/summarize http://0x7f.1/ferry");
    expect(reply).toMatchObject({ kind: "error", reason: "failed" });
    expect(text(reply)).toBe(
      "Could not fetch that URL: refused http://127.0.0.1/ferry: 127.0.0.1 is a loopback address (set NEWSDESK_ALLOWED_HOSTS to allow it)",
    );
    expect(await t.store.countArticles()).toBe(0);
  });
});

describe("without URL fetching", () => {
  it("answers /ingest, /summarize <url> and /feed add with a clear error, and still summarises by id", async () => {
    const t = await setup(FERRY_ROUTES, { noUrls: true });
    for (const command of [
      `/ingest ${t.srv.url("/ferry")}`,
      `/summarize ${t.srv.url("/ferry")}`,
      `/feed add ${t.srv.url("/rss")}`,
    ]) {
      const reply = await t.run(command, { ...SLACK, canManageChannel: true });
      expect(reply).toMatchObject({ kind: "error", reason: "failed" });
      expect(text(reply)).toMatch(/^This newsdesk was started without URL fetching for chat/);
    }
    expect(t.srv.requests).toHaveLength(0);
    expect(await t.run("/summarize 0123456789ab")).toMatchObject({ kind: "error", reason: "not-found" });
  });
});
