import { describe, expect, it } from "vitest";
import { matchesTopic, matchText, parseTopic, type TopicQuery } from "../src/core/topic-query.js";

function query(text: string): TopicQuery {
  const parsed = parseTopic(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.query;
}

const matches = (topic: string, text: string) => matchesTopic(query(topic), matchText(text));

describe("parseTopic", () => {
  it("parses keywords, quoted phrases and exclusions into terms", () => {
    const parsed = parseTopic('tariffs "trade war" -steel -"rolling mill"');
    expect(parsed.ok && parsed.query.terms).toEqual([
      { tokens: ["tariffs"], exclude: false },
      { tokens: ["trade", "war"], exclude: false },
      { tokens: ["steel"], exclude: true },
      { tokens: ["rolling", "mill"], exclude: true },
    ]);
  });

  it("gives one canonical form whatever the order, case, accents, curly quotes or repeats", () => {
    const a = parseTopic("Tariffs  “Trade War” -STEEL tariffs");
    const b = parseTopic('-steel "trade war" tariffs');
    const c = parseTopic('tarïffs "trade war" -steel');
    expect(a.ok && a.canonical).toBe('"trade war" tariffs -steel');
    expect(b.ok && b.canonical).toBe('"trade war" tariffs -steel');
    expect(c.ok && c.canonical).toBe('"trade war" tariffs -steel');
  });

  it("turns a hyphenated word into a phrase and drops punctuation and markup", () => {
    const parsed = parseTopic("covid-19 <@U123> @everyone");
    expect(parsed.ok && parsed.canonical).toBe('"covid 19" everyone u123');
  });

  it("refuses a topic made only of exclusions, an unclosed quote, or too many terms", () => {
    expect(parseTopic("-steel -coal")).toMatchObject({
      ok: false,
      message: expect.stringContaining("at least one"),
    });
    expect(parseTopic('"trade war')).toMatchObject({
      ok: false,
      message: expect.stringContaining("closing quote"),
    });
    expect(parseTopic("a b c d e f g h i j k")).toMatchObject({
      ok: false,
      message: expect.stringContaining("at most"),
    });
    expect(parseTopic("!!! ---")).toMatchObject({ ok: false });
  });
});

describe("matchesTopic", () => {
  const text =
    "Lumen raised tariffs on imported grain. Trade minister Edda Varga spoke of a trade war with Sarn.";

  it("needs every keyword, in any case, with simple plurals folded", () => {
    expect(matches("TARIFF grain", text)).toBe(true);
    expect(matches("tariffs coal", text)).toBe(false);
    expect(matches("ministers", text)).toBe(true);
  });

  it("matches a phrase only as consecutive words", () => {
    expect(matches('"trade war"', text)).toBe(true);
    expect(matches('"war trade"', text)).toBe(false);
    expect(matches('"trade minister edda"', text)).toBe(true);
  });

  it("rejects text holding an excluded word or phrase", () => {
    expect(matches("tariffs -steel", text)).toBe(true);
    expect(matches("tariffs -grain", text)).toBe(false);
    expect(matches('tariffs -"trade war"', text)).toBe(false);
    expect(matches('tariffs -"war trade"', text)).toBe(true);
  });

  it("compares whole words, ignoring accents", () => {
    expect(matches("gra", text)).toBe(false);
    expect(matches("café", "A new cafe opened in Orlin.")).toBe(true);
  });
});

describe("hostile and odd topics", () => {
  it("refuses quotes alone, a lone minus and over-long words, naming what is wrong", () => {
    for (const text of ['""', '"   "', "-", "- -", '-""']) {
      expect(parseTopic(text)).toMatchObject({ ok: false, message: expect.stringContaining("at least one") });
    }
    expect(parseTopic("x".repeat(61))).toMatchObject({ ok: false, message: expect.stringContaining("60") });
  });

  it("reduces SQL, FTS and chat markup to plain words, and reads its canonical form back unchanged", () => {
    const hostile = parseTopic(`tariffs'); DROP TABLE x; -- OR NEAR(a b) * <!channel> <@U1>`);
    expect(hostile.ok && hostile.canonical).toBe('"near a" b channel drop or table tariffs u1 x');
    for (const text of [
      `tariffs'); DROP TABLE x; -- OR NEAR(a b)`,
      'covid-19 -"rolling mill" tariffs',
      "ÉCOLE école Ecole",
      '"tariffs"',
    ]) {
      const first = parseTopic(text);
      if (!first.ok) throw new Error(first.message);
      expect(parseTopic(first.canonical)).toMatchObject({ ok: true, canonical: first.canonical });
    }
    expect(parseTopic("ÉCOLE école Ecole")).toMatchObject({ ok: true, canonical: "ecole" });
  });
});
