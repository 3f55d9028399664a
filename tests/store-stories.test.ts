import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewArticle } from "../src/core/article.js";
import type { StoryState } from "../src/core/stories/types.js";
import { silentLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";
import { MIGRATIONS, migrate } from "../src/store/sqlite/migrations.js";
import { openSqliteStore } from "../src/store/sqlite/sqlite-store.js";
import type { Store } from "../src/store/store.js";
import { article } from "./helpers/store-fixtures.js";

function day(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`);
}

function story(id: string, articleIds: string[], keys: string[], start: number | null = null): StoryState {
  return {
    id,
    articleIds,
    centroid: keys.map((k, i): [string, number] => [k, 1 / (i + 1)]),
    entities: [],
    start,
    end: start,
  };
}

let texts = 0;
async function add(store: Store, overrides: Partial<NewArticle> = {}): Promise<NewArticle> {
  texts++;
  const a = article(
    `Bulletin ${texts} from the Tarrow valley. The ferry crews of Lindmoor stayed in port while the river ran high.`,
    overrides,
  );
  await store.insertArticle(a);
  return a;
}

/** Saves a story article by article, as grouping does. */
async function saveAll(store: Store, id: string, members: NewArticle[], keys: string[], start?: string) {
  const ids: string[] = [];
  for (const m of members) {
    ids.push(m.id);
    await store.saveStory(story(id, [...ids], keys, start ? day(start) : null), `Headline ${id}`, m.id);
  }
}

const tempDirs: string[] = [];
afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function tempPath(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-stories-"));
  tempDirs.push(dir);
  return join(dir, "newsdesk.db");
}

describe("story listings", () => {
  let store: Store;
  beforeEach(async () => {
    store = await openStore(":memory:");
  });
  afterEach(async () => {
    await store.close();
  });

  it("lists at most articleLimit article ids per story, the first to join, with every source and the full count", async () => {
    const members = [
      await add(store, { source: "Esk Herald" }),
      await add(store, { source: "Esk Herald" }),
      await add(store, { source: "Lindmoor Daily" }),
      await add(store, { source: "Esk Herald" }),
      await add(store, { source: "Varden Post" }),
    ];
    await saveAll(store, "ferries", members, ["ferry", "river"]);
    const ids = members.map((m) => m.id);
    const whole = {
      articleCount: 5,
      sourceCount: 3,
      sources: ["Esk Herald", "Lindmoor Daily", "Varden Post"],
    };

    const [all] = await store.listStories({ orderBy: "breadth", limit: 10 });
    expect(all).toMatchObject({ ...whole, articleIds: ids });
    const [capped] = await store.listStories({ orderBy: "breadth", limit: 10, articleLimit: 2 });
    expect(capped).toMatchObject({ ...whole, articleIds: ids.slice(0, 2) });
    const [none] = await store.getStories(["ferries"], { articleLimit: 0 });
    expect(none).toMatchObject({ ...whole, articleIds: [] });
    const [more] = await store.getStories(["ferries"], { articleLimit: 50 });
    expect(more?.articleIds).toEqual(ids);
    expect(await store.getStories(["ferries"])).toEqual([all]);
  });

  it("finds the stories of the articles best matching a search, best first, skipping articles in no story", async () => {
    const ferry = await add(store, { title: "Ferry crews stay in port" });
    const other = await add(store, { title: "Ferry timetable" });
    const loose = await add(store, { title: "Ferry fares" });
    await store.saveStory(story("port", [ferry.id], ["ferry"]), "Port", ferry.id);
    await store.saveStory(story("timetable", [other.id], ["ferry"]), "Timetable", other.id);

    const hits = await store.searchStoryArticles("ferry crews port", 10);
    expect(hits[0]).toEqual({ articleId: ferry.id, storyId: "port" });
    // "crews port" is in every text, so all articles match; the one in no story is left out.
    expect(hits.map((h) => h.articleId).sort()).toEqual([ferry.id, other.id].sort());
    expect(hits.some((h) => h.articleId === loose.id)).toBe(false);
    // The same ranking as `search`.
    const searched = (await store.search("ferry crews port", 10)).map((h) => h.id);
    expect(hits.map((h) => h.articleId)).toEqual(searched.filter((id) => id !== loose.id));
    // Any of the words when not all match, and user text is only ever words.
    expect((await store.searchStoryArticles("timetable zeppelin", 10)).map((h) => h.storyId)).toEqual([
      "timetable",
    ]);
    expect(await store.searchStoryArticles('ferry" (crews* port:', 10)).toEqual(hits);
    expect(await store.searchStoryArticles('zeppelin" OR (NEAR', 10)).toEqual([]);
    expect(await store.searchStoryArticles("ferry", 0)).toEqual([]);
  });

  it("keeps search snippets: made for the returned hits, around the matched words", async () => {
    for (let i = 0; i < 30; i++) await add(store);
    const hits = await store.search("ferry crews", 5);
    expect(hits).toHaveLength(5);
    for (const hit of hits) expect(hit.snippet).toMatch(/ferry crews/i);
  });

  it("follows an article's new outlet after it is re-cleaned", async () => {
    const a = await add(store, { source: "Esk Herald" });
    const b = await add(store, { source: "Esk Herald" });
    await saveAll(store, "ferries", [a, b], ["ferry"]);
    expect((await store.getStories(["ferries"]))[0]).toMatchObject({
      sources: ["Esk Herald"],
      sourceCount: 1,
    });

    await store.updateClean(b.id, { ...b, source: "Lindmoor Daily" });
    expect((await store.getStories(["ferries"]))[0]).toMatchObject({
      sources: ["Esk Herald", "Lindmoor Daily"],
      sourceCount: 2,
      articleCount: 2,
    });
  });

  it("replaceStories stores the same stories as saving them article by article", async () => {
    const members = [];
    for (const source of ["Esk Herald", "Lindmoor Daily", "Esk Herald", "Varden Post", "Esk Herald"]) {
      members.push(await add(store, { source, publishedAt: `2024-06-0${members.length + 1}` }));
    }
    const [a, b, c, d, e] = members as [NewArticle, NewArticle, NewArticle, NewArticle, NewArticle];
    const groups: Array<[string, NewArticle[], string[], string | undefined]> = [
      ["river", [a, c, e], ["river", "ferry"], "2024-06-01"],
      ["undated", [b], ["bridge"], undefined],
      ["fares", [d], ["fare", "ferry"], "2024-06-04"],
    ];
    for (const [id, m, keys, start] of groups) await saveAll(store, id, m, keys, start);
    const saved = await store.listStories({ orderBy: "recent", limit: 10 });

    const other = await openStore(":memory:");
    try {
      for (const m of members) await other.insertArticle(m);
      await other.replaceStories(
        groups.map(([id, m, keys, start]) => ({
          state: story(
            id,
            m.map((x) => x.id),
            keys,
            start ? day(start) : null,
          ),
          headline: `Headline ${id}`,
        })),
        new Map(),
      );
      const replaced = await other.listStories({ orderBy: "recent", limit: 10 });
      const strip = (list: typeof saved) => list.map(({ updatedAt: _u, ...s }) => s);
      expect(strip(replaced)).toEqual(strip(saved));
      expect((await other.candidateStories(["ferry"], 10)).map((s) => [s.id, s.articleIds])).toEqual(
        (await store.candidateStories(["ferry"], 10)).map((s) => [s.id, s.articleIds]),
      );
    } finally {
      await other.close();
    }
  });

  it("candidateStories gives each story's current state, read-only", async () => {
    const a = await add(store);
    const b = await add(store);
    await store.saveStory(story("s", [a.id], ["ferry", "river"]), "S", a.id);
    const [first] = await store.candidateStories(["ferry"], 5);
    expect(first?.centroid.map(([k]) => k)).toEqual(["ferry", "river"]);
    expect(() => first?.centroid.push(["x", 1])).toThrow(TypeError);

    await store.saveStory(story("s", [a.id, b.id], ["ferry", "flood"]), "S", b.id);
    const [second] = await store.candidateStories(["ferry"], 5);
    expect(second?.centroid.map(([k]) => k)).toEqual(["ferry", "flood"]);
    expect(second?.articleIds).toEqual([a.id, b.id]);
  });
});

describe("stories schema", () => {
  it("upgrades a version-5 database: each story lists its outlets in the order they joined", async () => {
    const path = tempPath();
    const db = new Database(path);
    db.pragma("foreign_keys = ON");
    migrate(
      db,
      silentLogger,
      MIGRATIONS.filter((m) => m.version <= 5),
    );
    const insert = db.prepare(
      `INSERT INTO articles (id, title, source, language, text, ingested_at, content_hash, words, raw_format,
         raw_body, raw_hints, raw_origin)
       VALUES (?, 't', ?, 'en', ?, '2024-01-01T00:00:00Z', ?, 3, 'text', 'b', '{}', 'o')`,
    );
    const sources = ["Varden Post", "Esk Herald", "Varden Post", "Lindmoor Daily"];
    for (const [i, source] of sources.entries()) insert.run(`old-${i}`, source, `text ${i}`, `hash ${i}`);
    db.prepare(
      `INSERT INTO stories (seq, id, headline, article_count, source_count, updated_at, touched)
       VALUES (1, 'old', 'Old story', 4, 3, '2024-01-01T00:00:00Z', 1), (2, 'empty', 'Empty', 0, 0, '2024-01-01', 2)`,
    ).run();
    db.prepare(
      `INSERT INTO story_states (story_seq, state) VALUES (1, '{"centroid":[],"entities":[],"start":null,"end":null}')`,
    ).run();
    // Joined in the order 3, 1, 0, 2: Lindmoor Daily, Esk Herald, Varden Post.
    for (const seq of [4, 2, 1, 3]) db.prepare("INSERT INTO story_articles VALUES (1, ?)").run(seq);
    db.close();

    const store = await openSqliteStore(path);
    try {
      const [old, empty] = await store.getStories(["old", "empty"]);
      expect(old).toMatchObject({
        articleIds: ["old-3", "old-1", "old-0", "old-2"],
        sources: ["Lindmoor Daily", "Esk Herald", "Varden Post"],
        articleCount: 4,
      });
      expect(empty).toMatchObject({ articleIds: [], sources: [] });
      expect(await store.checkIntegrity()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
