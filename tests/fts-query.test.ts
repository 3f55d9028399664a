import { describe, expect, it } from "vitest";
import {
  ftsExpression,
  MAX_QUERY_TERMS,
  MAX_TERM_LENGTH,
  queryTerms,
  quoteTerm,
} from "../src/store/sqlite/fts-query.js";

/** An expression made only of quoted strings joined by AND or OR: nothing FTS5 could read as syntax. */
const SAFE = /^"(?:[^"]|"")*"(?: (?:AND|OR) "(?:[^"]|"")*")*$/;

describe("queryTerms", () => {
  it("splits text into lower-cased words", () => {
    expect(queryTerms("Harbour Bridge reopens")).toEqual(["harbour", "bridge", "reopens"]);
  });

  it("returns no terms for an empty or blank query", () => {
    expect(queryTerms("")).toEqual([]);
    expect(queryTerms("   \n\t ")).toEqual([]);
  });

  it("treats quotes, stars, dashes, colons and parentheses as separators", () => {
    expect(queryTerms('"exact phrase" pre* -not title:x (y OR z) {q}^w+v')).toEqual([
      "exact",
      "phrase",
      "pre",
      "not",
      "title",
      "x",
      "y",
      "z",
      "q",
      "w",
      "v",
    ]);
  });

  it("keeps FTS5 keywords as ordinary lower-cased words", () => {
    expect(queryTerms("NEAR AND OR NOT")).toEqual(["near", "not"]);
    expect(queryTerms("AND OR")).toEqual(["and", "or"]);
  });

  it("drops common English words when the query has other words", () => {
    expect(queryTerms("What did the council say about the bridge?")).toEqual(["council", "say", "bridge"]);
    expect(queryTerms("the council's vote")).toEqual(["council", "vote"]);
  });

  it("keeps common English words when the query has nothing else", () => {
    expect(queryTerms("To be or not to be")).toEqual(["not"]);
    expect(queryTerms("the who")).toEqual(["the", "who"]);
  });

  it(`caps the query at ${MAX_QUERY_TERMS} terms not counting dropped common words`, () => {
    const input = Array.from({ length: 40 }, (_, i) => `the word${i}`).join(" ");
    expect(queryTerms(input)).toHaveLength(MAX_QUERY_TERMS);
    expect(queryTerms(input)).not.toContain("the");
  });

  it("drops emoji and punctuation-only input", () => {
    expect(queryTerms("🚀🔥 !!! ??? ...")).toEqual([]);
    expect(queryTerms("launch🚀day")).toEqual(["launch", "day"]);
  });

  it("keeps letters of any script and digits", () => {
    expect(queryTerms("Zürich 東京 Москва 2024")).toEqual(["zürich", "東京", "москва", "2024"]);
  });

  it("folds compatibility forms such as full-width letters", () => {
    expect(queryTerms("ＮＥＷＳ")).toEqual(["news"]);
  });

  it("removes repeated words, keeping the first occurrence", () => {
    expect(queryTerms("vote Vote VOTE count vote")).toEqual(["vote", "count"]);
  });

  it(`caps the query at ${MAX_QUERY_TERMS} terms`, () => {
    const input = Array.from({ length: 100 }, (_, i) => `word${i}`).join(" ");
    const terms = queryTerms(input);
    expect(terms).toHaveLength(MAX_QUERY_TERMS);
    expect(terms[0]).toBe("word0");
    expect(terms.at(-1)).toBe(`word${MAX_QUERY_TERMS - 1}`);
  });

  it(`drops words longer than ${MAX_TERM_LENGTH} characters`, () => {
    expect(queryTerms(`${"x".repeat(MAX_TERM_LENGTH + 1)} short`)).toEqual(["short"]);
    expect(queryTerms("y".repeat(10_000))).toEqual([]);
  });

  it("caps the terms of a 10,000-character input", () => {
    const input = 'lorem ipsum (dolor) "sit" amet* -x NEAR '.repeat(250).slice(0, 10_000);
    const terms = queryTerms(input);
    expect(terms.length).toBeGreaterThan(0);
    expect(terms.length).toBeLessThanOrEqual(MAX_QUERY_TERMS);
  });
});

describe("quoteTerm", () => {
  it("wraps a term in double quotes", () => {
    expect(quoteTerm("harbour")).toBe('"harbour"');
  });

  it("doubles inner double quotes", () => {
    expect(quoteTerm('a"b')).toBe('"a""b"');
  });
});

describe("ftsExpression", () => {
  it("joins quoted terms with AND in all-terms mode", () => {
    expect(ftsExpression(["harbour", "bridge"], "and")).toBe('"harbour" AND "bridge"');
  });

  it("joins quoted terms with OR in any-term mode", () => {
    expect(ftsExpression(["harbour", "bridge"], "or")).toBe('"harbour" OR "bridge"');
  });

  it("returns null when there are no terms", () => {
    expect(ftsExpression([], "and")).toBeNull();
    expect(ftsExpression([], "or")).toBeNull();
  });

  it("turns hostile input into quoted strings only", () => {
    const hostile = [
      '"',
      '""',
      'a "b c',
      "*",
      "pre*",
      "-",
      "-excluded",
      "NEAR(a b, 3)",
      "a AND b OR NOT c",
      "title:secret",
      "{title text}: x",
      "((a)",
      "a)) OR ((b",
      "^start",
      "a + b",
      "😀 emoji 🎉",
      "x".repeat(10_000),
      "'; DROP TABLE articles; --",
      "\u0000nul\u0000",
    ];
    for (const input of hostile) {
      const expr = ftsExpression(queryTerms(input), "and");
      if (expr !== null) expect(expr).toMatch(SAFE);
    }
  });

  it("keeps random input to quoted strings only", () => {
    const alphabet = `ab AND OR NOT NEAR "*-:^+(){}[],.;'\\ é😀\n\t`;
    let seed = 42;
    const next = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed;
    };
    for (let i = 0; i < 500; i++) {
      const length = next() % 60;
      let input = "";
      for (let j = 0; j < length; j++) input += alphabet[next() % alphabet.length];
      const expr = ftsExpression(queryTerms(input), next() % 2 === 0 ? "and" : "or");
      if (expr !== null) expect(expr).toMatch(SAFE);
    }
  });
});
