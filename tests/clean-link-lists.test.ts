import { describe, expect, it } from "vitest";
import type { Block } from "../src/ingest/blocks.js";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2, S3 } from "./helpers/clean-fixtures.js";

describe("related / latest / most viewed lists", () => {
  it("drops a 'Related stories' header and the headlines under it", () => {
    const list = [
      "Related stories",
      "Transit agency weighs fare increase as ridership lags",
      "Downtown shops brace for a long construction season",
      "Why the old ferry route could return next summer",
    ];
    const r = cleanBlocks(lines(S1, S2, ...list));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed.map((x) => x.rule)).toEqual(["link-list", "link-list", "link-list", "link-list"]);
  });

  it("drops a Spanish 'most read' list with dashed items inside an English article", () => {
    const list = [
      "Lo más leído",
      "- El puerto amplía su horario de invierno",
      "- Cierran la avenida central por obras",
    ];
    const r = cleanBlocks(lines(S1, S2, S3, ...list));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2, S3]);
  });

  it("drops list items given as HTML list items after a heading", () => {
    const blocks: Block[] = [
      { kind: "paragraph", text: S1 },
      { kind: "paragraph", text: S2 },
      { kind: "heading", level: 2, text: "Most popular" },
      { kind: "list-item", text: "Five things to do this weekend" },
      { kind: "list-item", text: "Why rents keep rising downtown." },
    ];
    expect(cleanBlocks(blocks).blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("drops only the header when the story continues right after it", () => {
    const r = cleanBlocks(lines(S1, "Recommended for you", S2, S3));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2, S3]);
    expect(r.removed).toEqual([{ text: "Recommended for you", rule: "link-list" }]);
  });

  it("drops a run of headline-shaped lines after the story ends even without a header", () => {
    const r = cleanBlocks(lines(S1, S2, "Harbor closes for repairs until May", "Ferry fares rise again"));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed.map((x) => x.rule)).toEqual(["tail-links", "tail-links"]);
  });

  it("keeps a story list after a lead-in at the very end", () => {
    const r = cleanBlocks(
      lines(S1, S2, "The plan includes:", "- a new pedestrian lane", "- brighter lighting"),
    );
    expect(r.blocks.map((b) => b.text)).toEqual([
      S1,
      S2,
      "The plan includes:",
      "- a new pedestrian lane",
      "- brighter lighting",
    ]);
  });

  it("keeps subheads between story paragraphs", () => {
    const r = cleanBlocks(lines(S1, "What happens next", S2, "Who pays for it", S3));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, "What happens next", S2, "Who pays for it", S3]);
  });
});
