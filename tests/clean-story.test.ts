import { describe, expect, it } from "vitest";
import type { Block } from "../src/ingest/blocks.js";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2, S3, S4 } from "./helpers/clean-fixtures.js";

/** Everything given must come out unchanged, in order. */
function expectAllKept(texts: string[]) {
  const r = cleanBlocks(lines(...texts));
  expect(r.blocks.map((b) => b.text)).toEqual(texts);
  expect(r.removed).toEqual([]);
}

describe("story content survives cleaning", () => {
  it("keeps subheads without punctuation that introduce story paragraphs", () => {
    expectAllKept([S1, "Who pays for the repairs", S2, "A long wait for drivers", S3]);
  });

  it("keeps a subhead that contains a colon and a quote", () => {
    expectAllKept([S1, "Mayor on the vote: “We had no choice”", S2]);
  });

  it("keeps a lead-in ending with a colon and the quote paragraph after it", () => {
    expectAllKept([
      S1,
      "In a radio interview on Friday, the mayor said:",
      "“We cannot wait for the bridge to fail before we act.”",
      S2,
    ]);
  });

  it("keeps a one-line quote paragraph", () => {
    expectAllKept([S1, "“We will not give up.”", S2]);
  });

  it("keeps bulleted facts that belong to the story", () => {
    expectAllKept([
      S1,
      "The council listed three reasons:",
      "- rising repair costs",
      "- heavier truck traffic",
      "- an expired inspection",
      S2,
    ]);
  });

  it("keeps a closing one-sentence paragraph", () => {
    expectAllKept([S1, S2, S3, "The bridge will stay open for now."]);
  });

  it("keeps a closing line introduced by a lead-in, even without a period", () => {
    expectAllKept([
      S1,
      S2,
      "Her message to the council was simple:",
      "Fix the bridge, then argue about the bill",
    ]);
  });

  it("keeps a closing short quote", () => {
    expectAllKept([S1, S2, "“We’ll be back next year,” she said."]);
  });

  it("keeps quote blocks from HTML", () => {
    const blocks: Block[] = [
      { kind: "paragraph", text: S1 },
      { kind: "quote", text: "Sign up for nothing, said the protest banner; we just want a safe bridge." },
      { kind: "paragraph", text: S2 },
    ];
    expect(cleanBlocks(blocks).blocks).toEqual(blocks);
  });

  it("keeps a long story written in the second person as advice inside the body", () => {
    const advice =
      "If you drive across the bridge every day, plan for delays of up to 20 minutes during the first month.";
    expectAllKept([S1, S2, advice, S3, S4]);
  });

  it("keeps every paragraph of a Portuguese story", () => {
    const pt = [
      "A câmara municipal aprovou na quinta-feira um plano de 40 milhões de reais para reformar a velha ponte sobre o rio, depois de meses de debate.",
      "As obras devem começar no outono e durar cerca de dois anos, segundo a prefeitura, que promete manter uma faixa aberta em cada sentido.",
      "O que muda para os motoristas",
      "“Não podemos esperar a ponte cair para agir”, disse a vereadora Ana Souza.",
      "A oposição criticou o aumento das tarifas de estacionamento e pediu um empréstimo para financiar o projeto.",
    ];
    const r = cleanBlocks(lines(...pt));
    expect(r.language).toBe("pt");
    expect(r.blocks.map((b) => b.text)).toEqual(pt);
  });

  it("returns an empty result for no blocks and for whitespace-only blocks", () => {
    expect(cleanBlocks([])).toEqual({ blocks: [], removed: [], language: "und", meta: {} });
    const r = cleanBlocks(lines(S1, "   ", "\u00a0", S2));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed.map((x) => x.rule)).toEqual(["empty", "empty"]);
  });
});
