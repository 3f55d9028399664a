import { describe, expect, it } from "vitest";
import { runningMean } from "../src/core/stories/headline.js";
import {
  analyseDocument,
  documentFrequencies,
  documentKeys,
  groupFeatures,
  groupStories,
  type StoryDoc,
  type StoryFeatures,
  storyFeatures,
  storyHeadline,
} from "../src/core/stories/index.js";
import { extractNumbers } from "../src/core/stories/numbers.js";
import { addToMean } from "../src/core/stories/sparse-vector.js";
import { normalizeWord, wordTerms } from "../src/core/stories/tokens.js";
import { HARBOR_STRIKE, ORCHARD_FROST, RAIL_BRIDGE } from "./helpers/sample-articles.js";
import { storyDoc } from "./helpers/story-docs.js";

const doc = storyDoc;

// Fictional articles: three events, the strike reported twice.
const docs: StoryDoc[] = [
  doc("strike", "Dockers strike in Port Vessa", HARBOR_STRIKE, "2024-03-05"),
  doc("bridge", "Tarrow rail bridge closed for three weeks", RAIL_BRIDGE, "2024-03-08"),
  doc(
    "strike2",
    "Port Vessa strike enters second day",
    `${HARBOR_STRIKE.split("\n\n").slice(1).join("\n\n")}\n\nOn Wednesday 40 ships still waited offshore as Mara Okonte and Paul Ferrand met again.`,
    "2024-03-06",
  ),
  doc("frost", "Frost hits Varden orchards", ORCHARD_FROST, "2024-05-02"),
];

describe("reading an article once", () => {
  it("gives the keys of documentKeys and the features of storyFeatures, for any document frequencies", () => {
    const { df, totalDocs } = documentFrequencies(docs);
    for (const d of docs) {
      const analysed = analyseDocument(d);
      expect(analysed.keys).toEqual(documentKeys(d));
      expect(analysed.features(df, totalDocs)).toEqual(storyFeatures(d, df, totalDocs));
      expect(analysed.features()).toEqual(storyFeatures(d));
      // The same analysis serves more than one set of frequencies.
      const rare = (k: string) => (k.startsWith("@") ? 1 : 3);
      expect(analysed.features(rare, 50)).toEqual(storyFeatures(d, rare, 50));
      expect(analysed.features(df, totalDocs)).toEqual(storyFeatures(d, df, totalDocs));
    }
  });

  it("groups given features as groupStories groups the documents", () => {
    const features: Array<[string, StoryFeatures]> = [];
    const stories = groupStories(docs, { onFeatures: (id, f) => features.push([id, f]) });
    expect(groupFeatures(features)).toEqual(stories);
    expect(stories.map((s) => s.articleIds)).toEqual([["strike", "strike2"], ["bridge"], ["frost"]]);
    expect(groupFeatures(features, 0.99).map((s) => s.articleIds)).toHaveLength(4);
  });

  it("reads dates written with the long s or the Kelvin sign as Unicode case folding does", () => {
    // "ſept" folds to "sept": a date, not "12 people".
    expect(extractNumbers("They marched on Sept 12 people said")).toEqual([]);
    expect(extractNumbers("They marched on ſept 12 people said")).toEqual([]);
    expect(extractNumbers("They marched on Zept 12 people said").map(([k]) => k)).toEqual(["12 people"]);
    // A Kelvin sign is a word character: no word boundary before the "12", so no time of day either.
    expect(extractNumbers("at K12:30 the 45 minute talks began").map(([k]) => k)).toEqual(["45 minute"]);
    expect(extractNumbers("at 12:30 the 45 minute talks began").map(([k]) => k)).toEqual(["45 minute"]);
  });

  it("keeps giving each word its terms after more distinct words than it remembers", () => {
    expect(wordTerms("meetings")).toEqual(["meet"]);
    for (let i = 0; i < 25_000; i++) normalizeWord(`Word${i}'s`);
    expect(normalizeWord("U.S.")).toBe("us");
    expect(normalizeWord("Okonte's")).toBe("okonte");
    expect(wordTerms("meetings")).toEqual(["meet"]);
    expect(wordTerms("cross-border")).toEqual(["cross", "border"]);
    expect(Object.isFrozen(wordTerms("meetings"))).toBe(true);
  });

  it("averages a story's articles as addToMean does, one article after another", () => {
    const features = docs.map((d) => storyFeatures(d));
    // Many small weights, so that rounding drops keys on the way.
    for (let i = 0; i < 6; i++) {
      features.push({
        terms: Array.from({ length: 30 }, (_, k): [string, number] => [
          `k${(k * 7 + i) % 41}`,
          0.00013 * (k + i),
        ]),
        entities: [],
        numbers: [],
        time: null,
      });
    }
    let reference: Array<[string, number]> = [];
    features.forEach((f, i) => {
      reference = addToMean(reference, i, f.terms, Number.MAX_SAFE_INTEGER);
    });
    expect(runningMean(features)).toEqual(reference);
    expect(runningMean([])).toEqual([]);
    // A story of the two strike reports and the bridge closure is headed by a strike report.
    expect([docs[0]?.title, docs[2]?.title]).toContain(
      storyHeadline(
        docs.slice(0, 3).map((d) => d.title),
        features.slice(0, 3),
      ),
    );
  });
});
