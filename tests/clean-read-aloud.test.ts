import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("read-aloud and listen notices", () => {
  const notices = [
    "This story is narrated by an AI voice. Send us your feedback.",
    "Listen to this article",
    "Listen · 5 min",
    "Audio version generated with text-to-speech technology.",
    "Artikel anhören",
    "Escuchar este artículo",
    "Écouter cet article",
  ];
  for (const n of notices) {
    it(`drops "${n}"`, () => {
      const r = cleanBlocks(lines(S1, n, S2));
      expect(r.removed).toContainEqual({ text: n, rule: "read-aloud" });
      expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    });
  }

  it("keeps a story sentence about listening", () => {
    const p = "Residents were asked to listen for sirens and to follow the instructions of emergency crews.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
