import { describe, expect, it } from "vitest";
import { extractEntities } from "../src/core/stories/entities.js";
import {
  dayOf,
  documentFrequencies,
  documentKeys,
  MAX_GAP_DAYS,
  type StoryDoc,
  storyFeatures,
  timeFactor,
} from "../src/core/stories/index.js";
import { extractNumbers } from "../src/core/stories/numbers.js";

const doc = (text: string, title = "", publishedAt: string | null = null): StoryDoc => ({
  id: "a",
  title,
  text,
  publishedAt,
  source: "test",
});

const numbers = (text: string): string[] => extractNumbers(text).map(([k]) => k);
const entities = (text: string): string[] => extractEntities(text).map((e) => e.key);

describe("numbers", () => {
  it("normalizes amounts with their unit so outlets' wordings match", () => {
    expect(numbers("a 15-minute call")).toEqual(["15 minute"]);
    expect(numbers("the call lasted 15 minutes")).toEqual(["15 minute"]);
    expect(numbers("97% of the drugs")).toEqual(["97%"]);
    expect(numbers("97 percent of the drugs")).toEqual(["97%"]);
    expect(numbers("a $2.5 billion loan")).toEqual(["$2.5 billion"]);
    expect(numbers("an almost 2,000-mile border")).toEqual(["2000 mile"]);
    expect(numbers("seven people died")).toEqual(["7 people"]);
  });

  it("leaves out years, dates, times of day and small counts", () => {
    expect(numbers("In 2018, on May 5, 2024 at 10:30 a.m. and on 3 March, two leaders met.")).toEqual([]);
  });
});

describe("entities", () => {
  it("drops titles and roles and keeps names, with surnames alone counting for the full name", () => {
    const keys = entities(
      "Canadian Prime Minister Ada Lind met U.S. Secretary of State Rui Vale in Ostbury. Later Lind said the talks went well.",
    );
    expect(keys).toContain("lind");
    expect(keys).toContain("rui vale");
    expect(keys).toContain("ostbury");
    expect(keys).not.toContain("ada lind");
    expect(keys.some((k) => k.includes("minister") || k.includes("secretary") || k.includes("state"))).toBe(
      false,
    );
  });

  it("keeps connectors inside names and ignores capitals that only start a sentence", () => {
    const keys = entities(
      "Officials praised Juan Ramón de la Fuente. Asked about it, Fuente smiled. Despite rain, crowds came.",
    );
    expect(keys).toContain("fuente");
    expect(keys).not.toContain("asked");
    expect(keys).not.toContain("despite");
    expect(keys).not.toContain("officials");
  });

  it("does not read a title-case subheading as names", () => {
    expect(entities("A Sovereign Stand\nThe president spoke in Lunde.")).toEqual(["lunde"]);
  });
});

describe("storyFeatures", () => {
  const article = `President Ilse Marrow said on Monday that a 20-minute phone call with Prime Minister Teodor Quill had been very good. Quill asked for the call after smugglers attacked a customs post at the Lune Bridge.

Marrow said Vantoria would guard the bridge with its own border guards and would not accept Essary soldiers.

The customs post at the Lune Bridge burned for three hours before firefighters from Kessel put out the fire. Nobody was hurt, but the crossing stayed closed to lorries until Tuesday.

Quill told the president that Essary had stopped most of the smuggling by sea and that the gangs had moved to the bridge. Marrow answered that her border guards would patrol the crossing day and night.

The two leaders agreed that their foreign ministers would meet in Kessel next week to share information about the smugglers.`;

  it("is small, unit length and heaviest first", () => {
    const f = storyFeatures(
      doc(article, "Marrow and Quill talk about the Lune Bridge", "2026-05-18T10:00:00Z"),
    );
    expect(f.terms.length).toBeLessThanOrEqual(60);
    const norm = Math.sqrt(f.terms.reduce((s, [, w]) => s + w * w, 0));
    expect(norm).toBeCloseTo(1, 2);
    const weights = f.terms.map(([, w]) => w);
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
    expect(f.numbers).toEqual(["20 minute"]);
    expect(f.entities).toEqual(
      expect.arrayContaining(["marrow", "quill", "lune bridge", "vantoria", "essary"]),
    );
    // Word keys are stems; a name is also its words, and a full name counts as the surname used alone.
    expect(f.terms.map(([k]) => k)).toEqual(
      expect.arrayContaining([
        "#20 minute",
        "@lune bridge",
        "@quill",
        "quill",
        "teodor",
        "call",
        "bridg",
        "smuggler",
      ]),
    );
    expect(f.time).toBe(Date.UTC(2026, 4, 18));
  });

  it("weighs rare keys up with document frequencies", () => {
    const docs = [
      doc(article),
      doc("Marrow said the harvest was good."),
      doc("Marrow opened a school in Kessel."),
    ];
    const { df, totalDocs } = documentFrequencies(docs);
    expect(df("marrow")).toBe(3);
    expect(df("@lune bridge")).toBe(1);
    const f = storyFeatures(docs[0] as StoryDoc, df, totalDocs);
    const weight = (k: string): number => f.terms.find(([key]) => key === k)?.[1] ?? 0;
    expect(weight("smuggler")).toBeGreaterThan(weight("marrow"));
  });

  it("lists every key of an article for document frequencies, not only the kept ones", () => {
    const keys = documentKeys(doc(article));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.length).toBeGreaterThan(storyFeatures(doc(article)).terms.length - 1);
    expect(keys).toEqual(expect.arrayContaining(["guard", "lorry", "@quill", "@kessel", "#20 minute"]));
  });

  it("gives junk that the cleaner missed little weight", () => {
    const signIn =
      "Forgot password\nEnter the email address you used to create your account and we will send a reset link.\nSign in with your account password to keep reading.";
    const spanish =
      "Tu suscripción se está usando en otro dispositivo y solo puedes acceder desde un dispositivo a la vez.";
    const bio =
      "About the author\nJo Pell is a writer covering gaming, anime and internet culture for our site.";
    const clean = storyFeatures(doc(article));
    const junky = storyFeatures(doc(`${signIn}\n\n${article}\n\n${spanish}\n\n${bio}`));
    const top = junky.terms.slice(0, 15).map(([k]) => k);
    for (const junk of ["password", "account", "suscripción", "dispositivo", "anime", "gaming"])
      expect(top).not.toContain(junk);
    const cleanMap = new Map(clean.terms);
    const cos = junky.terms.reduce((s, [k, w]) => s + w * (cleanMap.get(k) ?? 0), 0);
    expect(cos).toBeGreaterThan(0.8);
  });

  it("handles empty text and unreadable dates", () => {
    expect(storyFeatures(doc("", "", "not a date"))).toEqual({
      terms: [],
      entities: [],
      numbers: [],
      time: null,
    });
  });
});

describe("time", () => {
  it("reads the publication day", () => {
    expect(dayOf("2026-03-10T23:30:00+01:00")).toBe(Date.UTC(2026, 2, 10));
    expect(dayOf(null)).toBeNull();
  });

  it("keeps full weight for a couple of days, then halves it every three days, and stops after three weeks", () => {
    expect(timeFactor(null)).toBe(1);
    expect(timeFactor(0)).toBe(1);
    expect(timeFactor(2)).toBe(1);
    expect(timeFactor(5)).toBeCloseTo(0.5);
    expect(timeFactor(8)).toBeCloseTo(0.25);
    expect(timeFactor(MAX_GAP_DAYS + 1)).toBe(0);
  });
});
