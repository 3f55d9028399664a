import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("bylines", () => {
  it("removes a byline and reports its names as the author", () => {
    const r = cleanBlocks(lines("Bridge repairs approved", "By Laura Kim and Tom Becker", S1, S2));
    expect(r.meta.author).toBe("Laura Kim, Tom Becker");
    expect(r.removed).toContainEqual({ text: "By Laura Kim and Tom Becker", rule: "byline" });
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("reads a Spanish byline with a role and date after it", () => {
    const r = cleanBlocks(lines("Por María José García | Corresponsal — 5 de marzo de 2024", S1, S2));
    expect(r.meta.author).toBe("María José García");
    expect(r.meta.publishedAt).toBe("2024-03-05");
  });

  it("does not take an agency after the name for a second author", () => {
    const r = cleanBlocks(lines("By JANE DOE, ASSOCIATED PRESS", S1, S2));
    expect(r.meta.author).toBe("JANE DOE");
    expect(r.meta.sourceHint).toBe("ASSOCIATED PRESS");
  });

  it("keeps a sentence that starts with 'By' followed by a date word", () => {
    const p = "By Friday, the two sides had agreed on a timetable for the repairs.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });
});

describe("author boxes and bios", () => {
  it("drops an author box introduced by a header and takes the name as author", () => {
    const box = [
      "About the author",
      "Photo of Dana Ortiz",
      "Dana Ortiz",
      "Senior Housing Reporter",
      "Dana Ortiz is a reporter covering housing and city hall. She joined the paper in 2021 after six years in radio.",
    ];
    const r = cleanBlocks(lines(S1, S2, ...box));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.meta.author).toBe("Dana Ortiz");
    expect(r.removed.map((x) => x.text)).toEqual(box);
  });

  it("drops a bio at the end of the article without any header", () => {
    const bio =
      "Marco Bellini is a freelance journalist based in Turin who writes about transport and urban planning.";
    const r = cleanBlocks(lines(S1, S2, "Marco Bellini", bio));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.removed.map((x) => x.rule)).toEqual(["author-box", "author-box"]);
  });

  it("drops a German author box", () => {
    const r = cleanBlocks(
      lines(
        S1,
        S2,
        "Über die Autorin",
        "Julia Weber",
        "Julia Weber ist Redakteurin im Ressort Politik und schreibt über Verkehr.",
      ),
    );
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("keeps a closing story paragraph about a reporter", () => {
    const p = "Jane Doe is a reporter who was detained at the border last month and released on Friday.";
    expect(cleanBlocks(lines(S1, S2, p)).blocks.map((b) => b.text)).toEqual([S1, S2, p]);
  });
});
