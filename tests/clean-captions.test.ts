import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("photo captions and credits", () => {
  it("drops a caption introduced by a label", () => {
    const c = "Photo: The river bridge at dusk, seen from the east bank.";
    expect(cleanBlocks(lines(S1, c, S2)).removed).toContainEqual({ text: c, rule: "caption" });
  });

  it("drops a short caption that ends with an agency credit", () => {
    const c = "Council members listen to public comment at City Hall. (AP Photo/Jane Roe)";
    const d = "Commuters cross the bridge during rush hour. Carlos Ruiz/Reuters";
    const e = "Workers inspect the steel beams. AFP via Getty Images";
    const r = cleanBlocks(lines(S1, c, d, e, S2));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed.map((x) => x.rule)).toEqual(["caption", "caption", "caption"]);
  });

  it("drops a credit-only line", () => {
    const r = cleanBlocks(lines(S1, "Jane Roe/Getty Images", S2));
    expect(r.removed).toContainEqual({ text: "Jane Roe/Getty Images", rule: "caption" });
  });

  it("trims a photo credit glued inside a long paragraph and keeps the paragraph", () => {
    const long = `${S1} (AP Photo/Jane Roe) ${S2} The vote followed a heated debate that lasted more than four hours and drew dozens of residents to the council chamber on a rainy evening.`;
    const r = cleanBlocks(lines(long, S2));
    expect(r.blocks[0]?.text).toBe(
      `${S1} ${S2} The vote followed a heated debate that lasted more than four hours and drew dozens of residents to the council chamber on a rainy evening.`,
    );
  });

  it("drops image alt text", () => {
    const alt = "Image of the river bridge at night";
    expect(cleanBlocks(lines(S1, alt, S2)).removed).toContainEqual({ text: alt, rule: "image-alt" });
  });

  it("drops a present-tense photo caption at the top that is followed by a player notice", () => {
    const caption = "Firefighters work to contain a blaze at a warehouse in Oakland on Tuesday.";
    const r = cleanBlocks(lines(caption, "Listen to this article", S1, S2));
    expect(r.removed).toContainEqual({ text: caption, rule: "caption" });
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("keeps a present-tense lead that runs straight into the story", () => {
    const lead = "Protesters march through the capital on Saturday against the new pension law.";
    const r = cleanBlocks(lines(lead, S1, S2));
    expect(r.blocks.map((b) => b.text)).toEqual([lead, S1, S2]);
  });

  it("keeps a past-tense lead even when an ad marker follows it", () => {
    const r = cleanBlocks(lines(S1, "Advertisement", S2));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });
});
