import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewArticle } from "../src/core/article.js";
import type { CoreDeps } from "../src/core/deps.js";
import type { StoryState } from "../src/core/stories/types.js";
import { selectStories } from "../src/core/story-select.js";
import { silentLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";
import type { Store } from "../src/store/store.js";
import { article } from "./helpers/store-fixtures.js";

function story(id: string, articleIds: string[], start: string): StoryState {
  const day = Date.parse(`${start}T00:00:00Z`);
  return { id, articleIds, centroid: [["k", 1]], entities: [], start: day, end: day };
}

// Fictional coverage: a big ferry story (120 reports from three outlets), a small frost story, an old bridge story.
const OUTLETS = ["Esk Herald", "Lindmoor Daily", "Varden Post"];

describe("selectStories", () => {
  let store: Store;
  let deps: CoreDeps;
  let ferry: string[];
  let frost: string[];

  async function addStory(id: string, texts: string[], day: string, sources: string[]): Promise<string[]> {
    const ids: string[] = [];
    for (const [i, text] of texts.entries()) {
      const a: NewArticle = article(text, { source: sources[i % sources.length], publishedAt: day });
      await store.insertArticle(a);
      ids.push(a.id);
      await store.saveStory(story(id, [...ids], day), `Headline ${id}`, a.id);
    }
    return ids;
  }

  beforeEach(async () => {
    store = await openStore(":memory:");
    deps = { store, now: () => new Date("2024-06-10T12:00:00Z"), logger: silentLogger };
    ferry = await addStory(
      "ferry",
      Array.from(
        { length: 120 },
        (_, i) =>
          `Report ${i}: the Lindmoor ferry crews stayed in port for a ${i % 7 === 0 ? "ninth flooded" : "second"} day.`,
      ),
      "2024-06-09",
      OUTLETS,
    );
    frost = await addStory(
      "frost",
      [
        "A flooded orchard in Varden lost its blossoms to frost.",
        "Frost damaged a third of the Varden orchards.",
      ],
      "2024-06-08",
      ["Varden Post"],
    );
    await addStory("bridge", ["The Tarrow bridge reopened after repairs."], "2024-05-01", ["Esk Herald"]);
  });
  afterEach(async () => {
    await store.close();
  });

  it("ranks by breadth and recency and reads only the first 100 articles of a big story, counting them all", async () => {
    const ranked = await selectStories(deps, { limit: 5 });
    expect(ranked.map((r) => r.story.id)).toEqual(["ferry", "frost", "bridge"]);
    const [big] = ranked;
    expect(big?.story).toMatchObject({
      articleIds: ferry.slice(0, 100),
      articleCount: 120,
      sources: OUTLETS,
      sourceCount: 3,
      start: "2024-06-09",
    });
    // Without a topic, every listed article matches.
    expect(big?.matching).toEqual(ferry.slice(0, 100));
    expect(ranked[1]?.story.articleIds).toEqual(frost);
    expect((await selectStories(deps, { limit: 1 })).map((r) => r.story.id)).toEqual(["ferry"]);
  });

  it("keeps only stories inside the window", async () => {
    const ranked = await selectStories(deps, { limit: 5, since: new Date("2024-06-09T00:00:00Z") });
    expect(ranked.map((r) => r.story.id)).toEqual(["ferry"]);
  });

  it("for a topic, ranks the stories of the matching articles and lists those articles, best first", async () => {
    const ranked = await selectStories(deps, { topic: "flooded", limit: 5 });
    expect(ranked.map((r) => r.story.id).sort()).toEqual(["ferry", "frost"]);
    const ferryHits = ranked.find((r) => r.story.id === "ferry");
    const expectedHits = ferry.filter((_, i) => i % 7 === 0);
    expect([...(ferryHits?.matching ?? [])].sort()).toEqual([...expectedHits].sort());
    expect(ferryHits?.story.articleCount).toBe(120);
    expect(ferryHits?.story.articleIds).toEqual(ferry.slice(0, 100));
    const frostHits = ranked.find((r) => r.story.id === "frost");
    expect(frostHits?.matching).toEqual([frost[0]]);
    // The order of the matching articles is the search's.
    const searched = (await store.search("flooded", 100)).map((h) => h.id);
    expect(ferryHits?.matching).toEqual(searched.filter((id) => ferry.includes(id)));
    expect(await selectStories(deps, { topic: "zeppelin", limit: 5 })).toEqual([]);
  });
});
