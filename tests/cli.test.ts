import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tempDir } from "./helpers/ingest-env.js";
import { cli as run } from "./helpers/run-cli.js";
import { HARBOR_STRIKE, RAIL_BRIDGE } from "./helpers/sample-articles.js";

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  return run(args, { env, now: () => new Date("2026-05-01T12:00:00Z") });
}

function setup() {
  const t = tempDir();
  const db = join(t.dir, "test.db");
  return { t, db };
}

describe("newsdesk CLI", () => {
  it("ingest --json prints added, duplicates and rejected in the documented shape and exits 1 on a rejection", async () => {
    const { t, db } = setup();
    const a = t.write("in/strike.txt", `Dockers strike at Port Vessa\n${HARBOR_STRIKE}`);
    const jsonl = t.write(
      "in/more.jsonl",
      `${JSON.stringify({ id: "x1", title: "Bridge", text: RAIL_BRIDGE })}\n`,
    );
    const first = await cli(["--db", db, "ingest", "--json", a, jsonl, join(t.dir, "missing.txt")]);
    expect(first.code).toBe(1);
    const report = JSON.parse(first.out);
    expect(report.added).toEqual([
      { id: expect.stringMatching(/^[0-9a-f]{12}$/), input: a, title: "Dockers strike at Port Vessa" },
      { id: expect.any(String), input: `${jsonl}:1`, externalId: "x1", title: "Bridge" },
    ]);
    expect(report.duplicates).toEqual([]);
    expect(report.rejected).toEqual([
      { input: join(t.dir, "missing.txt"), reason: "no such file or directory" },
    ]);

    const again = await cli(["--db", db, "ingest", "--json", a]);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.out)).toEqual({
      added: [],
      duplicates: [{ input: a, id: report.added[0].id }],
      rejected: [],
    });
  });

  it("ingest without --json prints a readable summary", async () => {
    const { t, db } = setup();
    const a = t.write("strike.txt", HARBOR_STRIKE);
    const r = await cli(["--db", db, "ingest", a]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^1 added, 0 duplicates, 0 rejected\n {2}added {6}[0-9a-f]{12} {2}/);
  });

  it("articles and article show what was stored, as tables and as JSON", async () => {
    const { t, db } = setup();
    await cli([
      "--db",
      db,
      "ingest",
      t.write(
        "b.md",
        `---\ntitle: Tarrow bridge closed\nsource: Lindmoor Post\npublished: 2026-03-06\n---\n${RAIL_BRIDGE}`,
      ),
    ]);
    const list = await cli(["--db", db, "articles", "--json"]);
    const rows = JSON.parse(list.out);
    expect(rows).toEqual([
      {
        id: expect.any(String),
        title: "Tarrow bridge closed",
        source: "Lindmoor Post",
        publishedAt: "2026-03-06",
        words: expect.any(Number),
      },
    ]);
    expect(rows[0].words).toBeGreaterThan(60);

    const table = await cli(["--db", db, "articles"]);
    expect(table.out).toContain("Tarrow bridge closed");
    expect(table.out).toContain("Lindmoor Post");

    const one = await cli(["--db", db, "article", rows[0].id, "--json"]);
    expect(JSON.parse(one.out)).toMatchObject({
      id: rows[0].id,
      title: "Tarrow bridge closed",
      text: expect.stringContaining("Safety comes before the timetable"),
    });

    const text = await cli(["--db", db, "article", rows[0].id]);
    expect(text.out.split("\n")[0]).toBe("Tarrow bridge closed");
  });

  it("article with an unknown id explains itself and exits 1", async () => {
    const { db } = setup();
    const r = await cli(["--db", db, "article", "doesnotexist"]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No article with id "doesnotexist"/);
  });

  it("an empty store says how to add articles", async () => {
    const { db } = setup();
    expect((await cli(["--db", db, "articles"])).out).toMatch(/newsdesk ingest/);
  });

  it("reclean re-cleans stored articles and reports how many changed", async () => {
    const { t, db } = setup();
    await cli(["--db", db, "ingest", t.write("a.txt", HARBOR_STRIKE)]);
    const r = await cli(["--db", db, "reclean", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ checked: 1, changed: 0, failed: [] });
  });

  it("NEWSDESK_DB chooses the database when --db is absent", async () => {
    const { t, db } = setup();
    await cli(["ingest", t.write("a.txt", HARBOR_STRIKE)], { NEWSDESK_DB: db });
    expect(JSON.parse((await cli(["--db", db, "articles", "--json"])).out)).toHaveLength(1);
  });

  it("an invalid setting stops with a message naming the variable and exit 2", async () => {
    const { db } = setup();
    const r = await cli(["--db", db, "articles"], { NEWSDESK_MAX_INPUT_BYTES: "lots" });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/Set NEWSDESK_MAX_INPUT_BYTES to a whole number/);
  });

  it("--help lists the commands, and each command has its own help", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    for (const c of ["ingest", "articles", "article", "reclean"]) expect(top.out).toContain(c);
    const sub = await cli(["ingest", "--help"]);
    expect(sub.code).toBe(0);
    expect(sub.out).toMatch(/Exit status: 0 when nothing was rejected/);
  });

  it("an unknown command or a missing argument is a usage error with exit 2", async () => {
    expect((await cli(["frobnicate"])).code).toBe(2);
    const missing = await cli(["ingest"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/missing required argument/);
  });
});
