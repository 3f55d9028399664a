import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { NewArticle } from "../src/core/article.js";
import { countWords } from "../src/core/article.js";
import { isNewsdeskError } from "../src/errors.js";
import { contentHash, minhashSignature, NEAR_DUPLICATE_THRESHOLD } from "../src/ingest/fingerprint.js";
import { silentLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";
import { appliedVersions, MIGRATIONS, type Migration, migrate } from "../src/store/sqlite/migrations.js";
import { openSqliteStore, type SqliteStore } from "../src/store/sqlite/sqlite-store.js";
import { article } from "./helpers/store-fixtures.js";

const HARBOUR = `The city council voted on Tuesday to reopen the old harbour bridge to cyclists and pedestrians after
eighteen months of repairs. Engineers replaced the corroded steel cables, rebuilt the western approach and added a
lighting system that dims after midnight to protect nesting birds along the quay. The mayor said the project came in
slightly under budget, although a dispute with the paint supplier delayed the final inspection by several weeks.
Residents of the north shore, who had faced a forty minute detour through the industrial estate, welcomed the
decision. Shop owners near the ferry terminal expect more visitors once the summer timetable starts in June.
Motor traffic will remain banned from the bridge until a separate review of its load capacity is finished next year.`;

const ELECTION = `Polling stations across the province closed at eight in the evening, and early counts suggest turnout
was the highest in two decades. Volunteers reported long queues in the suburbs, where new housing estates have
added thousands of voters since the last election. The governing party conceded two rural seats within an hour of
the first results, while the opposition leader told supporters that the night was far from over. Officials expect a
final tally by Thursday because postal ballots, which arrived in record numbers, must be checked by hand before they
can be counted. Observers from the electoral commission said they had seen no serious irregularities.`;

const WEATHER = `A late frost damaged apple orchards in the valley overnight, and growers warn that this year's harvest
could be the smallest since records began. Temperatures fell to six degrees below freezing just as the trees came into
blossom. Some farmers lit straw fires between the rows and ran sprinklers to coat the buds in protective ice, but
many smaller orchards had neither the equipment nor the staff to do so. The regional agriculture office has promised
an assessment of the losses within a fortnight and said emergency loans would be available to affected growers.`;

/** HARBOUR, lightly edited: one word changed, one added, punctuation and a line break moved. */
const HARBOUR_EDITED = HARBOUR.replace("eighteen months", "nineteen months")
  .replace("The mayor said", "The mayor proudly said")
  .replace("June.", "June!")
  .replace(/\n/g, " ");

function withoutInsertOnly(a: NewArticle) {
  const { raw: _raw, signature: _signature, blockHashes: _blocks, siteKey: _site, ...stored } = a;
  return stored;
}

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-store-"));
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("SQLite store", () => {
  let store: SqliteStore;

  beforeEach(async () => {
    store = await openSqliteStore(":memory:");
  });

  afterEach(async () => {
    await store.close();
  });

  describe("articles", () => {
    it("round-trips every article field and the raw input exactly", async () => {
      const a = article(HARBOUR, {
        externalId: "ext-42",
        title: "Harbour bridge reopens",
        url: "https://example.com/harbour",
        author: "Ada Reporter",
        publishedAt: "2024-03-05T09:30:00Z",
        language: "en",
        raw: {
          format: "html",
          body: "<article><h1>Harbour bridge reopens</h1><p>…</p></article>",
          hints: { title: "Harbour bridge reopens", url: "https://example.com/harbour", language: "en" },
          origin: "feeds.jsonl:7",
          externalId: "ext-42",
        },
      });
      await store.insertArticle(a);
      expect(await store.getArticle(a.id)).toEqual(withoutInsertOnly(a));
      expect(await store.getRaw(a.id)).toEqual(a.raw);
    });

    it("round-trips null fields and a raw input without an external id", async () => {
      const a = article(ELECTION, {
        raw: { format: "markdown", body: "# x\n\ny", hints: {}, origin: "a.md" },
      });
      await store.insertArticle(a);
      expect(await store.getArticle(a.id)).toEqual(withoutInsertOnly(a));
      const raw = await store.getRaw(a.id);
      expect(raw).toEqual(a.raw);
      expect(raw).not.toHaveProperty("externalId");
    });

    it("gets several articles in the order asked, skipping unknown ids", async () => {
      const a = article(HARBOUR);
      const b = article(ELECTION);
      for (const x of [a, b]) await store.insertArticle(x);
      const got = await store.getArticles([b.id, "nope", a.id, b.id]);
      expect(got.map((x) => x.id)).toEqual([b.id, a.id, b.id]);
      expect(got[1]).toEqual(withoutInsertOnly(a));
      expect(await store.getArticles([])).toEqual([]);
    });

    it("returns null for an unknown id", async () => {
      expect(await store.getArticle("nope")).toBeNull();
      expect(await store.getRaw("nope")).toBeNull();
    });

    it("counts articles and lists ids oldest first, in insertion order", async () => {
      const a = article(HARBOUR);
      const b = article(ELECTION);
      const c = article(WEATHER);
      for (const x of [c, a, b]) await store.insertArticle(x);
      expect(await store.countArticles()).toBe(3);
      expect(await store.allIds()).toEqual([c.id, a.id, b.id]);
    });

    it("lists newest first by publication date, falling back to the ingest time", async () => {
      const old = article(HARBOUR, { publishedAt: "2023-01-01T00:00:00Z" });
      const recent = article(ELECTION, { publishedAt: "2024-06-01T00:00:00Z" });
      const undated = article(WEATHER, { publishedAt: null, ingestedAt: "2024-03-01T00:00:00Z" });
      for (const a of [old, recent, undated]) await store.insertArticle(a);
      const list = await store.listArticles();
      expect(list.map((s) => s.id)).toEqual([recent.id, undated.id, old.id]);
      expect(list[0]).toEqual({
        id: recent.id,
        title: recent.title,
        source: recent.source,
        publishedAt: recent.publishedAt,
        words: recent.words,
        url: null,
      });
    });

    it("pages the listing with limit and offset and filters it with since", async () => {
      const dates = ["2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01"];
      const texts = [HARBOUR, ELECTION, WEATHER, `${WEATHER} Extra.`];
      const articles = dates.map((d, i) => article(texts[i] ?? "", { publishedAt: d }));
      for (const a of articles) await store.insertArticle(a);
      const ids = articles.map((a) => a.id).reverse();
      expect((await store.listArticles({ limit: 2 })).map((s) => s.id)).toEqual(ids.slice(0, 2));
      expect((await store.listArticles({ limit: 2, offset: 2 })).map((s) => s.id)).toEqual(ids.slice(2));
      expect((await store.listArticles({ since: "2024-02-15" })).map((s) => s.id)).toEqual(ids.slice(0, 2));
      expect((await store.listArticles({ since: "2024-02-01" })).map((s) => s.id)).toEqual(ids.slice(0, 3));
      expect(await store.listArticles({ limit: 0 })).toEqual([]);
    });
  });

  describe("duplicates", () => {
    it("finds an article with the same content hash as same-content", async () => {
      const a = article(HARBOUR, { url: "https://example.com/a" });
      await store.insertArticle(a);
      const match = await store.findDuplicate({
        contentHash: contentHash(HARBOUR.toUpperCase()),
        url: "https://other.example/b",
        signature: minhashSignature(HARBOUR),
      });
      expect(match).toEqual({ id: a.id, reason: "same-content", similarity: 1 });
    });

    it("finds an article at the same URL as same-url, even with different text", async () => {
      const a = article(HARBOUR, { url: "https://example.com/a" });
      await store.insertArticle(a);
      const match = await store.findDuplicate({
        contentHash: contentHash(ELECTION),
        url: "https://example.com/a",
        signature: minhashSignature(ELECTION),
      });
      expect(match?.id).toBe(a.id);
      expect(match?.reason).toBe("same-url");
      expect(match?.similarity).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
    });

    it("finds a lightly edited copy as near-duplicate", async () => {
      const a = article(HARBOUR);
      await store.insertArticle(a);
      await store.insertArticle(article(ELECTION));
      expect(contentHash(HARBOUR_EDITED)).not.toBe(a.contentHash);
      const match = await store.findDuplicate({
        contentHash: contentHash(HARBOUR_EDITED),
        url: null,
        signature: minhashSignature(HARBOUR_EDITED),
      });
      expect(match?.id).toBe(a.id);
      expect(match?.reason).toBe("near-duplicate");
      expect(match?.similarity).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
      expect(match?.similarity).toBeLessThan(1);
    });

    it("reports the most similar of several near-duplicates", async () => {
      const farther = article(HARBOUR_EDITED);
      const closer = article(HARBOUR);
      await store.insertArticle(farther);
      await store.insertArticle(closer);
      const match = await store.findDuplicate({
        contentHash: "not-stored",
        url: null,
        signature: minhashSignature(HARBOUR),
      });
      expect(match).toEqual({ id: closer.id, reason: "near-duplicate", similarity: 1 });
    });

    it("does not match an unrelated text", async () => {
      await store.insertArticle(article(HARBOUR, { url: "https://example.com/a" }));
      await store.insertArticle(article(ELECTION));
      const match = await store.findDuplicate({
        contentHash: contentHash(WEATHER),
        url: "https://example.com/other",
        signature: minhashSignature(WEATHER),
      });
      expect(match).toBeNull();
    });

    it("prefers same-content over same-url", async () => {
      const a = article(HARBOUR);
      const b = article(ELECTION, { url: "https://example.com/e" });
      await store.insertArticle(a);
      await store.insertArticle(b);
      const match = await store.findDuplicate({
        contentHash: a.contentHash,
        url: "https://example.com/e",
        signature: a.signature,
      });
      expect(match).toEqual({ id: a.id, reason: "same-content", similarity: 1 });
    });
  });

  describe("search", () => {
    it("ranks an article with the word in its title above one with it only in the text", async () => {
      const inText = article(`${ELECTION} A referendum on the harbour was also mentioned.`, {
        title: "Province votes",
      });
      const inTitle = article(HARBOUR, { title: "Referendum called on harbour bridge" });
      await store.insertArticle(inText);
      await store.insertArticle(inTitle);
      const hits = await store.search("referendum");
      expect(hits.map((h) => h.id)).toEqual([inTitle.id, inText.id]);
      expect(hits[0]?.score).toBeGreaterThan(hits[1]?.score ?? Number.POSITIVE_INFINITY);
      expect(hits[1]?.score).toBeGreaterThan(0);
    });

    it("returns hit fields and a plain-text snippet around the match", async () => {
      const a = article(HARBOUR, {
        title: "Harbour bridge reopens",
        url: "https://example.com/h",
        publishedAt: "2024-03-05",
      });
      await store.insertArticle(a);
      const [hit] = await store.search("nesting birds");
      expect(hit).toMatchObject({
        id: a.id,
        title: a.title,
        source: a.source,
        publishedAt: "2024-03-05",
        url: "https://example.com/h",
      });
      expect(hit?.snippet).toContain("nesting birds");
      expect(hit?.snippet).toMatch(/^….*…$/);
      expect(hit?.snippet).not.toMatch(/[<>\n[\]]/);
      const words = (hit?.snippet ?? "").replace(/…/g, " ").trim().split(/\s+/);
      expect(words.length).toBeLessThanOrEqual(20);
    });

    it("requires all words when some article has them all", async () => {
      await store.insertArticle(article(HARBOUR));
      await store.insertArticle(article(ELECTION));
      const hits = await store.search("bridge cyclists");
      expect(hits).toHaveLength(1);
    });

    it("falls back to any word when no article has them all", async () => {
      const a = article(HARBOUR);
      const b = article(WEATHER);
      await store.insertArticle(a);
      await store.insertArticle(b);
      await store.insertArticle(article(ELECTION));
      const hits = await store.search("cyclists orchards");
      expect(hits.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    });

    it("matches word forms through stemming and accents through folding", async () => {
      const a = article(`${WEATHER} The café in Zürich reopened.`);
      await store.insertArticle(a);
      expect((await store.search("orchard")).map((h) => h.id)).toEqual([a.id]);
      expect((await store.search("cafe zurich")).map((h) => h.id)).toEqual([a.id]);
    });

    it("honours the limit", async () => {
      for (const t of [HARBOUR, ELECTION, WEATHER]) await store.insertArticle(article(t));
      expect(await store.search("the", 2)).toHaveLength(2);
      expect(await store.search("the", 0)).toEqual([]);
    });

    it("returns nothing for an empty or word-less query", async () => {
      await store.insertArticle(article(HARBOUR));
      expect(await store.search("")).toEqual([]);
      expect(await store.search("  ")).toEqual([]);
      expect(await store.search('"*-:()^')).toEqual([]);
    });

    it("treats query syntax as plain words", async () => {
      const a = article(HARBOUR, { title: "Harbour bridge reopens" });
      await store.insertArticle(a);
      await store.insertArticle(article(ELECTION));
      expect((await store.search("-bridge")).map((h) => h.id)).toEqual([a.id]);
      expect((await store.search("title:harbour")).map((h) => h.id)).toEqual([a.id]);
      expect((await store.search('"harbour bridge" AND cyclists')).map((h) => h.id)).toEqual([a.id]);
      expect((await store.search("NEAR(harbour cyclists)")).map((h) => h.id)).toEqual([a.id]);
    });

    const hostile: Array<[string, string]> = [
      ["an empty string", ""],
      ["a lone double quote", '"'],
      ["unbalanced quotes", 'harbour "bridge'],
      ["doubled quotes", '""""'],
      ["single quotes", "'harbour' O'Brien"],
      ["a lone star", "*"],
      ["a prefix star", "harb*"],
      ["a lone dash", "-"],
      ["a leading dash", "-harbour --bridge"],
      ["NEAR syntax", "NEAR(harbour bridge, 2)"],
      ["a bare NEAR", "NEAR"],
      ["boolean operators", "harbour AND bridge OR NOT council"],
      ["bare operators", "AND OR NOT"],
      ["a column filter", "title:harbour"],
      ["a column set filter", "{title text}:harbour"],
      ["a negated column filter", "- title:harbour"],
      ["an unknown column filter", "nosuchcolumn:harbour"],
      ["an initial-token caret", "^harbour"],
      ["a plus", "harbour + bridge"],
      ["unbalanced opening parentheses", "((harbour"],
      ["unbalanced closing parentheses", "harbour))"],
      ["emoji", "🌉 bridge 🚲🚶‍♀️"],
      ["only emoji", "🌉🚲"],
      ["SQL", "'; DROP TABLE articles; --"],
      ["control characters", "\u0000\u0001harbour\u007f"],
      ["lone surrogates", "\ud800harbour\udc00"],
      ["a 10,000-character word", "x".repeat(10_000)],
      ["10,000 characters of words", "harbour bridge council ".repeat(500).slice(0, 10_000)],
      ["10,000 characters of syntax", '(("*-:^ NEAR AND '.repeat(600).slice(0, 10_000)],
    ];

    it.each(hostile)("never throws on %s", async (_name, query) => {
      await store.insertArticle(article(HARBOUR, { title: "Harbour bridge reopens" }));
      const hits = await store.search(query);
      expect(Array.isArray(hits)).toBe(true);
    });

    it("never throws on random strings of query syntax", async () => {
      await store.insertArticle(article(HARBOUR));
      const alphabet = `harbour bridge AND OR NOT NEAR "*-:^+(){}[],.;'\\ é😀\n`;
      let seed = 7;
      const next = () => {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        return seed;
      };
      for (let i = 0; i < 300; i++) {
        let query = "";
        const length = next() % 40;
        for (let j = 0; j < length; j++) query += alphabet[next() % alphabet.length];
        await expect(store.search(query)).resolves.toBeInstanceOf(Array);
      }
    });
  });

  describe("updateClean", () => {
    it("replaces the cleaned fields, the search entry and the signature, keeping id, raw input and ingest time", async () => {
      const a = article(HARBOUR, {
        title: "Harbour bridge reopens",
        externalId: "e1",
        url: "https://example.com/a",
      });
      await store.insertArticle(a);
      await store.updateClean(a.id, {
        title: "Frost hits orchards",
        source: "news.example",
        url: "https://news.example/frost",
        author: "B. Writer",
        publishedAt: "2024-04-02",
        language: "de",
        text: WEATHER,
        contentHash: contentHash(WEATHER),
        words: countWords(WEATHER),
        signature: minhashSignature(WEATHER),
      });
      expect(await store.getArticle(a.id)).toEqual({
        id: a.id,
        externalId: "e1",
        title: "Frost hits orchards",
        source: "news.example",
        url: "https://news.example/frost",
        author: "B. Writer",
        publishedAt: "2024-04-02",
        language: "de",
        text: WEATHER,
        ingestedAt: a.ingestedAt,
        contentHash: contentHash(WEATHER),
        words: countWords(WEATHER),
      });
      expect(await store.getRaw(a.id)).toEqual(a.raw);
      expect(await store.search("harbour")).toEqual([]);
      expect((await store.search("orchards")).map((h) => h.id)).toEqual([a.id]);
      const sig = minhashSignature(WEATHER);
      expect(await store.findDuplicate({ contentHash: "x", url: null, signature: sig })).toEqual({
        id: a.id,
        reason: "near-duplicate",
        similarity: 1,
      });
      expect(
        await store.findDuplicate({
          contentHash: "x",
          url: null,
          signature: minhashSignature(HARBOUR_EDITED),
        }),
      ).toBeNull();
      expect(await store.checkIntegrity()).toEqual([]);
      expect(await store.stats()).toMatchObject({ articles: 1, signatures: 1, bands: 16 });
    });

    it("can update the same article repeatedly, replacing its signature bands each time", async () => {
      const a = article(HARBOUR);
      await store.insertArticle(a);
      for (const text of [ELECTION, WEATHER, HARBOUR]) {
        const update = { ...a, text, contentHash: contentHash(text), signature: minhashSignature(text) };
        await store.updateClean(a.id, update);
      }
      expect(await store.stats()).toMatchObject({ articles: 1, signatures: 1, bands: 16 });
      const match = await store.findDuplicate({
        contentHash: "x",
        url: null,
        signature: minhashSignature(HARBOUR),
      });
      expect(match).toEqual({ id: a.id, reason: "near-duplicate", similarity: 1 });
      expect(await store.checkIntegrity()).toEqual([]);
    });

    it("rejects an update to another article's content hash and leaves the article unchanged", async () => {
      const a = article(HARBOUR);
      const b = article(ELECTION);
      await store.insertArticle(a);
      await store.insertArticle(b);
      const update = {
        ...a,
        text: ELECTION,
        contentHash: b.contentHash,
        signature: minhashSignature(ELECTION),
      };
      await expect(store.updateClean(a.id, update)).rejects.toMatchObject({ code: "STORE_FAILED" });
      expect(await store.getArticle(a.id)).toEqual(withoutInsertOnly(a));
      expect((await store.search("cyclists")).map((h) => h.id)).toEqual([a.id]);
      expect(await store.stats()).toMatchObject({ signatures: 2, bands: 32 });
      expect(await store.checkIntegrity()).toEqual([]);
    });

    it("keeps the article's site blocks under its site key when re-cleaning changes its source", async () => {
      const a = article(HARBOUR, { source: "old.example", blockHashes: ["nav"] });
      await store.insertArticle(a);
      await store.updateClean(a.id, { ...a, source: "New Example Daily" });
      expect((await store.siteBlockCounts("old.example", ["nav"])).get("nav")).toBe(1);
      expect((await store.siteBlockCounts("New Example Daily", ["nav"])).get("nav")).toBe(0);
    });

    it("stores no site blocks for an article whose site is unknown", async () => {
      await store.insertArticle(article(HARBOUR, { blockHashes: ["nav"], siteKey: null }));
      expect((await store.siteBlockCounts("example.com", ["nav"])).get("nav")).toBe(0);
    });

    it("rejects an unknown id with NOT_FOUND", async () => {
      const update = { ...article(HARBOUR) };
      await expect(store.updateClean("missing", update)).rejects.toMatchObject({ code: "NOT_FOUND" });
    });
  });

  describe("atomic insert", () => {
    async function expectEmpty(s: SqliteStore, a: NewArticle): Promise<void> {
      expect(await s.stats()).toEqual({ articles: 0, signatures: 0, bands: 0, blocks: 0 });
      expect(await s.getArticle(a.id)).toBeNull();
      expect(await s.search("harbour")).toEqual([]);
      const signature = minhashSignature(a.text);
      expect(await s.findDuplicate({ contentHash: a.contentHash, url: a.url, signature })).toBeNull();
      expect(await s.checkIntegrity()).toEqual([]);
    }

    it("leaves nothing behind when the insert fails after the article row (bad signature)", async () => {
      const a = article(HARBOUR, { blockHashes: ["b1"] });
      a.signature = [...a.signature.slice(0, 63), 1.5];
      await expect(store.insertArticle(a)).rejects.toMatchObject({ code: "STORE_FAILED" });
      await expectEmpty(store, a);
    });

    it("leaves nothing behind when the insert fails at its last step (bad block hash)", async () => {
      const a = article(HARBOUR, { blockHashes: ["b1", null as unknown as string] });
      await expect(store.insertArticle(a)).rejects.toMatchObject({ code: "STORE_FAILED" });
      await expectEmpty(store, a);
    });

    it("rejects a second article with the same content hash and keeps the first intact", async () => {
      const a = article(HARBOUR, { blockHashes: ["b1"] });
      await store.insertArticle(a);
      const before = await store.stats();
      const b = article(ELECTION, { contentHash: a.contentHash, blockHashes: ["b2"] });
      const err = await store.insertArticle(b).catch((e: unknown) => e);
      expect(isNewsdeskError(err) && err.code === "STORE_FAILED").toBe(true);
      expect(await store.stats()).toEqual(before);
      expect(await store.getArticle(b.id)).toBeNull();
      expect(await store.search("polling")).toEqual([]);
      expect(await store.checkIntegrity()).toEqual([]);
    });

    it("accepts the same article once the failed attempt is corrected", async () => {
      const a = article(HARBOUR);
      await expect(store.insertArticle({ ...a, signature: [-1] })).rejects.toThrow();
      await store.insertArticle(a);
      expect(await store.getArticle(a.id)).not.toBeNull();
    });
  });

  describe("siteBlockCounts", () => {
    it("counts, per hash, the other articles of the same source that contain it", async () => {
      const a = article(HARBOUR, { source: "site.example", blockHashes: ["nav", "footer", "a-only"] });
      const b = article(ELECTION, { source: "site.example", blockHashes: ["nav", "footer"] });
      const c = article(WEATHER, { source: "site.example", blockHashes: ["nav"] });
      const other = article(`${WEATHER} Other site.`, {
        source: "other.example",
        blockHashes: ["nav", "footer"],
      });
      for (const x of [a, b, c, other]) await store.insertArticle(x);

      const counts = await store.siteBlockCounts("site.example", ["nav", "footer", "a-only", "unseen"]);
      expect(Object.fromEntries(counts)).toEqual({ nav: 3, footer: 2, "a-only": 1, unseen: 0 });

      const excluding = await store.siteBlockCounts("site.example", ["nav", "footer", "a-only"], a.id);
      expect(Object.fromEntries(excluding)).toEqual({ nav: 2, footer: 1, "a-only": 0 });
    });

    it("counts an article once even if its raw input repeats a block", async () => {
      await store.insertArticle(article(HARBOUR, { blockHashes: ["nav", "nav", "nav"] }));
      expect((await store.siteBlockCounts("example.com", ["nav"])).get("nav")).toBe(1);
    });

    it("returns an empty map for no hashes and ignores an unknown excluded id", async () => {
      await store.insertArticle(article(HARBOUR, { blockHashes: ["nav"] }));
      expect((await store.siteBlockCounts("example.com", [])).size).toBe(0);
      expect((await store.siteBlockCounts("example.com", ["nav"], "unknown")).get("nav")).toBe(1);
    });
  });

  it("rejects every call after close with STORE_FAILED", async () => {
    const s = await openSqliteStore(":memory:");
    await s.close();
    await s.close();
    await expect(s.countArticles()).rejects.toMatchObject({ code: "STORE_FAILED" });
    await expect(s.search("x")).rejects.toMatchObject({ code: "STORE_FAILED" });
  });
});

describe("migrations", () => {
  const log = silentLogger;

  it("applies every migration once and is a no-op on an up-to-date database", () => {
    const db = new Database(":memory:");
    expect(migrate(db, log)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(migrate(db, log)).toEqual([]);
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
  });

  it("applies pending migrations in version order, after those already applied", () => {
    const db = new Database(":memory:");
    const first: Migration[] = [{ version: 1, name: "a", sql: "CREATE TABLE a (x INTEGER PRIMARY KEY)" }];
    const more: Migration[] = [
      ...first,
      { version: 2, name: "b", sql: "CREATE TABLE b (x INTEGER REFERENCES a (x))" },
      { version: 5, name: "c", sql: "CREATE INDEX b_x ON b (x)" },
    ];
    expect(migrate(db, log, first)).toEqual([1]);
    expect(migrate(db, log, more)).toEqual([2, 5]);
    expect(migrate(db, log, more)).toEqual([]);
    expect(appliedVersions(db)).toEqual([1, 2, 5]);
    db.close();
  });

  it("refuses migrations that are out of order or repeat a version", () => {
    const db = new Database(":memory:");
    const sql = "SELECT 1";
    expect(() =>
      migrate(db, log, [
        { version: 2, name: "b", sql },
        { version: 1, name: "a", sql },
      ]),
    ).toThrow(/order/);
    expect(() =>
      migrate(db, log, [
        { version: 1, name: "a", sql },
        { version: 1, name: "a2", sql },
      ]),
    ).toThrow(/order/);
    expect(appliedVersions(db)).toEqual([]);
    db.close();
  });

  it("rolls back a failing migration entirely and records nothing for it", () => {
    const db = new Database(":memory:");
    const ok: Migration = { version: 1, name: "a", sql: "CREATE TABLE a (x INTEGER)" };
    const broken: Migration = { version: 2, name: "b", sql: "CREATE TABLE b (x INTEGER); THIS IS NOT SQL" };
    expect(() => migrate(db, log, [ok, broken])).toThrow();
    expect(appliedVersions(db)).toEqual([1]);
    // Table b was rolled back with the failed migration, so the corrected one can create it.
    const fixed: Migration = { version: 2, name: "b", sql: "CREATE TABLE b (x INTEGER)" };
    expect(migrate(db, log, [ok, fixed])).toEqual([2]);
    db.close();
  });

  it("refuses a database migrated by a newer version", () => {
    const db = new Database(":memory:");
    migrate(db, log, [
      { version: 1, name: "a", sql: "SELECT 1" },
      { version: 2, name: "b", sql: "SELECT 1" },
    ]);
    expect(() => migrate(db, log, [{ version: 1, name: "a", sql: "SELECT 1" }])).toThrow(/newer/);
    db.close();
  });
});

describe("file database", () => {
  it("creates missing parent directories and keeps data across reopening", async () => {
    const path = join(tempDir(), "nested", "deeper", "newsdesk.db");
    const first = await openStore(path);
    const a = article(HARBOUR, { title: "Harbour bridge reopens", blockHashes: ["nav"] });
    await first.insertArticle(a);
    expect(existsSync(`${path}-wal`)).toBe(true);
    await first.close();

    const second = await openSqliteStore(path);
    expect(await second.getArticle(a.id)).toEqual(withoutInsertOnly(a));
    expect(await second.getRaw(a.id)).toEqual(a.raw);
    expect((await second.search("harbour")).map((h) => h.id)).toEqual([a.id]);
    expect(
      (
        await second.findDuplicate({
          contentHash: "x",
          url: null,
          signature: minhashSignature(HARBOUR_EDITED),
        })
      )?.id,
    ).toBe(a.id);
    expect((await second.siteBlockCounts(a.source, ["nav"])).get("nav")).toBe(1);
    expect(await second.checkIntegrity()).toEqual([]);
    await second.close();
  });

  it("reopens an existing database without re-applying migrations", async () => {
    const path = join(tempDir(), "newsdesk.db");
    await (await openStore(path)).close();
    const db = new Database(path);
    expect(migrate(db, silentLogger)).toEqual([]);
    expect(appliedVersions(db)).toEqual(MIGRATIONS.map((m) => m.version));
    db.close();
    await (await openStore(path)).close();
  });

  it("reports an unopenable path as STORE_FAILED", async () => {
    const dir = tempDir();
    const file = join(dir, "file");
    writeFileSync(file, "not a directory");
    await expect(openStore(join(file, "db.sqlite"))).rejects.toMatchObject({ code: "STORE_FAILED" });
  });

  it("keeps every article whole when the writing process is killed mid-insert", async () => {
    const dir = tempDir();
    const path = join(dir, "killed.db");
    const script = join(dir, "writer.mts");
    const storeModule = resolve("src/store/sqlite/sqlite-store.ts");
    const fingerprint = resolve("src/ingest/fingerprint.ts");
    writeFileSync(
      script,
      `import { openSqliteStore } from ${JSON.stringify(storeModule)};
       import { contentHash, minhashSignature } from ${JSON.stringify(fingerprint)};
       const store = await openSqliteStore(${JSON.stringify(path)});
       const started = Date.now();
       // Bounded, in case the test that should kill it has gone.
       for (let i = 0; i < 50000 && Date.now() - started < 15000; i++) {
         const text = ${JSON.stringify(HARBOUR)} + " Update number " + i + ".";
         await store.insertArticle({
           id: "k" + i, externalId: null, title: "T" + i, source: "s", url: null, author: null,
           publishedAt: null, language: "en", text, ingestedAt: new Date().toISOString(),
           contentHash: contentHash(text), words: 1,
           raw: { format: "text", body: text, hints: {}, origin: "o" },
           signature: minhashSignature(text), blockHashes: ["a", "b", "c" + i], siteKey: "s",
         });
         if (i === 200) process.stdout.write("ready\\n");
       }`,
    );
    const child = spawn(process.execPath, ["--import", "tsx", script], { stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise((r) => child.once("exit", r));
    try {
      let stderr = "";
      child.stderr.on("data", (d: Buffer) => {
        stderr += d.toString();
      });
      await new Promise<void>((done, fail) => {
        child.stdout.on("data", (d: Buffer) => {
          if (d.toString().includes("ready")) done();
        });
        child.on("exit", () => fail(new Error(`writer exited early: ${stderr}`)));
      });
      await new Promise((r) => setTimeout(r, 50));
    } finally {
      child.kill("SIGKILL");
      await exited;
    }

    const s = await openSqliteStore(path);
    const stats = await s.stats();
    expect(stats.articles).toBeGreaterThan(200);
    expect(stats.signatures).toBe(stats.articles);
    expect(stats.bands).toBe(stats.articles * 16);
    expect(stats.blocks).toBe(stats.articles * 3);
    expect(await s.checkIntegrity()).toEqual([]);
    await s.close();
  });
});
