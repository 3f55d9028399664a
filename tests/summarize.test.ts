import { describe, expect, it } from "vitest";
import { type PickedSentence, summarize, summarizeMany } from "../src/nlp/summarize/index.js";

/** Fictional articles written for these tests. */
const FLOOD = [
  "Flood barriers failed along the Brenn River on Sunday, forcing the evacuation of about 2,400 residents from the lower districts of Kessel.",
  "The river rose 1.8 metres in six hours after two days of heavy rain over the Harz uplands, the regional water authority said.",
  "Mayor Ilka Dorn said the city had not seen water this high since the great flood of 1962. She added:",
  "“We are moving everyone we can to the sports hall tonight, and nobody will be left behind.”",
  "But emergency crews said the worst of the flooding in Kessel may already be over.",
  "Is the old dam at Lorr safe? Engineers will inspect it on Monday.",
  "It was chaos.",
  "Sign up for our newsletter to get flood alerts from Kessel every morning.",
  "The water authority said repairs to the barriers would cost at least 3 million crowns and take until the autumn.",
  "Residents of the lower districts can collect sandbags at the Kessel fire station until midnight, the city said.",
].join("\n\n");

const FLOOD_OTHER_OUTLET = [
  "Flood barriers failed along the Brenn River on Sunday, forcing the evacuation of roughly 2,400 residents from the lower districts of Kessel.",
  "Farmers upstream in the Harz uplands said the rain had flattened their barley only two weeks before the harvest was due to begin.",
  "The regional government in Lorr promised an emergency fund of 5 million crowns for flooded households and farms.",
].join("\n\n");

const words = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const squash = (s: string) => s.replace(/\s+/g, " ").trim();

function expectCitable(picks: PickedSentence[], docs: string[]) {
  for (const p of picks) expect(squash((docs[p.docIndex] as string).slice(p.start, p.end))).toBe(p.text);
}

describe("summarize", () => {
  it("picks the requested number of sentences, in document order, with offsets into the text", () => {
    const picks = summarize(FLOOD, { sentences: 3, maxWords: 200 });
    expect(picks).toHaveLength(3);
    expect(picks.map((p) => p.index)).toEqual([...picks.map((p) => p.index)].sort((a, b) => a - b));
    expect(picks[0]?.text).toMatch(/^Flood barriers failed/);
    expect(picks.every((p) => p.docIndex === 0 && p.score > 0)).toBe(true);
    expectCitable(picks, [FLOOD]);
    expect(summarize(FLOOD, { sentences: 1, maxWords: 200 })).toHaveLength(1);
  });

  it("is deterministic", () => {
    const a = summarize(FLOOD, {
      sentences: 4,
      maxWords: 200,
      title: "Kessel evacuates as Brenn barriers fail",
    });
    const b = summarize(FLOOD, {
      sentences: 4,
      maxWords: 200,
      title: "Kessel evacuates as Brenn barriers fail",
    });
    expect(b).toEqual(a);
  });

  it("never picks colon lead-ins, questions, tiny fragments or boilerplate, and keeps a But-sentence after its predecessor", () => {
    const picks = summarize(FLOOD, { sentences: 10, maxWords: 1000 });
    expect(picks.length).toBeGreaterThan(3);
    for (const p of picks) {
      expect(p.text).not.toMatch(/:$/);
      expect(p.text).not.toMatch(/\?$/);
      expect(words(p.text)).toBeGreaterThanOrEqual(6);
      expect(p.text).not.toMatch(/newsletter/);
      expect(p.text).not.toBe("It was chaos.");
    }
    const but = picks.findIndex((p) => p.text.startsWith("But "));
    if (but >= 0) expect(picks[but - 1]?.index).toBe((picks[but] as PickedSentence).index - 1);
  });

  it("does not open a summary with a pronoun that points back", () => {
    const text = [
      "It said the fuel leak had been contained and that no fuel had reached the harbour water at Tamsen.",
      "The Tamsen ferry company cancelled all crossings to the Holm islands on Friday after a fuel leak was found on its largest ship.",
      "About 600 passengers were booked on the cancelled crossings, many of them island residents returning from the mainland.",
      "He said the company would refund every ticket within a week.",
    ].join(" ");
    const picks = summarize(text, { sentences: 2, maxWords: 200 });
    expect(picks).toHaveLength(2);
    expect(picks[0]?.text).toMatch(/^The Tamsen ferry company/);
    const alone = summarize("It rained in Tamsen for nine days without a break, flooding 200 homes.");
    expect(alone).toHaveLength(1); // a leaning sentence is still better than nothing when it is all there is
  });

  it("respects the word budget", () => {
    for (const maxWords of [25, 40, 60]) {
      const picks = summarize(FLOOD, { sentences: 5, maxWords });
      expect(picks.length).toBeGreaterThan(0);
      expect(picks.reduce((n, p) => n + words(p.text), 0)).toBeLessThanOrEqual(maxWords);
    }
    expect(summarize(FLOOD, { maxWords: 3 })).toEqual([]);
    const byDefault = summarize(FLOOD);
    expect(byDefault.length).toBeLessThanOrEqual(3);
    expect(byDefault.reduce((n, p) => n + words(p.text), 0)).toBeLessThanOrEqual(60);
  });

  it("handles empty and one-sentence input", () => {
    expect(summarize("")).toEqual([]);
    expect(summarize(" \n\n \n")).toEqual([]);
    expect(summarize("Hello there.")).toEqual([]);
    const one =
      "The Lorr council approved a budget of 4.2 million crowns for the new harbour on Monday evening.";
    expect(summarize(one)).toEqual([
      { text: one, index: 0, start: 0, end: one.length, docIndex: 0, score: expect.any(Number) },
    ]);
    expect(summarize(FLOOD, { sentences: 0 })).toEqual([]);
  });

  it("drops a dateline, a heading and a list marker from the picked text", () => {
    const text = [
      "KESSEL, Lumen, May 4 (Brenn Wire) - Flood barriers failed along the Brenn River on Sunday, forcing about 2,400 people from their homes.",
      "What happened next",
      "- Crews from three towns reinforced the barriers at Lorr with sandbags overnight.",
    ].join("\n\n");
    const picks = summarize(text, { sentences: 3, maxWords: 200 });
    expect(picks.map((p) => p.text)).toEqual([
      "Flood barriers failed along the Brenn River on Sunday, forcing about 2,400 people from their homes.",
      "Crews from three towns reinforced the barriers at Lorr with sandbags overnight.",
    ]);
    expectCitable(picks, [text]);
  });

  it("summarizes a 1,000-word article into at most three sentences in document order", () => {
    const paragraphs = Array.from({ length: 10 }, (_, p) =>
      Array.from(
        { length: 4 },
        (_, k) =>
          `Officials in district ${p} of Kessel counted ${100 + k * 13} flooded homes and ${k + 2} closed schools on day ${p + k} of the emergency, the regional water authority said in its report.`,
      ).join(" "),
    );
    const text = paragraphs.join("\n\n");
    expect(words(text)).toBeGreaterThan(1000);
    const picks = summarize(text);
    expect(picks.length).toBeGreaterThan(0);
    expect(picks.length).toBeLessThanOrEqual(3);
    expect(picks.map((p) => p.start)).toEqual([...picks.map((p) => p.start)].sort((a, b) => a - b));
  });
});

describe("summarizeMany", () => {
  const docs = [
    { text: FLOOD, title: "Kessel evacuates as Brenn barriers fail" },
    { text: FLOOD_OTHER_OUTLET, title: "Brenn floods force 2,400 from homes", publishedAt: "2026-05-04" },
  ];

  it("keeps one of two near-identical leads from different outlets and cites each sentence's document", () => {
    const picks = summarizeMany(docs, { sentences: 3, maxWords: 200 });
    expect(picks).toHaveLength(3);
    expect(picks.filter((p) => p.text.startsWith("Flood barriers failed"))).toHaveLength(1);
    expect(new Set(picks.map((p) => p.docIndex))).toEqual(new Set([0, 1]));
    expectCitable(
      picks,
      docs.map((d) => d.text),
    );
  });

  it("respects the word budget across documents and is deterministic", () => {
    const picks = summarizeMany(docs, { sentences: 5, maxWords: 50 });
    expect(picks.reduce((n, p) => n + words(p.text), 0)).toBeLessThanOrEqual(50);
    expect(summarizeMany(docs, { sentences: 5, maxWords: 50 })).toEqual(picks);
    const reversed = summarizeMany([...docs].reverse(), { sentences: 3, maxWords: 200 });
    expectCitable(reversed, [docs[1]?.text as string, docs[0]?.text as string]);
  });

  it("never opens an outlet's part with a pronoun that points back into that outlet", () => {
    const governor = [
      "Governor Anselm Vey of Lumen toured the flooded districts of Kessel by boat on Monday morning.",
      "He promised an emergency fund of 5 million crowns for flooded households, farms and small businesses in Kessel.",
    ].join(" ");
    const all = [FLOOD, governor];
    for (const maxWords of [60, 200]) {
      const picks = summarizeMany(
        all.map((text) => ({ text })),
        { sentences: 4, maxWords },
      );
      for (const [k, p] of picks.entries()) {
        if (/^(He|She|It|They)\b/.test(p.text)) expect(picks[k - 1]?.docIndex).toBe(p.docIndex);
      }
    }
  });

  it("handles no documents, empty documents and a single document", () => {
    expect(summarizeMany([])).toEqual([]);
    expect(summarizeMany([{ text: "" }, { text: "  " }])).toEqual([]);
    const single = summarizeMany([{ text: "" }, { text: FLOOD_OTHER_OUTLET }], { sentences: 1 });
    expect(single).toHaveLength(1);
    expect(single[0]?.docIndex).toBe(1);
  });
});
