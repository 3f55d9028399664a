import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewArticle } from "../src/core/article.js";
import { groupStories, type StoryDoc, type StoryFeatures, storyHeadline } from "../src/core/stories/index.js";
import { analyzeArticle } from "../src/ingest/analyze.js";
import { regroupAll } from "../src/ingest/regroup.js";
import { openStore } from "../src/store/open-store.js";
import type { Store } from "../src/store/store.js";
import { HARBOR_STRIKE, ORCHARD_FROST, RAIL_BRIDGE } from "./helpers/sample-articles.js";
import { article } from "./helpers/store-fixtures.js";

// Fictional reports: the strike three times, the bridge twice, the frost once.
const paragraphs = (text: string) => text.split("\n\n");
const reports: Array<Partial<NewArticle> & { title: string; text: string }> = [
  {
    title: "Dockers strike in Port Vessa",
    text: HARBOR_STRIKE,
    source: "Lumen Gazette",
    publishedAt: "2024-03-05",
  },
  { title: "Tarrow rail bridge closed", text: RAIL_BRIDGE, source: "Esk Herald", publishedAt: "2024-03-08" },
  {
    title: "Port Vessa strike enters second day",
    text: [...paragraphs(HARBOR_STRIKE).slice(1), "Forty ships still waited offshore on Wednesday."].join(
      "\n\n",
    ),
    source: "Vessa Post",
    publishedAt: "2024-03-06",
  },
  {
    title: "Buses replace trains across the Tarrow",
    text: [...paragraphs(RAIL_BRIDGE).slice(2), paragraphs(RAIL_BRIDGE)[0]].join("\n\n"),
    source: "Lindmoor Daily",
    publishedAt: "2024-03-09",
  },
  {
    title: "Frost hits Varden orchards",
    text: ORCHARD_FROST,
    source: "Varden Post",
    publishedAt: "2024-05-02",
  },
  {
    title: "Harbor talks resume as strike holds",
    text: [paragraphs(HARBOR_STRIKE)[3], paragraphs(HARBOR_STRIKE)[0], paragraphs(HARBOR_STRIKE)[2]].join(
      "\n\n",
    ),
    source: "Esk Herald",
    publishedAt: "2024-03-06",
  },
];

const docOf = (a: NewArticle): StoryDoc => ({
  id: a.id,
  title: a.title,
  text: a.text,
  publishedAt: a.publishedAt,
  source: a.source,
});

describe("regroupAll", () => {
  let store: Store;
  let stored: NewArticle[];

  beforeEach(async () => {
    store = await openStore(":memory:");
    stored = [];
    for (const r of reports) {
      const a = article(r.text, r);
      await store.insertArticle(a);
      stored.push(a);
    }
  });
  afterEach(async () => {
    await store.close();
  });

  /** What grouping all stored articles at once, in memory, gives. */
  function expected() {
    const features = new Map<string, StoryFeatures>();
    const stories = groupStories(stored.map(docOf), { onFeatures: (id, f) => features.set(id, f) });
    return { stories, features };
  }

  it("stores the stories and features that grouping every stored article at once gives", async () => {
    for (const a of stored) await analyzeArticle(store, a);
    const { stories, features } = expected();
    expect(stories.map((s) => s.articleIds.length).sort()).toEqual([1, 2, 3]);

    expect(await regroupAll(store)).toBe(3);
    const listed = await store.getStories(stories.map((s) => s.id));
    expect(listed.map((s) => s.articleIds)).toEqual(stories.map((s) => s.articleIds));
    const titles = new Map(stored.map((a) => [a.id, a.title]));
    expect(listed.map((s) => s.headline)).toEqual(
      stories.map((s) =>
        storyHeadline(
          s.articleIds.map((id) => titles.get(id) ?? ""),
          s.articleIds.map((id) => features.get(id) as StoryFeatures),
        ),
      ),
    );
    const saved = await store.getStoryFeatures(stored.map((a) => a.id));
    for (const a of stored) expect(saved.get(a.id)).toEqual(features.get(a.id));
    const [first] = stories;
    expect((await store.candidateStories(first?.centroid.map(([k]) => k) ?? [], 1))[0]).toMatchObject({
      id: first?.id,
      centroid: first?.centroid,
      articleIds: first?.articleIds,
    });
  });

  it("counts the words of articles left without an analysis too", async () => {
    // The second strike report's analysis failed: its words still count in the frequencies.
    for (const a of stored) if (a !== stored[2]) await analyzeArticle(store, a);
    expect(await store.unanalysedArticleIds(10)).toEqual([stored[2]?.id]);
    const { stories } = expected();

    await regroupAll(store);
    const listed = await store.getStories(stories.map((s) => s.id));
    expect(listed.map((s) => s.articleIds)).toEqual(stories.map((s) => s.articleIds));
    // Only analysed articles have features to store; the others' are computed all the same.
    const saved = await store.getStoryFeatures(stored.map((a) => a.id));
    expect(saved.has(stored[2]?.id ?? "")).toBe(false);
    expect(saved.get(stored[0]?.id ?? "")).toEqual(expected().features.get(stored[0]?.id ?? ""));
  });
});
