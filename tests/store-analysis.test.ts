import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewArticle } from "../src/core/article.js";
import type { StoryFeatures, StoryState } from "../src/core/stories/types.js";
import { silentLogger } from "../src/logger.js";
import type { ArticleAnalysis, StoredAttribution } from "../src/store/analysis.js";
import { openStore } from "../src/store/open-store.js";
import { MIGRATIONS, migrate } from "../src/store/sqlite/migrations.js";
import { openSqliteStore } from "../src/store/sqlite/sqlite-store.js";
import type { Store } from "../src/store/store.js";
import { article } from "./helpers/store-fixtures.js";

/** Ms at UTC midnight of an ISO date, as story features and states hold days. */
function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function features(keys: string[], time: number | null = null): StoryFeatures {
  const w = 1 / Math.sqrt(Math.max(1, keys.length));
  return {
    terms: keys.map((k): [string, number] => [k, w]),
    entities: keys.filter((k) => k.startsWith("@")).map((k) => k.slice(1)),
    numbers: [],
    time,
  };
}

function said(
  speaker: string,
  content: string,
  overrides: Partial<StoredAttribution> = {},
): StoredAttribution {
  return {
    speaker,
    speakerMention: speaker.split(" ").at(-1) ?? speaker,
    content,
    cue: "said",
    direct: true,
    contentStart: 0,
    contentEnd: content.length,
    ...overrides,
  };
}

function analysis(overrides: Partial<ArticleAnalysis> = {}): ArticleAnalysis {
  const storyKeys = overrides.storyKeys ?? ["harbour", "strike"];
  return {
    attributions: [],
    storyFeatures: features(storyKeys),
    storyKeys,
    keywords: [],
    ...overrides,
  };
}

function story(
  id: string,
  articleIds: string[],
  keys: string[],
  start: number | null = null,
  end = start,
): StoryState {
  return {
    id,
    articleIds,
    centroid: keys.map((k, i): [string, number] => [k, 1 / (i + 1)]),
    entities: keys.filter((k) => k.startsWith("@")).map((k) => k.slice(1)),
    start,
    end,
  };
}

let texts = 0;
/** Inserts an article with a text of its own (content hashes are unique). */
async function add(store: Store, overrides: Partial<NewArticle> = {}): Promise<NewArticle> {
  texts++;
  const a = article(
    `Dispatch ${texts} from the port of Vessa. The harbour authority met the dock workers' union again today.`,
    overrides,
  );
  await store.insertArticle(a);
  return a;
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-analysis-"));
  tempDirs.push(dir);
  return join(dir, "newsdesk.db");
}

describe("analysis store", () => {
  let store: Store;

  beforeEach(async () => {
    store = await openStore(":memory:");
  });

  afterEach(async () => {
    await store.close();
  });

  describe("saveAnalysis", () => {
    it("round-trips features, attributions and keywords", async () => {
      const a = await add(store, {
        title: "Dockers strike in Vessa",
        source: "Lumen Gazette",
        url: "https://gazette.example/strike",
        publishedAt: "2024-03-05T08:00:00Z",
      });
      const f = features(["strike", "@mara okonte", "#4%"], day("2024-03-05"));
      const quote = said("Mara Okonte", "We will not wait a twelfth month", {
        contentStart: 10,
        contentEnd: 42,
      });
      const reported = said("Paul Ferrand", "the offer was fair", { direct: false, cue: "argued" });
      await store.saveAnalysis(a.id, {
        attributions: [quote, reported],
        storyFeatures: f,
        storyKeys: ["strike", "@mara okonte", "#4%", "strike"],
        keywords: ["mara okonte", "strike", "harbour", "strike"],
      });

      expect((await store.getStoryFeatures([a.id])).get(a.id)).toEqual(f);
      expect(await store.keywordsOfArticles([a.id])).toEqual(
        new Map([[a.id, ["mara okonte", "strike", "harbour"]]]),
      );
      const article = {
        articleId: a.id,
        title: a.title,
        source: a.source,
        url: a.url,
        publishedAt: a.publishedAt,
      };
      expect(await store.attributionsOfArticles([a.id])).toEqual([
        { ...quote, ...article, score: 0 },
        { ...reported, ...article, score: 0 },
      ]);
      const { df, total } = await store.storyKeyFrequencies(["strike", "@mara okonte", "unseen"]);
      expect(Object.fromEntries(df)).toEqual({ strike: 1, "@mara okonte": 1, unseen: 0 });
      expect(total).toBe(1);
      expect(await store.keywordCounts(["strike", "unseen"])).toEqual(
        new Map([
          ["strike", 1],
          ["unseen", 0],
        ]),
      );
    });

    it("rejects an unknown article with NOT_FOUND", async () => {
      await expect(store.saveAnalysis("missing", analysis())).rejects.toMatchObject({ code: "NOT_FOUND" });
      expect((await store.storyKeyFrequencies([])).total).toBe(0);
    });

    it("replacing an analysis takes the old keys and keywords out of the counts", async () => {
      const a = await add(store);
      const b = await add(store);
      await store.saveAnalysis(
        a.id,
        analysis({ storyKeys: ["strike", "harbour"], keywords: ["strike", "harbour"] }),
      );
      await store.saveAnalysis(b.id, analysis({ storyKeys: ["strike"], keywords: ["strike"] }));
      await store.saveAnalysis(
        a.id,
        analysis({
          storyKeys: ["strike", "frost"],
          keywords: ["frost", "strike"],
          attributions: [said("Tomas Hale", "The orchards are lost")],
        }),
      );
      await store.saveAnalysis(
        a.id,
        analysis({
          storyKeys: ["frost", "orchard"],
          keywords: ["orchard", "frost"],
          attributions: [said("Nadia Cirelli", "The council will meet on Friday")],
        }),
      );

      const { df, total } = await store.storyKeyFrequencies(["strike", "harbour", "frost", "orchard"]);
      expect(Object.fromEntries(df)).toEqual({ strike: 1, harbour: 0, frost: 1, orchard: 1 });
      expect(total).toBe(2);
      expect(await store.topKeywords(10)).toEqual([
        { term: "frost", articles: 1 },
        { term: "orchard", articles: 1 },
        { term: "strike", articles: 1 },
      ]);
      expect((await store.keywordsOfArticles([a.id])).get(a.id)).toEqual(["orchard", "frost"]);
      expect((await store.attributionsOfArticles([a.id])).map((h) => h.speaker)).toEqual(["Nadia Cirelli"]);
      expect(await store.searchAttributions("orchards", { limit: 10 })).toEqual([]);
      expect(await store.topSpeakers(10)).toEqual([{ name: "Nadia Cirelli", attributions: 1, articles: 1 }]);
    });

    it("leaves the previous analysis intact when saving a new one fails", async () => {
      const s = await openSqliteStore(":memory:");
      try {
        const a = await add(s);
        const before = analysis({
          storyKeys: ["strike", "harbour"],
          keywords: ["strike"],
          attributions: [said("Mara Okonte", "We have waited eleven months")],
        });
        await s.saveAnalysis(a.id, before);
        const broken = analysis({
          storyKeys: ["frost"],
          keywords: ["frost"],
          // The second attribution fails after the old rows are gone and the new analysis is half written.
          attributions: [
            said("Tomas Hale", "Losses are large"),
            said("Tomas Hale", "x", { content: null as unknown as string }),
          ],
        });
        await expect(s.saveAnalysis(a.id, broken)).rejects.toMatchObject({ code: "STORE_FAILED" });

        expect((await s.getStoryFeatures([a.id])).get(a.id)).toEqual(before.storyFeatures);
        expect((await s.keywordsOfArticles([a.id])).get(a.id)).toEqual(["strike"]);
        expect((await s.attributionsOfArticles([a.id])).map((h) => h.content)).toEqual([
          "We have waited eleven months",
        ]);
        const { df, total } = await s.storyKeyFrequencies(["strike", "harbour", "frost"]);
        expect(Object.fromEntries(df)).toEqual({ strike: 1, harbour: 1, frost: 0 });
        expect(total).toBe(1);
        expect(await s.keywordCounts(["frost"])).toEqual(new Map([["frost", 0]]));
        expect(await s.searchAttributions("losses", { limit: 5 })).toEqual([]);
        expect(await s.checkIntegrity()).toEqual([]);
      } finally {
        await s.close();
      }
    });

    it("lists unanalysed and ungrouped articles oldest first, up to the limit", async () => {
      const [a, b, c] = [await add(store), await add(store), await add(store)];
      expect(await store.unanalysedArticleIds(10)).toEqual([a.id, b.id, c.id]);
      await store.saveAnalysis(b.id, analysis());
      expect(await store.unanalysedArticleIds(10)).toEqual([a.id, c.id]);
      expect(await store.unanalysedArticleIds(1)).toEqual([a.id]);
      await store.saveAnalysis(c.id, analysis());
      await store.saveAnalysis(a.id, analysis());
      expect(await store.ungroupedArticleIds(10)).toEqual([a.id, b.id, c.id]);
      await store.saveStory(story("s1", [b.id], ["strike"]), "Strike", b.id);
      expect(await store.ungroupedArticleIds(10)).toEqual([a.id, c.id]);
      expect(await store.ungroupedArticleIds(0)).toEqual([]);
    });

    it("keeps analysis as is when the article is re-cleaned", async () => {
      const a = await add(store);
      await store.saveAnalysis(a.id, analysis({ keywords: ["strike"] }));
      await store.updateClean(a.id, { ...a, title: "Re-cleaned title" });
      expect((await store.keywordsOfArticles([a.id])).get(a.id)).toEqual(["strike"]);
      expect(await store.unanalysedArticleIds(10)).toEqual([]);
    });
  });

  describe("stories", () => {
    it("saveStory creates a story, then updates it, keeping the articles in the order they joined", async () => {
      const a = await add(store, { source: "Lumen Gazette", publishedAt: "2024-03-05" });
      const b = await add(store, { source: "Vessa Post", publishedAt: "2024-03-06" });
      const c = await add(store, { source: "Lumen Gazette", publishedAt: "2024-03-07" });
      const s1 = story("story-a", [a.id], ["strike", "@mara okonte"], day("2024-03-05"));
      await store.saveStory(s1, "Dockers strike", a.id);
      const [created] = await store.getStories(["story-a"]);
      expect(created).toMatchObject({
        id: "story-a",
        headline: "Dockers strike",
        articleIds: [a.id],
        sources: ["Lumen Gazette"],
        articleCount: 1,
        sourceCount: 1,
        start: "2024-03-05",
        end: "2024-03-05",
      });
      expect(Date.parse(created?.updatedAt ?? "")).not.toBeNaN();

      const s2 = { ...s1, articleIds: [a.id, c.id], end: day("2024-03-07") };
      await store.saveStory(s2, "Dockers strike goes on", c.id);
      const s3 = { ...s2, articleIds: [a.id, c.id, b.id] };
      await store.saveStory(s3, "Dockers strike spreads", b.id);
      expect((await store.getStories(["story-a"]))[0]).toMatchObject({
        headline: "Dockers strike spreads",
        articleIds: [a.id, c.id, b.id],
        sources: ["Lumen Gazette", "Vessa Post"],
        articleCount: 3,
        sourceCount: 2,
        start: "2024-03-05",
        end: "2024-03-07",
      });
      expect(await store.storiesOfArticles([a.id, b.id, c.id, "unknown"])).toEqual(
        new Map([
          [a.id, "story-a"],
          [b.id, "story-a"],
          [c.id, "story-a"],
        ]),
      );
      const [state] = await store.candidateStories(["strike"], 5);
      expect(state).toEqual(s3);
    });

    it("saving a story again for one of its articles updates it without adding the article twice", async () => {
      const a = await add(store);
      await store.saveStory(story("s", [a.id], ["strike"]), "First", a.id);
      await store.saveStory(story("s", [a.id], ["strike"]), "Second", a.id);
      expect((await store.getStories(["s"]))[0]).toMatchObject({ headline: "Second", articleIds: [a.id] });
    });

    it("saveStory refreshes the story's postings to its centroid's keys", async () => {
      const a = await add(store);
      const b = await add(store);
      await store.saveStory(story("s", [a.id], ["strike", "harbour"]), "Strike", a.id);
      await store.saveStory(story("s", [a.id, b.id], ["harbour", "frost"]), "Strike", b.id);
      expect(await store.candidateStories(["strike"], 5)).toEqual([]);
      expect((await store.candidateStories(["frost"], 5)).map((s) => s.id)).toEqual(["s"]);
      expect((await store.candidateStories(["harbour", "frost"], 5)).map((s) => s.articleIds)).toEqual([
        [a.id, b.id],
      ]);
    });

    it("dates a story from its state, else from its articles, else not at all", async () => {
      const a = await add(store, { publishedAt: "2024-05-02T10:00:00Z" });
      const b = await add(store, { publishedAt: "2024-04-30" });
      const c = await add(store, { publishedAt: null });
      await store.saveStory(story("dated", [a.id], ["x"], day("2024-05-01"), day("2024-05-03")), "D", a.id);
      await store.saveStory(story("fallback", [b.id], ["x"], null), "F", b.id);
      await store.saveStory(story("undated", [c.id], ["x"], null), "U", c.id);
      const byId = new Map((await store.getStories(["dated", "fallback", "undated"])).map((s) => [s.id, s]));
      expect(byId.get("dated")).toMatchObject({ start: "2024-05-01", end: "2024-05-03" });
      expect(byId.get("fallback")).toMatchObject({ start: "2024-04-30", end: "2024-04-30" });
      expect(byId.get("undated")).toMatchObject({ start: null, end: null });
    });

    it("refuses to add an article that belongs to another story, changing nothing", async () => {
      const a = await add(store);
      const b = await add(store);
      await store.saveStory(story("first", [a.id], ["strike"]), "First", a.id);
      await expect(
        store.saveStory(story("second", [b.id, a.id], ["frost"]), "Second", a.id),
      ).rejects.toMatchObject({
        code: "STORE_FAILED",
        message: expect.stringContaining("first"),
      });
      expect(await store.getStories(["second"])).toEqual([]);
      expect(await store.candidateStories(["frost"], 5)).toEqual([]);
      expect(await store.storiesOfArticles([a.id])).toEqual(new Map([[a.id, "first"]]));
    });

    it("rejects an unknown article with NOT_FOUND and creates no story", async () => {
      await expect(
        store.saveStory(story("s", ["missing"], ["strike"]), "S", "missing"),
      ).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
      expect(await store.listStories({ orderBy: "recent", limit: 10 })).toEqual([]);
    });

    it("candidateStories ranks stories by shared keys, then by last update, and honours the limit", async () => {
      const ids = [];
      for (let i = 0; i < 5; i++) ids.push((await add(store)).id);
      const [a, b, c, d, e] = ids as [string, string, string, string, string];
      await store.saveStory(story("one-key", [a], ["strike", "rain"]), "1", a);
      await store.saveStory(story("three-keys", [b], ["strike", "harbour", "@mara okonte"]), "3", b);
      await store.saveStory(story("two-keys-old", [c], ["strike", "harbour", "frost"]), "2", c);
      await store.saveStory(story("two-keys-new", [d], ["strike", "harbour", "snow"]), "2", d);
      await store.saveStory(story("unrelated", [e], ["orchard"]), "0", e);

      const keys = ["strike", "harbour", "@mara okonte"];
      const ranked = (await store.candidateStories(keys, 10)).map((s) => s.id);
      expect(ranked).toEqual(["three-keys", "two-keys-new", "two-keys-old", "one-key"]);
      expect((await store.candidateStories(keys, 2)).map((s) => s.id)).toEqual([
        "three-keys",
        "two-keys-new",
      ]);
      expect(await store.candidateStories(keys, 0)).toEqual([]);
      expect(await store.candidateStories([], 10)).toEqual([]);

      // Gaining an article makes the older of the tied stories the most recently updated one.
      const f = await add(store);
      await store.saveStory(story("two-keys-old", [c, f.id], ["strike", "harbour", "frost"]), "2", f.id);
      expect((await store.candidateStories(keys, 10)).map((s) => s.id)).toEqual([
        "three-keys",
        "two-keys-old",
        "two-keys-new",
        "one-key",
      ]);
    });

    it("candidateStories leaves out stories too far in time from the article, keeping undated ones", async () => {
      const ids = [];
      for (let i = 0; i < 4; i++) ids.push((await add(store)).id);
      const [a, b, c, d] = ids as [string, string, string, string];
      const keys = ["strike", "harbour"];
      await store.saveStory(story("last-year", [a], keys, day("2023-03-01"), day("2023-03-04")), "1", a);
      await store.saveStory(
        story("three-weeks-ago", [b], keys, day("2024-02-01"), day("2024-02-12")),
        "2",
        b,
      );
      await store.saveStory(story("next-month", [c], keys, day("2024-04-04")), "3", c);
      await store.saveStory(story("undated", [d], keys, null), "4", d);
      const around = async (time: number | null) =>
        (await store.candidateStories(keys, 10, time)).map((s) => s.id).sort();
      // 21 days from 2024-03-04 reach back to 2024-02-12 and forward to 2024-03-25.
      expect(await around(day("2024-03-04"))).toEqual(["three-weeks-ago", "undated"]);
      expect(await around(day("2024-03-05"))).toEqual(["undated"]);
      expect(await around(day("2024-03-14"))).toEqual(["next-month", "undated"]);
      expect(await around(null)).toEqual(["last-year", "next-month", "three-weeks-ago", "undated"]);
      expect(await around(undefined as unknown as null)).toHaveLength(4);
    });

    it("lists stories newest first or broadest first, and filters them by date", async () => {
      const gazette = { source: "Lumen Gazette" };
      const post = { source: "Vessa Post" };
      const [a1, a2, b1, c1, c2, c3] = [
        await add(store, gazette),
        await add(store, post),
        await add(store, gazette),
        await add(store, gazette),
        await add(store, gazette),
        await add(store, gazette),
      ] as NewArticle[];
      const save = async (id: string, members: NewArticle[], start: string | null, end: string | null) => {
        const ids: string[] = [];
        for (const m of members) {
          ids.push(m.id);
          const s = story(
            id,
            [...ids],
            ["k"],
            start === null ? null : day(start),
            end === null ? null : day(end),
          );
          await store.saveStory(s, `Headline ${id}`, m.id);
        }
      };
      await save("two-sources", [a1 as NewArticle, a2 as NewArticle], "2024-02-01", "2024-02-03");
      await save("recent", [b1 as NewArticle], "2024-03-10", "2024-03-10");
      await save(
        "three-articles",
        [c1 as NewArticle, c2 as NewArticle, c3 as NewArticle],
        "2024-01-01",
        "2024-01-05",
      );
      // Undated: listed by the day it was updated (today).
      const d1 = await add(store);
      await save("undated", [d1], null, null);

      const recent = await store.listStories({ orderBy: "recent", limit: 10 });
      expect(recent.map((s) => s.id)).toEqual(["undated", "recent", "two-sources", "three-articles"]);
      const breadth = await store.listStories({ orderBy: "breadth", limit: 10 });
      expect(breadth.map((s) => s.id)).toEqual(["two-sources", "three-articles", "undated", "recent"]);
      expect((await store.listStories({ orderBy: "breadth", limit: 2 })).map((s) => s.id)).toEqual([
        "two-sources",
        "three-articles",
      ]);
      const since = await store.listStories({ orderBy: "recent", limit: 10, since: "2024-02-03" });
      expect(since.map((s) => s.id)).toEqual(["undated", "recent", "two-sources"]);
      const sinceTime = await store.listStories({
        orderBy: "breadth",
        limit: 10,
        since: "2024-02-04T12:00:00Z",
      });
      expect(sinceTime.map((s) => s.id)).toEqual(["undated", "recent"]);
      expect(recent.find((s) => s.id === "two-sources")).toMatchObject({
        headline: "Headline two-sources",
        articleIds: [a1?.id, a2?.id],
        sources: ["Lumen Gazette", "Vessa Post"],
        sourceCount: 2,
      });
      expect(await store.listStories({ orderBy: "recent", limit: 0 })).toEqual([]);
    });

    it("replaceStories swaps every story, its members and postings, and the given features, at once", async () => {
      const [a, b, c] = [await add(store), await add(store), await add(store)];
      for (const x of [a, b, c]) await store.saveAnalysis(x.id, analysis({ storyKeys: ["strike"] }));
      await store.saveStory(story("old", [a.id], ["strike"]), "Old", a.id);
      await store.saveStory(story("old", [a.id, b.id], ["strike"]), "Old", b.id);
      const regrouped = features(["frost"], day("2024-03-01"));
      await store.replaceStories(
        [
          { state: story("new-1", [b.id, a.id], ["frost"]), headline: "Frost" },
          { state: story("new-2", [c.id], ["harbour"]), headline: "Harbour" },
        ],
        new Map([[a.id, regrouped]]),
      );
      expect(await store.getStories(["old"])).toEqual([]);
      expect(await store.candidateStories(["strike"], 5)).toEqual([]);
      expect((await store.candidateStories(["frost"], 5)).map((s) => [s.id, s.articleIds])).toEqual([
        ["new-1", [b.id, a.id]],
      ]);
      expect(Object.fromEntries(await store.storiesOfArticles([a.id, b.id, c.id]))).toEqual({
        [a.id]: "new-1",
        [b.id]: "new-1",
        [c.id]: "new-2",
      });
      expect((await store.getStoryFeatures([a.id])).get(a.id)).toEqual(regrouped);
      expect(await store.ungroupedArticleIds(10)).toEqual([]);

      // A failure leaves the stories as they were.
      const clash = [
        { state: story("x", [a.id], ["k"]), headline: "X" },
        { state: story("y", [a.id], ["k"]), headline: "Y" },
      ];
      await expect(store.replaceStories(clash, new Map())).rejects.toMatchObject({ code: "STORE_FAILED" });
      expect((await store.listStories({ orderBy: "recent", limit: 10 })).map((s) => s.id).sort()).toEqual([
        "new-1",
        "new-2",
      ]);
    });

    it("getStories returns the stories in the order asked, skipping unknown ids", async () => {
      const a = await add(store);
      const b = await add(store);
      await store.saveStory(story("x", [a.id], ["k"]), "X", a.id);
      await store.saveStory(story("y", [b.id], ["k"]), "Y", b.id);
      expect((await store.getStories(["y", "nope", "x"])).map((s) => s.headline)).toEqual(["Y", "X"]);
      expect(await store.getStories([])).toEqual([]);
    });
  });

  describe("attributions", () => {
    let gazette: NewArticle;
    let post: NewArticle;
    let undated: NewArticle;

    beforeEach(async () => {
      gazette = await add(store, { source: "Lumen Gazette", publishedAt: "2024-03-05", title: "Strike" });
      post = await add(store, {
        source: "Vessa Post",
        publishedAt: "2024-03-07",
        url: "https://post.example/1",
      });
      undated = await add(store, {
        source: "Vessa Post",
        publishedAt: null,
        ingestedAt: "2024-03-01T00:00:00Z",
      });
      await store.saveAnalysis(
        gazette.id,
        analysis({
          attributions: [
            said("Mara Okonte", "We have waited eleven months for a contract"),
            said("Paul Ferrand", "The offer of a four percent raise stands", { direct: false }),
            said("Ilse Brandvik", "Replacement buses will run every fifteen minutes"),
          ],
        }),
      );
      await store.saveAnalysis(
        post.id,
        analysis({
          attributions: [
            said("Mara Okonte", "The contract talks have collapsed"),
            said("José Arrieta", "The harbour will reopen on Monday"),
            said("Tomas Hales", "Contract workers were not consulted"),
          ],
        }),
      );
      await store.saveAnalysis(
        undated.id,
        analysis({ attributions: [said("mara okonte", "Our members voted to strike", { direct: false })] }),
      );
    });

    it("finds attributions by words of their content, best match first, with their article", async () => {
      const hits = await store.searchAttributions("contract", { limit: 10 });
      expect(hits.map((h) => h.content).sort()).toEqual([
        "Contract workers were not consulted",
        "The contract talks have collapsed",
        "We have waited eleven months for a contract",
      ]);
      for (const h of hits) expect(h.score).toBeGreaterThan(0);
      expect(hits.map((h) => h.score)).toEqual([...hits.map((h) => h.score)].sort((x, y) => y - x));
      const [hit] = await store.searchAttributions("harbour reopen", { limit: 10 });
      expect(hit).toMatchObject({
        speaker: "José Arrieta",
        content: "The harbour will reopen on Monday",
        articleId: post.id,
        title: post.title,
        source: "Vessa Post",
        url: "https://post.example/1",
        publishedAt: "2024-03-07",
        direct: true,
      });
    });

    it("requires every word when some attribution has them all, else any", async () => {
      expect((await store.searchAttributions("contract talks", { limit: 10 })).map((h) => h.content)).toEqual(
        ["The contract talks have collapsed"],
      );
      const any = await store.searchAttributions("buses harbour", { limit: 10 });
      expect(any.map((h) => h.speaker).sort()).toEqual(["Ilse Brandvik", "José Arrieta"]);
    });

    it("searches speakers too, and honours the limit", async () => {
      expect(
        (await store.searchAttributions("okonte", { limit: 10 })).map((h) => h.articleId).sort(),
      ).toEqual([gazette.id, post.id, undated.id].sort());
      expect(await store.searchAttributions("okonte", { limit: 1 })).toHaveLength(1);
      expect(await store.searchAttributions("okonte", { limit: 0 })).toEqual([]);
    });

    it("keeps only direct quotes when asked", async () => {
      const hits = await store.searchAttributions("okonte", { limit: 10, directOnly: true });
      expect(hits.map((h) => h.content).sort()).toEqual([
        "The contract talks have collapsed",
        "We have waited eleven months for a contract",
      ]);
    });

    it("filters by speaker on whole words, ignoring case and accents", async () => {
      const bySpeaker = (speaker: string) =>
        store
          .searchAttributions("contract", { limit: 10, speaker })
          .then((hits) => hits.map((h) => h.speaker));
      expect(await bySpeaker("Okonte")).toEqual(["Mara Okonte", "Mara Okonte"]);
      expect(await bySpeaker("MARA okonte")).toEqual(["Mara Okonte", "Mara Okonte"]);
      expect(await bySpeaker("Okon")).toEqual([]);
      expect(await bySpeaker("Okonte Mara")).toEqual([]);
      // The stemmer would match "Hales" for "Hale"; whole words do not.
      expect(await bySpeaker("Hale")).toEqual([]);
      expect(await bySpeaker("Hales")).toEqual(["Tomas Hales"]);
      expect(await bySpeaker("  ")).toHaveLength(3);
      expect(await bySpeaker("?!")).toEqual([]);
      expect(
        (await store.searchAttributions("monday", { limit: 10, speaker: "jose" })).map((h) => h.speaker),
      ).toEqual(["José Arrieta"]);
    });

    it("lists a speaker's attributions newest article first, on whole words", async () => {
      const hits = await store.attributionsBySpeaker("okonte", 10);
      expect(hits.map((h) => [h.articleId, h.content])).toEqual([
        [post.id, "The contract talks have collapsed"],
        [gazette.id, "We have waited eleven months for a contract"],
        [undated.id, "Our members voted to strike"],
      ]);
      expect(hits.every((h) => h.score === 0)).toBe(true);
      expect(await store.attributionsBySpeaker("Mara Okonte", 2)).toHaveLength(2);
      expect(await store.attributionsBySpeaker("Okont", 10)).toEqual([]);
      expect(await store.attributionsBySpeaker("Ferr", 10)).toEqual([]);
      expect((await store.attributionsBySpeaker("ferrand", 10)).map((h) => h.direct)).toEqual([false]);
      expect((await store.attributionsBySpeaker("Arrieta", 10)).map((h) => h.speaker)).toEqual([
        "José Arrieta",
      ]);
      expect(await store.attributionsBySpeaker("", 10)).toEqual([]);
    });

    it("returns the attributions of articles in the order the articles are given", async () => {
      const hits = await store.attributionsOfArticles([undated.id, gazette.id, "unknown"]);
      expect(hits.map((h) => [h.articleId, h.speaker])).toEqual([
        [undated.id, "mara okonte"],
        [gazette.id, "Mara Okonte"],
        [gazette.id, "Paul Ferrand"],
        [gazette.id, "Ilse Brandvik"],
      ]);
    });

    it("does not let the words 'direct' or 'reported' match every quote of that kind", async () => {
      expect(await store.searchAttributions("reported", { limit: 10 })).toEqual([]);
      expect(await store.searchAttributions("direct", { limit: 10, directOnly: true })).toEqual([]);
    });

    it("counts an article once for a speaker quoted several times in it", async () => {
      const a = await add(store);
      const quotes = [
        said("Ilse Brandvik", "One"),
        said("ilse brandvik", "Two"),
        said("Ilse Brandvik", "Three"),
      ];
      await store.saveAnalysis(a.id, analysis({ attributions: quotes }));
      expect((await store.topSpeakers(1))[0]).toEqual({
        name: "Ilse Brandvik",
        attributions: 4,
        articles: 2,
      });
      await store.saveAnalysis(a.id, analysis({ attributions: quotes.slice(1) }));
      expect((await store.topSpeakers(1))[0]).toEqual({ name: "Mara Okonte", attributions: 3, articles: 3 });
      expect((await store.topSpeakers(2))[1]).toEqual({
        name: "Ilse Brandvik",
        attributions: 3,
        articles: 2,
      });
    });

    it("counts the top speakers across case, with their articles", async () => {
      expect(await store.topSpeakers(2)).toEqual([
        { name: "Mara Okonte", attributions: 3, articles: 3 },
        { name: "Ilse Brandvik", attributions: 1, articles: 1 },
      ]);
    });

    const hostile: Array<[string, string]> = [
      ["an empty string", ""],
      ["a lone double quote", '"'],
      ["unbalanced quotes", 'contract "talks'],
      ["a lone star", "*"],
      ["a prefix star", "contr*"],
      ["NEAR syntax", "NEAR(contract talks, 2)"],
      ["a bare NEAR", "NEAR"],
      ["boolean operators", "contract AND talks OR NOT strike"],
      ["a column filter", "speaker:okonte"],
      ["a column set filter", "{content speaker}:okonte"],
      ["an initial-token caret", "^contract"],
      ["unbalanced opening parentheses", "((contract"],
      ["unbalanced closing parentheses", "contract))"],
      ["SQL", "'; DROP TABLE attributions; --"],
      ["control characters", "\u0000\u0001contract\u007f"],
      ["lone surrogates", "\ud800contract\udc00"],
      ["a 10,000-character word", "x".repeat(10_000)],
      ["10,000 characters of words", "contract talks okonte ".repeat(500).slice(0, 10_000)],
      ["10,000 characters of syntax", '(("*-:^ NEAR AND '.repeat(600).slice(0, 10_000)],
    ];

    it.each(hostile)("never throws on %s, as query or as speaker", async (_name, text) => {
      expect(Array.isArray(await store.searchAttributions(text, { limit: 10 }))).toBe(true);
      expect(Array.isArray(await store.searchAttributions("contract", { limit: 10, speaker: text }))).toBe(
        true,
      );
      expect(Array.isArray(await store.searchAttributions(text, { limit: 10, speaker: text }))).toBe(true);
      expect(Array.isArray(await store.attributionsBySpeaker(text, 10))).toBe(true);
    });
  });

  describe("sources and keywords", () => {
    it("counts articles per source with the latest publication or ingest date", async () => {
      await add(store, { source: "Lumen Gazette", publishedAt: "2024-03-05T09:00:00Z" });
      await add(store, { source: "Lumen Gazette", publishedAt: "2024-02-01" });
      await add(store, { source: "Vessa Post", publishedAt: null, ingestedAt: "2024-04-01T10:00:00Z" });
      expect(await store.sources()).toEqual([
        { name: "Lumen Gazette", articles: 2, latest: "2024-03-05" },
        { name: "Vessa Post", articles: 1, latest: "2024-04-01" },
      ]);
    });

    it("ranks keywords by the number of articles carrying them", async () => {
      const words = [
        ["strike", "harbour"],
        ["strike", "frost"],
        ["strike", "harbour", "orchard"],
      ];
      for (const keywords of words) await store.saveAnalysis((await add(store)).id, analysis({ keywords }));
      expect(await store.topKeywords(2)).toEqual([
        { term: "strike", articles: 3 },
        { term: "harbour", articles: 2 },
      ]);
      expect(await store.topKeywords(0)).toEqual([]);
      expect(Object.fromEntries(await store.keywordCounts(["harbour", "orchard", "snow"]))).toEqual({
        harbour: 2,
        orchard: 1,
        snow: 0,
      });
    });

    it("lists keywords of analysed articles only, empty lists included", async () => {
      const a = await add(store);
      const b = await add(store);
      const c = await add(store);
      await store.saveAnalysis(a.id, analysis({ keywords: ["strike"] }));
      await store.saveAnalysis(b.id, analysis({ keywords: [] }));
      expect(await store.keywordsOfArticles([a.id, b.id, c.id])).toEqual(
        new Map([
          [a.id, ["strike"]],
          [b.id, []],
        ]),
      );
    });
  });

  it("rejects analysis calls after close with STORE_FAILED", async () => {
    const s = await openStore(":memory:");
    await s.close();
    await expect(s.topKeywords(5)).rejects.toMatchObject({ code: "STORE_FAILED" });
    await expect(s.searchAttributions("x", { limit: 5 })).rejects.toMatchObject({ code: "STORE_FAILED" });
  });
});

describe("analysis schema", () => {
  it("upgrades a version-1 database, keeping its articles", async () => {
    const path = tempPath();
    const db = new Database(path);
    migrate(
      db,
      silentLogger,
      MIGRATIONS.filter((m) => m.version === 1),
    );
    const a = article("The harbour authority of Vessa reopened the north quay on Tuesday.", {
      title: "Quay reopens",
    });
    db.prepare(
      `INSERT INTO articles (id, external_id, title, source, url, author, published_at, language, text, ingested_at,
         content_hash, words, raw_format, raw_body, raw_hints, raw_origin, raw_external_id)
       VALUES (?, NULL, ?, ?, NULL, NULL, NULL, 'en', ?, ?, ?, ?, 'text', ?, '{}', 'a.txt', NULL)`,
    ).run(a.id, a.title, a.source, a.text, a.ingestedAt, a.contentHash, a.words, a.text);
    db.close();

    const store = await openSqliteStore(path);
    try {
      expect((await store.getArticle(a.id))?.title).toBe("Quay reopens");
      expect((await store.search("quay")).map((h) => h.id)).toEqual([a.id]);
      expect(await store.unanalysedArticleIds(10)).toEqual([a.id]);
      await store.saveAnalysis(a.id, analysis({ attributions: [said("Paul Ferrand", "The quay is open")] }));
      await store.saveStory(story("s", [a.id], ["quay"]), "Quay reopens", a.id);
      expect((await store.attributionsBySpeaker("Ferrand", 5)).map((h) => h.articleId)).toEqual([a.id]);
      expect(await store.checkIntegrity()).toEqual([]);
    } finally {
      await store.close();
    }
  });

  it("takes a deleted article's keys, keywords and attributions out of the counts", async () => {
    const path = tempPath();
    const store = await openStore(path);
    const a = await add(store);
    const b = await add(store);
    await store.saveAnalysis(
      a.id,
      analysis({
        storyKeys: ["strike"],
        keywords: ["strike"],
        attributions: [said("Mara Okonte", "We strike")],
      }),
    );
    await store.saveAnalysis(b.id, analysis({ storyKeys: ["strike", "frost"], keywords: ["frost"] }));
    await store.saveStory(story("s", [a.id], ["strike"]), "S", a.id);
    await store.close();

    const db = new Database(path);
    db.pragma("foreign_keys = ON");
    db.prepare("DELETE FROM articles WHERE id = ?").run(a.id);
    db.close();

    const reopened = await openSqliteStore(path);
    try {
      const { df, total } = await reopened.storyKeyFrequencies(["strike", "frost"]);
      expect(Object.fromEntries(df)).toEqual({ strike: 1, frost: 1 });
      expect(total).toBe(1);
      expect(await reopened.topKeywords(10)).toEqual([{ term: "frost", articles: 1 }]);
      expect(await reopened.topSpeakers(10)).toEqual([]);
      expect(await reopened.searchAttributions("strike", { limit: 5 })).toEqual([]);
      expect((await reopened.getStories(["s"]))[0]?.articleIds).toEqual([]);
      expect(await reopened.checkIntegrity()).toEqual([]);
    } finally {
      await reopened.close();
    }
  });
});
