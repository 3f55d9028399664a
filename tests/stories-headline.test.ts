import { describe, expect, it } from "vitest";
import {
  documentFrequencies,
  type StoryDoc,
  storyFeatures,
  storyHeadline,
} from "../src/core/stories/index.js";

// Three fictional outlets on one event, plus a fourth whose story drifted to another subject.
const docs: StoryDoc[] = [
  {
    id: "a",
    title: "Live updates",
    text: "Vantoria will free the crews of 14 fishing boats seized off Skerry, President Ilse Marrow said after a 20-minute call with Prime Minister Teodor Quill. The boats stay impounded at Skerry harbour until a court rules.",
  },
  {
    id: "b",
    title: "Vantoria to free Essary fishing crews after Marrow-Quill call",
    text: "President Ilse Marrow agreed in a 20-minute call with Teodor Quill to free the crews of the 14 Essary fishing boats seized off Skerry within 48 hours. The boats stay impounded at Skerry harbour pending a court ruling.",
  },
  {
    id: "c",
    title: "Skerry fishing crews to go home after leaders' call, boats stay impounded",
    text: "The crews of 14 fishing boats seized off Skerry will be freed within two days after a 20-minute call between Ilse Marrow and Teodor Quill. The boats remain impounded at Skerry harbour until a court decides.",
  },
  {
    id: "d",
    title: "Timber prices climb as Essary tariff bites",
    text: "Timber prices in Vantoria rose for a third month as the Essary tariff bit. Sawmills in Kessel cut shifts. The seized fishing boats at Skerry were also mentioned by Quill.",
  },
].map((d) => ({ ...d, publishedAt: null, source: d.id }));

const { df, totalDocs } = documentFrequencies(docs);
const features = docs.map((d) => storyFeatures(d, df, totalDocs));

describe("storyHeadline", () => {
  it("picks the title of a central article, not a generic or off-subject one", () => {
    const headline = storyHeadline(
      docs.map((d) => d.title),
      features,
    );
    expect([
      "Vantoria to free Essary fishing crews after Marrow-Quill call",
      "Skerry fishing crews to go home after leaders' call, boats stay impounded",
    ]).toContain(headline);
  });

  it("does not pick a placeholder title even when its article is the most central", () => {
    expect(
      storyHeadline(
        ["Live updates", "Timber prices climb as Essary tariff bites"],
        [features[0], features[3]].filter((f) => f !== undefined),
      ),
    ).toBe("Timber prices climb as Essary tariff bites");
  });

  it("never picks a title that shares nothing with the story, and gives none rather than a bad one", () => {
    const f = features[1];
    if (!f) throw new Error("fixture");
    expect(storyHeadline(["Forgot password", "Skerry fishing crews freed"], [f, f])).toBe(
      "Skerry fishing crews freed",
    );
    expect(storyHeadline(["Forgot password", "", "Untitled"], [f, f, f])).toBe("");
  });

  it("prefers the shorter of two equally good titles", () => {
    const f = features[1];
    if (!f) throw new Error("fixture");
    expect(storyHeadline(["Crews to be freed after call", "Crews to be freed after the call"], [f, f])).toBe(
      "Crews to be freed after call",
    );
  });

  it("returns the only title, collapsing whitespace, and an empty string for no titles", () => {
    const f = features[2];
    if (!f) throw new Error("fixture");
    expect(storyHeadline(["  Skerry crews  freed "], [f])).toBe("Skerry crews freed");
    expect(storyHeadline([], [])).toBe("");
  });
});
