import { describe, expect, it } from "vitest";
import { cleanBlocks } from "../src/ingest/clean/index.js";
import { lines, S1, S2 } from "./helpers/clean-fixtures.js";

describe("page navigation, taxonomy lines and comment forms", () => {
  it("drops previous/next links and a table of contents label", () => {
    const nav = [
      "Table of Contents",
      "Previous article",
      "Next post",
      "Artículo anterior",
      "Article suivant",
    ];
    const r = cleanBlocks(lines(S1, nav[0] ?? "", S2, ...nav.slice(1)));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(new Set(r.removed.map((x) => x.rule))).toEqual(new Set(["site-nav"]));
  });

  it("drops tag and category lines", () => {
    const tags = [
      "Tags: bridges, city council, budget",
      "Posted in Politics, Transport",
      "Temas: Puentes, Presupuesto",
    ];
    const r = cleanBlocks(lines(S1, S2, ...tags));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("keeps a sentence that starts with a taxonomy word", () => {
    const p = "Topics discussed at the hearing included noise, traffic and the cost of temporary ferries.";
    expect(cleanBlocks(lines(S1, p, S2)).blocks.map((b) => b.text)).toContain(p);
  });

  it("drops a blog comment form", () => {
    const form = [
      "Leave a Reply",
      "Your email address will not be published. Required fields are marked *",
      "Save my name, email, and website in this browser for the next time I comment.",
      "Post Comment",
    ];
    const r = cleanBlocks(lines(S1, S2, ...form));
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
  });

  it("drops a menu before the headline and reads a 'posted on … by' line", () => {
    const r = cleanBlocks(
      lines(
        "Home",
        "News",
        "Politics",
        "Bridge repairs approved",
        "Posted on January 5, 2025 by Kevin Marsh",
        S1,
        S2,
      ),
    );
    expect(r.blocks.map((b) => b.text)).toEqual([S1, S2]);
    expect(r.meta).toMatchObject({
      title: "Bridge repairs approved",
      author: "Kevin Marsh",
      publishedAt: "2025-01-05",
    });
  });
});
