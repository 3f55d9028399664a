import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { shortenToTitle } from "../src/ingest/clean/title.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("title", () => {
  it("takes a headline-like first line as the title and removes it from the body", () => {
    const r = cleanBlocks(lines("Council approves $40 million bridge repair", S1, S2));
    expect(r.meta.title).toBe("Council approves $40 million bridge repair");
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed).toEqual([{ text: "Council approves $40 million bridge repair", rule: "title" }]);
  });

  it("takes a first heading block as the title", () => {
    const r = cleanBlocks([
      { kind: "heading", level: 1, text: "Bridge repair approved" },
      { kind: "paragraph", text: S1 },
    ]);
    expect(r.meta.title).toBe("Bridge repair approved");
    expect(r.blocks).toEqual([{ kind: "paragraph", text: S1 }]);
  });

  it("drops a first block equal to the title known from metadata", () => {
    const r = cleanBlocks(lines("Council Approves Bridge Repair!", S1, S2), {
      title: "Council approves bridge repair",
    });
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.meta.title).toBe("Council approves bridge repair");
  });

  it("removes the known title from the start of a block that also holds the dek", () => {
    const r = cleanBlocks(lines(`Council approves bridge repair ${S1}`, S2), {
      title: "Council approves bridge repair",
    });
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("keeps a Title Case headline whole even when it contains a capitalized article", () => {
    const r = cleanBlocks(lines("Council Approves The Bridge Repair Plan", S1, S2));
    expect(r.meta.title).toBe("Council Approves The Bridge Repair Plan");
  });

  it("splits a headline glued to its dek by line joining", () => {
    const glued =
      "Council approves bridge repair after months of debate The plan will be paid for with state grants and higher parking fees downtown";
    const r = cleanBlocks(lines(glued, S1, S2));
    expect(r.meta.title).toBe("Council approves bridge repair after months of debate");
    expect(r.blocks[0]?.text).toBe(
      "The plan will be paid for with state grants and higher parking fees downtown",
    );
  });

  it("falls back to a shortened first sentence ending with an ellipsis", () => {
    const r = cleanBlocks(lines(S1, S2));
    expect(r.meta.title).toMatch(/…$/);
    expect(r.meta.title?.split(" ").length).toBeLessThanOrEqual(15);
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("does not cut a name or end on a function word when shortening", () => {
    const t = shortenToTitle(
      "Mexican President Claudia Sheinbaum rejected on Saturday a proposal from U.S. President Donald Trump to send troops across the border.",
    );
    expect(t).toBe(
      "Mexican President Claudia Sheinbaum rejected on Saturday a proposal from U.S. President Donald Trump…",
    );
    const named = shortenToTitle(
      "The mayor of the northern city said on Saturday that she had called Governor Maria Elena Torres about the plan.",
    );
    expect(named).toBe("The mayor of the northern city said on Saturday that she had called…");
    const u = shortenToTitle(
      "The mayor said the city had spent more than it could afford on the project and would ask the state for help.",
    );
    expect(u.endsWith(" the…")).toBe(false);
    expect(u.endsWith("…")).toBe(true);
  });

  it("keeps a short first sentence whole", () => {
    expect(shortenToTitle("The bridge is closed.")).toBe("The bridge is closed");
  });
});
