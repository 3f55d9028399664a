import { join } from "node:path";
import { PassThrough, Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { DEMO_DIR } from "./helpers/demo-store.js";
import { tempDir } from "./helpers/ingest-env.js";
import { cli } from "./helpers/run-cli.js";
import { HARBOR_STRIKE, RAIL_BRIDGE } from "./helpers/sample-articles.js";

async function demoDb(): Promise<string> {
  const db = join(tempDir().dir, "demo.db");
  const r = await cli(["--db", db, "ingest", DEMO_DIR]);
  expect(r.code).toBe(0);
  return db;
}

describe("newsdesk chat", () => {
  it("prints /stance as JSON in the documented shape", async () => {
    const db = await demoDb();
    const r = await cli(["--db", db, "chat", "/stance sovereignty", "--json"]);
    expect(r.code).toBe(0);
    const reply = JSON.parse(r.out);
    expect(reply.kind).toBe("stance");
    expect(reply.data.topic).toBe("sovereignty");
    expect(reply.data.actors[0]).toEqual({
      name: expect.any(String),
      position: expect.any(String),
      quotes: expect.any(Array),
      articles: expect.any(Number),
      sources: expect.any(Array),
    });
    for (const q of reply.data.actors.flatMap((a: { quotes: unknown[] }) => a.quotes)) {
      expect(q).toEqual({
        text: expect.any(String),
        articleId: expect.any(String),
        source: expect.any(String),
        url: expect.anything(),
      });
    }
  });

  it("prints /brief and /ask as JSON with cited sentences", async () => {
    const db = await demoDb();
    const brief = JSON.parse((await cli(["--db", db, "chat", "/brief", "--json"])).out);
    expect(brief.kind).toBe("brief");
    expect(brief.data.stories[0]).toMatchObject({
      headline: expect.any(String),
      articleIds: expect.any(Array),
    });
    expect(brief.data.stories[0].sentences[0]).toEqual({
      text: expect.any(String),
      articleId: expect.any(String),
    });
    const ask = JSON.parse(
      (await cli(["--db", db, "chat", "/ask How long was the phone call?", "--json"])).out,
    );
    expect(ask.kind).toBe("answer");
    expect(ask.data.sentences[0].text).toMatch(/40-minute/);
  });

  it("renders replies as terminal text with numbered citations", async () => {
    const db = await demoDb();
    const r = await cli(["--db", db, "chat", "/brief troops"]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Briefing: troops\n/);
    expect(r.out).toMatch(/\[1\]/);
    expect(r.out).toMatch(/\nSources\n\[1\] /);
  });

  it("exits 2 with the error as JSON on a usage error", async () => {
    const db = await demoDb();
    const r = await cli(["--db", db, "chat", "/stance", "--json"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({
      kind: "error",
      message: "/stance needs topic.",
      reason: "usage",
    });
    expect((await cli(["--db", db, "chat", "/summarize 123456789abc"])).code).toBe(1);
  });

  it("lists stories as JSON", async () => {
    const db = await demoDb();
    const rows = JSON.parse((await cli(["--db", db, "stories", "--json"])).out);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]).sort()).toEqual(["articleIds", "headline", "id", "sources"]);
  });
});

describe("newsdesk summarize and quotes (without storing)", () => {
  it("summarizes each .jsonl line as one JSON line with its id", async () => {
    const t = tempDir();
    const p = t.write(
      "in.jsonl",
      `${JSON.stringify({ id: "a1", text: HARBOR_STRIKE })}\n${JSON.stringify({ text: RAIL_BRIDGE })}\n`,
    );
    const r = await cli(["summarize", p, "--sentences", "2"]);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ id: "a1", input: `${p}:1`, sentences: expect.any(Array) });
    expect(lines[0].sentences.length).toBeLessThanOrEqual(2);
    expect(lines[0].summary).toBe(lines[0].sentences.join(" "));
    expect(lines[1].id).toBeUndefined();
  });

  it("lists the attributions of a file with speaker, mention, content, cue and direct", async () => {
    const t = tempDir();
    const p = t.write("strike.txt", HARBOR_STRIKE);
    const r = await cli(["quotes", p]);
    const [line] = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(line.input).toBe(p);
    expect(line.quotes).toContainEqual({
      speaker: "Mara Okonte",
      speakerMention: "union leader Mara Okonte",
      content: "We have waited eleven months for a contract, and we will not wait a twelfth",
      cue: "told reporters",
      direct: true,
    });
  });
});

describe("newsdesk serve", () => {
  it("refuses to serve without a terminal or a configured platform, and says what to do", async () => {
    const stdin = Readable.from([]) as Readable & { isTTY?: boolean };
    const r = await cli(["serve"], { stdin, stdoutStream: new PassThrough() });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no chat platform is configured/);
  });

  it("loads the demo corpus and answers commands typed at the prompt", async () => {
    const db = join(tempDir().dir, "serve.db");
    const stdin = Readable.from(["/brief\n", "/nope\n", "/quit\n"]);
    const output = new PassThrough();
    let text = "";
    output.on("data", (d) => {
      text += String(d);
    });
    const r = await cli(["--db", db, "serve", "--demo"], { stdin, stdoutStream: output });
    expect(r.code).toBe(0);
    expect(text).toMatch(/Loaded 11 demo articles/);
    expect(text).toMatch(/Briefing\n3 stories/);
    expect(text).toMatch(/✗ Unknown command "\/nope"/);
  });
});
