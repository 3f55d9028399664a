import { describe, expect, it } from "vitest";
import type { Block } from "../src/ingest/blocks.js";
import { blockHash, cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

const LONG = `${S1} ${S2}`;

describe("site repetition", () => {
  const boiler = "Harbor Gazette — local news since 1902. Tips? Write to the newsroom.";
  const counts = new Map([
    [blockHash(boiler), 7],
    [blockHash(LONG), 9],
    [blockHash(S2), 2],
  ]);
  const siteRepeats = (b: Block) => counts.get(blockHash(b.text)) ?? 0;

  it("drops a block that three or more other articles of the site contain", () => {
    const r = cleanBlocks(lines(S1, S2, boiler), { siteRepeats });
    expect(r.removed).toContainEqual({ text: boiler, rule: "site-repeat" });
  });

  it("keeps a long story paragraph even when it is repeated", () => {
    const r = cleanBlocks(lines(LONG, S1), { siteRepeats });
    expect(r.blocks.map((b) => b.text)).toContain(LONG);
  });

  it("keeps blocks repeated fewer than three times", () => {
    const r = cleanBlocks(lines(S1, S2), { siteRepeats });
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });
});

describe("blockHash", () => {
  it("ignores case, spacing and punctuation", () => {
    expect(blockHash("Most  viewed!")).toBe(blockHash("most viewed"));
    expect(blockHash("  “Share” this — article ")).toBe(blockHash("share this article"));
  });

  it("distinguishes different texts and is a stable 16-digit hex string", () => {
    expect(blockHash("Most viewed")).not.toBe(blockHash("Most read"));
    expect(blockHash("Most viewed")).toMatch(/^[0-9a-f]{16}$/);
    expect(blockHash("Most viewed")).toBe(blockHash("Most viewed"));
  });
});
