import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("donation appeals and newsroom notes", () => {
  it("drops a donation appeal and its button", () => {
    const a =
      "Thank you for reading. Our journalism is free for everyone. Please consider making a donation today.";
    const r = cleanBlocks(lines(S1, a, "Donate now", S2));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed.map((x) => x.rule)).toEqual(["appeal", "appeal"]);
  });

  it("drops appeals in Spanish and French", () => {
    const es = "Apoya el periodismo independiente: haz una donación hoy.";
    const fr = "Soutenez notre journalisme : faites un don.";
    const r = cleanBlocks(lines(S1, S2, es, fr));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("drops a tip line and a republication note, keeping the newsroom's name as a source hint", () => {
    const tip = "Have a story idea? Email us at tips@harbor.example";
    const note =
      "Harbor Report is a nonprofit newsroom. Republish our articles for free under a Creative Commons license.";
    const r = cleanBlocks(lines(S1, S2, tip, note));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.meta.sourceHint).toBe("Harbor Report");
  });

  it("keeps a story paragraph about donations", () => {
    const p =
      "The foundation said it would make a donation of $2 million to the bridge fund if the state matched it.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
