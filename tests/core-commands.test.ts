import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Reply } from "../src/core/reply.js";
import { demoDeps } from "./helpers/demo-store.js";

let deps: CoreDeps;
beforeAll(async () => {
  deps = await demoDeps();
});
afterAll(async () => {
  await deps.store.close();
});

const run = (text: string) => handleCommand(text, { platform: "cli" }, deps);

/** Every cited line must be copied verbatim from (one of) the articles it cites. */
async function expectVerbatim(reply: Reply): Promise<void> {
  for (const section of reply.sections) {
    for (const line of section.lines) {
      if (line.cite.length === 0) continue;
      const texts = await Promise.all(
        line.cite.map(async (n) => {
          const c = reply.citations.find((x) => x.n === n);
          expect(c, `citation [${n}] exists`).toBeDefined();
          return (await deps.store.getArticle(c?.articleId ?? ""))?.text ?? "";
        }),
      );
      expect(
        texts.some((t) => t.replace(/\s+/g, " ").includes(line.text)),
        `"${line.text}" is verbatim`,
      ).toBe(true);
    }
  }
}

describe("/brief", () => {
  it("briefs the three demo events, each from several outlets, every sentence cited and verbatim", async () => {
    const reply = await run("/brief");
    expect(reply.kind).toBe("brief");
    if (reply.kind !== "brief") return;
    expect(reply.data.stories).toHaveLength(3);
    for (const story of reply.data.stories) {
      expect(story.sources.length).toBeGreaterThanOrEqual(3);
      expect(story.sentences.length).toBeGreaterThanOrEqual(1);
      expect(story.sentences.length).toBeLessThanOrEqual(3);
      const words = story.sentences.reduce((n, s) => n + s.text.split(/\s+/).length, 0);
      expect(words).toBeLessThanOrEqual(60);
      for (const s of story.sentences) expect(story.articleIds).toContain(s.articleId);
    }
    await expectVerbatim(reply);
  });

  it("briefs a topic with the stories that match it first", async () => {
    const reply = await run("/brief troops");
    if (reply.kind !== "brief") throw new Error(reply.kind);
    expect(reply.data.topic).toBe("troops");
    expect(reply.data.stories[0]?.headline.toLowerCase()).toMatch(/troop/);
  });

  it("filters by a since window relative to the clock", async () => {
    const reply = await run("/brief 5d");
    if (reply.kind !== "brief") throw new Error(reply.kind);
    expect(reply.data.stories).toHaveLength(1);
    expect(reply.data.stories[0]?.headline.toLowerCase()).toMatch(/troop|talks/);
  });

  it("says there is no coverage of an unknown topic and names covered topics instead", async () => {
    const reply = await run("/brief volcanoes");
    expect(reply.kind).toBe("no-coverage");
    if (reply.kind !== "no-coverage") return;
    expect(reply.data.suggestions.length).toBeGreaterThan(0);
    expect(reply.data.articleCount).toBe(11);
  });
});

describe("/stance", () => {
  it("shows each actor's position in their own cited words, quotes verbatim", async () => {
    const reply = await run("/stance sovereignty");
    expect(reply.kind).toBe("stance");
    if (reply.kind !== "stance") return;
    const names = reply.data.actors.map((a) => a.name);
    expect(names).toContain("Adela Korvin");
    expect(reply.data.relatedTerms.length).toBeGreaterThan(0);
    for (const actor of reply.data.actors) {
      for (const q of actor.quotes) {
        const article = await deps.store.getArticle(q.articleId);
        expect(article?.text).toContain(q.text);
      }
    }
    await expectVerbatim(reply);
  });

  it("finds statements through related terms learned from the corpus", async () => {
    const reply = await run("/stance sovereignty");
    if (reply.kind !== "stance") throw new Error(reply.kind);
    const allText = reply.data.actors.flatMap((a) => [a.position, ...a.quotes.map((q) => q.text)]).join(" ");
    expect(allText.toLowerCase()).not.toContain("sovereignty".repeat(2));
    expect(reply.data.actors.length).toBeGreaterThanOrEqual(2);
  });

  it("gives a no-coverage reply for a topic nobody speaks about", async () => {
    expect((await run("/stance quantum computing")).kind).toBe("no-coverage");
  });
});

describe("/quotes, /ask, /search, /summarize, /stories, /topics, /sources, /help", () => {
  it("lists a person's quotes newest first, each cited", async () => {
    const reply = await run("/quotes Korvin");
    if (reply.kind !== "quotes") throw new Error(reply.kind);
    expect(reply.data.quotes.length).toBeGreaterThan(1);
    expect(new Set(reply.data.quotes.map((q) => q.speaker))).toEqual(new Set(["Adela Korvin"]));
    const dates = reply.data.quotes.map((q) => q.publishedAt ?? "");
    expect(dates).toEqual([...dates].sort().reverse());
    await expectVerbatim(reply);
  });

  it("answers a question with verbatim cited sentences holding the number asked for", async () => {
    const reply = await run("/ask How many soldiers did Norvania offer?");
    if (reply.kind !== "answer") throw new Error(reply.kind);
    expect(reply.data.sentences.length).toBeGreaterThan(0);
    expect(reply.data.sentences[0]?.text).toMatch(/300/);
    await expectVerbatim(reply);
  });

  it("says an unanswerable question is not found in the stored articles", async () => {
    const reply = await run("/ask What is the airspeed of an unladen swallow?");
    if (reply.kind !== "answer") throw new Error(reply.kind);
    expect(reply.data.sentences).toEqual([]);
    expect(reply.intro).toBe("Not found in the 11 stored articles.");
  });

  it("treats hostile search text as plain words", async () => {
    for (const q of [
      '"unbalanced',
      "NEAR(a b)",
      "title:x OR *",
      "((((",
      "a".repeat(500),
      "<!channel> @everyone",
      "'; DROP TABLE articles; --",
    ]) {
      const reply = await run(`/search ${q}`);
      expect(["search", "no-coverage"]).toContain(reply.kind);
    }
    expect(await deps.store.countArticles()).toBe(11);
  });

  it("searches and cites the matching articles", async () => {
    const reply = await run("/search Keld Dam");
    if (reply.kind !== "search") throw new Error(reply.kind);
    expect(reply.data.results.length).toBeGreaterThan(0);
    expect(reply.citations.length).toBe(reply.data.results.length);
  });

  it("summarizes a stored article by id and rejects an unknown id", async () => {
    const [first] = await deps.store.listArticles({ limit: 1 });
    const reply = await run(`/summarize ${first?.id}`);
    if (reply.kind !== "summary") throw new Error(reply.kind);
    expect(reply.data.sentences.length).toBeGreaterThan(0);
    await expectVerbatim(reply);
    const missing = await run("/summarize 000000000000");
    expect(missing).toMatchObject({ kind: "error", reason: "not-found" });
  });

  it("lists the three stories with all their articles", async () => {
    const reply = await run("/stories");
    if (reply.kind !== "stories") throw new Error(reply.kind);
    expect(reply.data.stories.map((s) => s.articleIds.length).sort()).toEqual([3, 4, 4]);
  });

  it("lists topics and sources", async () => {
    const topics = await run("/topics");
    if (topics.kind !== "topics") throw new Error(topics.kind);
    expect(topics.data.topics.map((t) => t.term)).toContain("adela korvin");
    const sources = await run("/sources");
    if (sources.kind !== "sources") throw new Error(sources.kind);
    expect(sources.data.sources.map((s) => s.name)).toContain("Riverline Post");
  });

  it("turns malformed commands into usage errors, never exceptions", async () => {
    expect(await run("/stance")).toMatchObject({
      kind: "error",
      reason: "usage",
      usage: expect.stringContaining("/stance <topic>"),
    });
    expect(await run("/nope")).toMatchObject({ kind: "error", reason: "usage" });
    expect(await run(`/ask ${"why ".repeat(200)}`)).toMatchObject({ kind: "error", reason: "usage" });
    expect((await run("/help")).kind).toBe("help");
  });
});
