import { describe, expect, it } from "vitest";
import type { Block } from "../src/ingest/blocks.js";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("ad markers", () => {
  const markers = [
    "Advertisement",
    "ADVERTISEMENT",
    "Publicidad",
    "Anzeige",
    "Publicité",
    "Pubblicità",
    "Publicidade",
    "Sponsored content",
    "Story continues below advertisement",
    "Weiterlesen nach der Anzeige",
  ];
  for (const marker of markers) {
    it(`drops the ad marker "${marker}" between story paragraphs`, () => {
      const r = cleanBlocks(lines(S1, marker, S2));
      expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
      expect(r.removed).toContainEqual({ text: marker, rule: "ad-marker" });
    });
  }

  it("trims an ad label glued to the start of a paragraph", () => {
    const r = cleanBlocks(lines(S1, `ADVERTISEMENT ${S2}`));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("keeps a paragraph that is about advertising", () => {
    const p = "The advertisement ran during the championship game and drew complaints from viewers.";
    const r = cleanBlocks(lines(S1, p, S2));
    expect(r.blocks.map((b) => b.text)).toContain(p);
  });

  it("drops a marker given as a heading block from HTML", () => {
    const blocks: Block[] = [
      { kind: "paragraph", text: S1 },
      { kind: "heading", level: 3, text: "Advertisement" },
      { kind: "paragraph", text: S2 },
    ];
    expect(cleanBlocks(blocks).blocks.map((b) => b.text)).toEqual([S1, S2]);
  });
});
