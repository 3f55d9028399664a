import { mkdirSync } from "node:fs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Store } from "../src/store/store.js";
import { ingestEnv, tempDir } from "./helpers/ingest-env.js";
import { HARBOR_STRIKE, ORCHARD_FROST, RAIL_BRIDGE } from "./helpers/sample-articles.js";

let store: Store | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
});

async function env(limits: { maxBytes?: number } = {}) {
  const e = await ingestEnv(limits);
  store = e.store;
  return e;
}

/** Each bad input yields exactly one rejection whose reason matches, and the good file in the batch is stored. */
async function expectRejected(
  name: string,
  content: string | Uint8Array | null,
  reason: RegExp,
  limits = {},
) {
  const { ingest } = await env(limits);
  const t = tempDir();
  const good = t.write("good.txt", RAIL_BRIDGE);
  const bad = content === null ? `${t.dir}/${name}` : t.write(name, content);
  const report = await ingest([bad, good]);
  expect(report.rejected).toHaveLength(1);
  expect(report.rejected[0]?.input).toBe(bad);
  expect(report.rejected[0]?.reason).toMatch(reason);
  expect(report.rejected[0]?.reason).not.toContain("\n");
  expect(report.added.map((a) => a.input)).toEqual([good]);
}

describe("bad input is rejected with a one-line reason while the rest of the batch is stored", () => {
  it("rejects a missing path", () => expectRejected("nope.txt", null, /no such file or directory/));

  it("suggests https:// when a missing path looks like a web address", async () => {
    const { ingest } = await env();
    const report = await ingest(["news.example.com/story"]);
    expect(report.rejected[0]?.reason).toMatch(/start the URL with https:\/\//);
  });

  it("rejects a binary file by its signature", () =>
    expectRejected(
      "photo.txt",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0]),
      /not a text file \(looks like a PNG image\)/,
    ));

  it("rejects a file with NUL bytes as binary", () =>
    expectRejected("data.txt", new Uint8Array([72, 105, 0, 0, 1, 2, 3, 72, 105]), /not a text file/));

  it("rejects an empty file", () => expectRejected("empty.txt", "", /empty file/));

  it("rejects a file that holds only boilerplate", () =>
    expectRejected(
      "junk.txt",
      "Advertisement\nSign in\nForgot password?\nSubscribe to our newsletter\n",
      /no article text found/,
    ));

  it("rejects a nearly empty article", () =>
    expectRejected("short.txt", "Storm warning issued for the coast.", /only \d+ words left/));

  it("rejects a file over the size limit and names the setting", () =>
    expectRejected(
      "big.txt",
      `${HARBOR_STRIKE}\n`.repeat(20),
      /too large: .* over the 2 KB limit \(NEWSDESK_MAX_INPUT_BYTES\)/,
      { maxBytes: 2048 },
    ));

  it("rejects an unsupported file type", () =>
    expectRejected("report.pdfx", "text", /unsupported file type "\.pdfx"/));

  it("rejects a .json file that is not valid JSON", () =>
    expectRejected("bad.json", '{ "title": ', /invalid JSON/));

  it("rejects a .json object without text", () =>
    expectRejected("notext.json", JSON.stringify({ title: "x" }), /no "text" or "body" field/));

  it("rejects a device or other non-regular file", async () => {
    const { ingest } = await env();
    const report = await ingest(["/dev/null"]);
    expect(report.rejected).toEqual([{ input: "/dev/null", reason: "not a regular file: null" }]);
  });

  it("rejects only the malformed lines of a .jsonl file", async () => {
    const { ingest } = await env();
    const t = tempDir();
    const p = t.write(
      "mixed.jsonl",
      [
        JSON.stringify({ id: "ok-1", text: HARBOR_STRIKE }),
        "{not json",
        JSON.stringify(["an", "array"]),
        JSON.stringify({ id: "ok-2", text: ORCHARD_FROST }),
      ].join("\n"),
    );
    const report = await ingest([p]);
    expect(report.added.map((a) => a.externalId)).toEqual(["ok-1", "ok-2"]);
    expect(report.rejected.map((r) => r.input)).toEqual([`${p}:2`, `${p}:3`]);
    expect(report.rejected[0]?.reason).toMatch(/invalid JSON/);
    expect(report.rejected[1]?.reason).toMatch(/expected a JSON object/);
  });

  it("rejects an over-long .jsonl line but keeps the others", async () => {
    const { ingest } = await env({ maxBytes: 4096 });
    const t = tempDir();
    const p = t.write(
      "big.jsonl",
      `${JSON.stringify({ text: HARBOR_STRIKE.repeat(10) })}\n${JSON.stringify({ text: RAIL_BRIDGE })}\n`,
    );
    const report = await ingest([p]);
    expect(report.rejected).toEqual([{ input: `${p}:1`, reason: expect.stringMatching(/^line too large/) }]);
    expect(report.added).toHaveLength(1);
  });

  it("rejects an empty directory", async () => {
    const { ingest } = await env();
    const t = tempDir();
    mkdirSync(`${t.dir}/empty`);
    const report = await ingest([`${t.dir}/empty`]);
    expect(report.rejected).toEqual([{ input: `${t.dir}/empty`, reason: "directory holds no files" }]);
  });
});

describe("failures while storing", () => {
  it("rejects an article whose insert fails, stores the others, and leaves nothing of the failed one", async () => {
    const { store, ingest } = await env();
    const t = tempDir();
    const files = [
      t.write("1.txt", HARBOR_STRIKE),
      t.write("2.txt", RAIL_BRIDGE),
      t.write("3.txt", ORCHARD_FROST),
    ];
    const real = store.insertArticle.bind(store);
    const spy = vi.spyOn(store, "insertArticle").mockImplementation(async (a) => {
      if (a.raw.origin === files[1]) throw new Error("disk I/O error");
      return real(a);
    });
    const report = await ingest(files);
    spy.mockRestore();
    expect(report.added.map((a) => a.input)).toEqual([files[0], files[2]]);
    expect(report.rejected).toEqual([{ input: files[1], reason: "disk I/O error" }]);
    expect(await store.countArticles()).toBe(2);
    expect(await store.search("Tarrow bridge")).toEqual([]);
  });
});
