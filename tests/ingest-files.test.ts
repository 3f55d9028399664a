import { afterEach, describe, expect, it, vi } from "vitest";
import type { Store } from "../src/store/store.js";
import { ingestEnv, tempDir } from "./helpers/ingest-env.js";
import { HARBOR_STRIKE, ORCHARD_FROST, RAIL_BRIDGE } from "./helpers/sample-articles.js";

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function env() {
  const e = await ingestEnv();
  store = e.store;
  return e;
}

describe("ingesting files", () => {
  it("stores a .txt file with a headline line as title and a date marker as publication date", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const p = t.write("strike.txt", `date 2026-04-14\nDockers strike at Port Vessa\n\n${HARBOR_STRIKE}`);
    const report = await ingest([p]);
    expect(report.rejected).toEqual([]);
    expect(report.added).toHaveLength(1);
    const a = await store.getArticle(report.added[0]?.id ?? "");
    expect(a?.title).toBe("Dockers strike at Port Vessa");
    expect(a?.publishedAt).toBe("2026-04-14");
    expect(a?.language).toBe("en");
    expect(a?.text.split("\n\n")).toHaveLength(5);
    expect(a?.text).not.toContain("date 2026");
  });

  it("stores a Markdown file with its front matter as metadata", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const p = t.write(
      "bridge.md",
      `---\ntitle: Tarrow bridge closed for repairs\nsource: The Lindmoor Post\nurl: https://post.example/tarrow\npublished: 2026-03-06\nauthor: Ada Vell\n---\n\n## Cracks found\n\n${RAIL_BRIDGE}`,
    );
    const report = await ingest([p]);
    const a = await store.getArticle(report.added[0]?.id ?? "");
    expect(a).toMatchObject({
      title: "Tarrow bridge closed for repairs",
      source: "The Lindmoor Post",
      url: "https://post.example/tarrow",
      publishedAt: "2026-03-06",
      author: "Ada Vell",
    });
    expect(a?.text.startsWith("Cracks found\n\n")).toBe(true);
  });

  it("stores an HTML page using its metadata and only the article body", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const paras = ORCHARD_FROST.split("\n\n")
      .map((p) => `<p>${p}</p>`)
      .join("\n");
    const p = t.write(
      "frost.html",
      `<!doctype html><html lang="en"><head><title>Frost hits Varden orchards | Valley Gazette</title>
      <meta property="og:site_name" content="Valley Gazette"><meta property="article:published_time" content="2026-04-22T08:00:00Z">
      </head><body><nav><a href="/">Home</a><a href="/news">News</a></nav>
      <article><h1>Frost hits Varden orchards</h1>${paras}</article>
      <footer>© 2026 Valley Gazette. All rights reserved.</footer></body></html>`,
    );
    const report = await ingest([p]);
    expect(report.rejected).toEqual([]);
    const a = await store.getArticle(report.added[0]?.id ?? "");
    expect(a?.title).toBe("Frost hits Varden orchards");
    expect(a?.source).toBe("Valley Gazette");
    expect(a?.publishedAt).toBe("2026-04-22T08:00:00.000Z");
    expect(a?.text).toContain("Tomas Hale estimated the losses at 2.5 million crowns");
    expect(a?.text).not.toMatch(/Home|All rights reserved/);
  });

  it("stores a .json article object and each line of a .jsonl file with path:line inputs and external ids", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const json = t.write(
      "one.json",
      JSON.stringify({ title: "Strike", text: HARBOR_STRIKE, source: "Vessa Tribune" }),
    );
    const jsonl = t.write(
      "many.jsonl",
      `${JSON.stringify({ id: "b-1", title: "Bridge", body: RAIL_BRIDGE, publishedAt: "2026-03-06" })}\n\n${JSON.stringify({ id: 7, title: "Frost", text: ORCHARD_FROST })}\n`,
    );
    const report = await ingest([json, jsonl]);
    expect(report.rejected).toEqual([]);
    expect(report.added.map((a) => [a.input, a.externalId, a.title])).toEqual([
      [json, undefined, "Strike"],
      [`${jsonl}:1`, "b-1", "Bridge"],
      [`${jsonl}:3`, "7", "Frost"],
    ]);
    expect((await store.getArticle(report.added[0]?.id ?? ""))?.source).toBe("Vessa Tribune");
  });

  it("walks a directory recursively, skipping hidden files and READMEs", async () => {
    const { ingest } = await env();
    const t = tempDir();
    t.write("a/strike.txt", HARBOR_STRIKE);
    t.write("a/b/bridge.txt", RAIL_BRIDGE);
    t.write(".hidden.txt", ORCHARD_FROST);
    t.write("README.md", "# About these files\n\nThey are test fixtures.");
    const report = await ingest([t.dir]);
    expect(report.rejected).toEqual([]);
    expect(report.added.map((a) => a.input.slice(t.dir.length))).toEqual([
      "/a/b/bridge.txt",
      "/a/strike.txt",
    ]);
  });

  it("keeps the raw input so the article can be re-cleaned", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const body = `Advertisement\n${HARBOR_STRIKE}`;
    const p = t.write("strike.txt", body);
    const report = await ingest([p]);
    const raw = await store.getRaw(report.added[0]?.id ?? "");
    expect(raw).toMatchObject({ format: "text", body, origin: p });
  });
});

describe("boilerplate a site repeats", () => {
  it("drops a block once three earlier articles of the same site carried it", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const repeated = "Harlow Post journalism is made possible by readers in the Esk valley and beyond.";
    const stories = [
      HARBOR_STRIKE,
      RAIL_BRIDGE,
      ORCHARD_FROST,
      `${HARBOR_STRIKE.split("\n\n").slice(0, 2).join("\n\n")}\n\n${RAIL_BRIDGE.split("\n\n").slice(2).join("\n\n")}`,
    ];
    const files = stories.map((body, i) =>
      t.write(`${i}.md`, `---\nsource: Harlow Post\n---\n${body}\n\n${repeated}`),
    );
    const report = await ingest(files);
    expect(report.added).toHaveLength(4);
    const texts = await Promise.all(
      report.added.map(async (a) => (await store.getArticle(a.id))?.text ?? ""),
    );
    expect(texts.map((x) => x.includes(repeated))).toEqual([true, true, true, false]);
  });
});

describe("deduplication", () => {
  it("reports the same file ingested twice as a duplicate and stores it once", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const p = t.write("strike.txt", HARBOR_STRIKE);
    const first = await ingest([p]);
    const second = await ingest([p]);
    expect(second.added).toEqual([]);
    expect(second.duplicates).toEqual([{ input: p, id: first.added[0]?.id }]);
    expect(await store.countArticles()).toBe(1);
  });

  it("recognizes the same article wrapped in different boilerplate from another URL", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const a = t.write(
      "a.md",
      `---\nurl: https://one.example/strike\nsource: One\n---\nAdvertisement\n\n${HARBOR_STRIKE}\n\nSign up for our daily newsletter to get the news in your inbox.`,
    );
    const b = t.write(
      "b.md",
      `---\nurl: https://two.example/news/4411\nsource: Two\n---\nListen to this article\n\n${HARBOR_STRIKE.replace("on Tuesday", "on Tuesday morning")}\n\nMost read\n\n- Ten recipes for spring\n- Local team wins again`,
    );
    const report = await ingest([a, b]);
    expect(report.added).toHaveLength(1);
    expect(report.duplicates).toEqual([{ input: b, id: report.added[0]?.id }]);
    expect(await store.countArticles()).toBe(1);
  });

  it("stores different articles on the same topic separately", async () => {
    const { ingest } = await env();
    const t = tempDir();
    const report = await ingest([t.write("a.txt", HARBOR_STRIKE), t.write("b.txt", RAIL_BRIDGE)]);
    expect(report.added).toHaveLength(2);
    expect(report.duplicates).toEqual([]);
  });
});

describe("analysis after storing", () => {
  it("keeps an article whose analysis fails, analyses the others, and retries it on the next run", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const files = [
      t.write("1.txt", HARBOR_STRIKE),
      t.write("2.txt", RAIL_BRIDGE),
      t.write("3.txt", ORCHARD_FROST),
    ];
    const real = store.saveAnalysis.bind(store);
    let failOnce = true;
    const spy = vi.spyOn(store, "saveAnalysis").mockImplementation(async (id, analysis) => {
      const article = await store.getArticle(id);
      if (failOnce && article?.text.includes("Tarrow")) {
        failOnce = false;
        throw new Error("disk full");
      }
      return real(id, analysis);
    });
    const report = await ingest(files);
    expect(report.added).toHaveLength(3);
    expect(await store.unanalysedArticleIds(10)).toHaveLength(1);
    // A first import re-groups the whole corpus from the texts, so even that article has its story.
    expect((await store.storiesOfArticles(report.added.map((a) => a.id))).size).toBe(3);
    await ingest([]);
    spy.mockRestore();
    expect(await store.unanalysedArticleIds(10)).toEqual([]);
    expect((await store.storiesOfArticles(report.added.map((a) => a.id))).size).toBe(3);
  });
});
