import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("inline teasers for other articles", () => {
  it("drops a section kicker glued to another story's headline and dek", () => {
    const t =
      "Science & Health Researchers find a cheaper way to detect lead in water The new test could help small towns check their pipes. It costs less than a dollar per sample.";
    const r = cleanBlocks(lines(S1, t, S2));
    expect(r.removed).toContainEqual({ text: t, rule: "teaser" });
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("drops 'Read more:' style teasers in several languages", () => {
    const teasers = [
      "Read more: Transit agency weighs fare increase",
      "Lee también: El puerto amplía su horario",
      "Lire aussi : Les transports augmentent leurs tarifs",
      "Lesen Sie auch: Neue Brücke für die Altstadt",
    ];
    const r = cleanBlocks(lines(S1, ...teasers, S2));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed.every((x) => x.rule === "teaser")).toBe(true);
  });

  it("keeps a paragraph that starts with a ministry title made of section names", () => {
    const p =
      "Arts and Culture Minister Dana Ortiz said the bridge would be lit in festival colors once repairs end.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });

  it("keeps a paragraph that merely starts with a section word", () => {
    const p =
      "World leaders gathered in the city on Friday for a summit on river pollution and water supplies.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
