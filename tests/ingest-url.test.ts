import { afterEach, describe, expect, it } from "vitest";
import type { Store } from "../src/store/store.js";
import { ingestEnv } from "./helpers/ingest-env.js";
import { type LocalServer, startLocalServer } from "./helpers/local-server.js";
import { HARBOR_STRIKE, ORCHARD_FROST, RAIL_BRIDGE } from "./helpers/sample-articles.js";

let store: Store | undefined;
let server: LocalServer | undefined;
afterEach(async () => {
  await store?.close();
  await server?.close();
  store = undefined;
  server = undefined;
});

function page(title: string, body: string, site = "Lindmoor Post"): string {
  const paras = body
    .split("\n\n")
    .map((p) => `<p>${p}</p>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><title>${title} - ${site}</title><meta property="og:site_name" content="${site}">
  <meta property="article:published_time" content="2026-03-06T09:30:00Z"></head><body>
  <header><nav><a href="/">Home</a> <a href="/sport">Sport</a></nav></header>
  <main><article><h1>${title}</h1>${paras}</article>
  <aside><h2>Related stories</h2><ul><li><a href="/x">Another story entirely</a></li></ul></aside></main>
  <footer>Copyright 2026 ${site}</footer></body></html>`;
}

const html = (body: string) => ({ headers: { "content-type": "text/html; charset=utf-8" }, body });

function rss(items: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Lindmoor Post</title><link>http://example.invalid/</link>${items}</channel></rss>`;
}

async function env(timeoutMs = 2000) {
  const e = await ingestEnv({ fetchTimeoutMs: timeoutMs });
  store = e.store;
  return e;
}

describe("ingesting URLs", () => {
  it("fetches a web page and stores only its article, with the page's metadata", async () => {
    server = await startLocalServer({ "/bridge": html(page("Tarrow bridge closed", RAIL_BRIDGE)) });
    const { store, ingest } = await env();
    const report = await ingest([server.url("/bridge")]);
    expect(report.rejected).toEqual([]);
    const a = await store.getArticle(report.added[0]?.id ?? "");
    expect(a).toMatchObject({
      title: "Tarrow bridge closed",
      source: "Lindmoor Post",
      url: server.url("/bridge"),
    });
    expect(a?.publishedAt).toBe("2026-03-06T09:30:00.000Z");
    expect(a?.text).toContain("Safety comes before the timetable");
    expect(a?.text).not.toMatch(/Related stories|Another story|Copyright|Sport/);
  });

  it("ingests every item of an RSS feed, following teaser items to their full pages", async () => {
    const fullText = `${ORCHARD_FROST.split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join("")}<p>${HARBOR_STRIKE.split("\n\n").slice(0, 3).join(" ")}</p>`;
    server = await startLocalServer({
      "/feed": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          rss(`
          <item><title>Tarrow bridge closed</title><link>${server?.url("/bridge")}</link><guid>1</guid><pubDate>Fri, 06 Mar 2026 09:30:00 GMT</pubDate><description>Cracks found in the Tarrow bridge.</description></item>
          <item><title>Frost hits Varden orchards</title><link>${server?.url("/frost")}</link><guid>2</guid><content:encoded><![CDATA[${fullText}]]></content:encoded></item>`),
        );
      },
      "/bridge": html(page("Tarrow bridge closed", RAIL_BRIDGE)),
    });
    const { store, ingest } = await env();
    const report = await ingest([server.url("/feed")]);
    expect(report.rejected).toEqual([]);
    expect(report.added.map((a) => a.title)).toEqual(["Tarrow bridge closed", "Frost hits Varden orchards"]);
    expect(server.hits("/bridge")).toBe(1);
    expect(server.hits("/frost")).toBe(0);
    const bridge = await store.getArticle(report.added[0]?.id ?? "");
    expect(bridge?.text).toContain("replacement buses would run every fifteen minutes");
    expect(bridge?.publishedAt).toBe("2026-03-06T09:30:00.000Z");
  });

  it("rejects one feed item whose page fails and stores the rest", async () => {
    server = await startLocalServer({
      "/feed": (_req, res) => {
        res.writeHead(200, { "content-type": "application/rss+xml" });
        res.end(
          rss(
            `<item><title>Gone</title><link>${server?.url("/gone")}</link></item><item><title>Bridge</title><link>${server?.url("/bridge")}</link></item>`,
          ),
        );
      },
      "/bridge": html(page("Tarrow bridge closed", RAIL_BRIDGE)),
    });
    const { ingest } = await env();
    const report = await ingest([server.url("/feed")]);
    expect(report.added).toHaveLength(1);
    expect(report.rejected).toEqual([
      { input: server.url("/gone"), reason: expect.stringMatching(/HTTP 404/) },
    ]);
  });

  it("rejects a malformed feed with a one-line reason", async () => {
    server = await startLocalServer({
      "/feed": {
        headers: { "content-type": "application/rss+xml" },
        body: "<rss><channel><item><title>x</title></chan",
      },
    });
    const { ingest } = await env();
    const report = await ingest([server.url("/feed")]);
    expect(report.rejected).toEqual([
      { input: server.url("/feed"), reason: expect.stringMatching(/^Not a valid RSS or Atom feed/) },
    ]);
  });

  it("rejects an HTTP error, a timeout, a non-article content type and an invalid URL, and stores the good page", async () => {
    server = await startLocalServer({
      "/bridge": html(page("Tarrow bridge closed", RAIL_BRIDGE)),
      "/image": { headers: { "content-type": "image/png" }, body: "\x89PNG...." },
      "/slow": () => {
        // never answers
      },
      "/login": html(
        `<html><body><form><label>Email</label><input name="e"><label>Password</label><input type="password"><button>Sign in</button></form></body></html>`,
      ),
    });
    const { ingest } = await env(300);
    const inputs = [
      server.url("/missing"),
      server.url("/slow"),
      server.url("/image"),
      "ftp://files.example/a.txt",
      server.url("/login"),
      server.url("/bridge"),
    ];
    const report = await ingest(inputs);
    expect(report.added.map((a) => a.input)).toEqual([server.url("/bridge")]);
    const reasons = Object.fromEntries(report.rejected.map((r) => [r.input, r.reason]));
    expect(reasons[server.url("/missing")]).toMatch(/HTTP 404/);
    expect(reasons[server.url("/slow")]).toMatch(/Timed out/);
    expect(reasons[server.url("/image")]).toMatch(/not an article: the server sent image\/png/);
    expect(reasons["ftp://files.example/a.txt"]).toMatch(/Not an http\(s\) URL/);
    expect(reasons[server.url("/login")]).toMatch(/no article text found/);
  });

  it("recognizes a page fetched again from another URL as a duplicate", async () => {
    const body = html(page("Tarrow bridge closed", RAIL_BRIDGE));
    server = await startLocalServer({
      "/a": body,
      "/b": html(page("Tarrow bridge closed", RAIL_BRIDGE, "Esk Daily")),
    });
    const { ingest } = await env();
    const report = await ingest([server.url("/a"), server.url("/b")]);
    expect(report.added).toHaveLength(1);
    expect(report.duplicates).toEqual([{ input: server.url("/b"), id: report.added[0]?.id }]);
  });
});
