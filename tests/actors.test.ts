import { describe, expect, it } from "vitest";
import { findActors } from "../src/nlp/actors/index.js";

const text = [
  "Mexican President Rosa Ibarra met U.S. Secretary of State Carl Benning in Mexico City on Friday.",
  "Ibarra said she wanted results. Benning, a former senator, said he agreed.",
  "Brazil’s trade minister, Juan Pablo de la Serna, joined them, as did the National Port Authority.",
  "The United States and Canada sent observers.",
].join("\n\n");

describe("findActors", () => {
  const actors = findActors(text);
  const byName = new Map(actors.map((a) => [a.name, a]));

  it("finds people under their fullest name, with the short forms as aliases", () => {
    const ibarra = byName.get("Rosa Ibarra");
    expect(ibarra?.aliases).toEqual(expect.arrayContaining(["Rosa Ibarra", "Ibarra"]));
    expect(byName.get("Carl Benning")?.aliases).toEqual(expect.arrayContaining(["Carl Benning", "Benning"]));
    expect(byName.has("Ibarra")).toBe(false);
  });

  it("keeps name particles and learns titles from the text", () => {
    expect(byName.get("Rosa Ibarra")?.titles).toContain("Mexican President");
    expect(byName.get("Carl Benning")?.titles).toEqual(
      expect.arrayContaining(["U.S. Secretary of State", "a former senator"]),
    );
    expect(byName.get("Juan Pablo de la Serna")?.titles).toContain("Brazil’s trade minister");
  });

  it("infers gender from first names and following pronouns", () => {
    expect(byName.get("Rosa Ibarra")?.gender).toBe("f");
    expect(byName.get("Carl Benning")?.gender).toBe("m");
  });

  it("finds organisations but not places", () => {
    expect(byName.get("National Port Authority")?.kind).toBe("org");
    const names = actors.map((a) => a.name);
    for (const place of ["Mexico City", "United States", "Canada", "City"])
      expect(names).not.toContain(place);
  });

  it("lists actors in order of first mention", () => {
    expect(actors.map((a) => a.name).slice(0, 2)).toEqual(["Rosa Ibarra", "Carl Benning"]);
  });

  it("returns nothing for text without names", () => {
    expect(findActors("the port reopened on monday after the storm.")).toEqual([]);
  });
});
