import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("newsletter prompts", () => {
  it("drops a newsletter prompt and keeps the outlet it names as a source hint", () => {
    const n = "Get the best stories from The Harbor Gazette in your inbox every morning.";
    const r = cleanBlocks(lines(S1, n, S2));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed).toContainEqual({ text: n, rule: "newsletter" });
    expect(r.meta.sourceHint).toBe("The Harbor Gazette");
  });

  it("reads the outlet from 'coverage from X' and drops the edition suffix", () => {
    const n = "Subscribe to our free newsletter for more news coverage from La Voz International Edition";
    const r = cleanBlocks(lines(S1, S2, n));
    expect(r.removed).toContainEqual({ text: n, rule: "newsletter" });
    expect(r.meta.sourceHint).toBe("La Voz");
  });

  it("drops German and Spanish newsletter prompts", () => {
    const de = "Melden Sie sich für unseren Newsletter an und erhalten Sie die wichtigsten Nachrichten.";
    const es = "Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes.";
    const r = cleanBlocks(lines(S1, de, S2, es));
    expect(r.removed.map((x) => x.text)).toEqual([de, es]);
  });

  it("keeps a story paragraph that mentions a newsletter", () => {
    const p =
      "The mayor announced the program in a newsletter sent to residents last week, saying the city would cover half of the cost.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});
