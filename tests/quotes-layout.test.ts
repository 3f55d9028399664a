import { describe, expect, it } from "vitest";
import { extractAttributions } from "../src/nlp/quotes/index.js";

const contents = (text: string) => extractAttributions(text).map((a) => [a.speaker, a.content]);

describe("text layout and quotation marks", () => {
  it("treats single-newline lines as paragraphs and skips short unpunctuated lines", () => {
    const text = "Varga: “No deal” on wages\nThe talks ended early.\n“We are done here,” Varga said.";
    expect(contents(text)).toEqual([["Varga", "We are done here"]]);
  });

  it("joins hard-wrapped lines of one paragraph", () => {
    const text =
      "The union leader Amal Prieto said on Tuesday that the dock workers would\nreturn to work next week.";
    expect(contents(text)).toEqual([["Amal Prieto", "the dock workers would\nreturn to work next week"]]);
  });

  it("reads doubled apostrophes as quotation marks", () => {
    expect(contents("''We will appeal,'' Okonte said.")).toEqual([["Okonte", "We will appeal"]]);
  });

  it("pairs mixed curly and straight marks, and keeps quotes nested in straight quotes", () => {
    expect(contents('“We will appeal," Okonte said.')).toEqual([["Okonte", "We will appeal"]]);
    expect(contents('Okonte said: "The court is not about “justice” anymore. It is about money."')).toEqual([
      ["Okonte", "The court is not about “justice” anymore. It is about money."],
    ]);
  });

  it("does not take the title of a show for a quotation", () => {
    const text = "Speaking on the network’s “Morning Roundup,” Okonte said the strike was over.";
    expect(contents(text)).toEqual([["Okonte", "the strike was over"]]);
  });

  it("handles a dateline and an absolute construction", () => {
    const text =
      "LINDMOOR (AP) — In response to the vote, the mayor’s chief of staff rallied supporters, saying: “We have to be ready.”";
    expect(extractAttributions(text).map((a) => a.speakerMention)).toEqual(["the mayor’s chief of staff"]);
  });
});

describe("long articles", () => {
  const para = [
    "“We will keep the port open through the winter,” harbor master Ilsa Varga said on Monday.",
    "Okonte said that the unions had not been consulted, adding that the plan would cost jobs.",
    "The budget is balanced, according to the finance ministry, which published its figures in July.",
    "Varga rejected the criticism. “It is not true,” she said. “Nobody will lose a job.”",
  ].join(" ");

  it("finds the attributions of every paragraph of a 1,000-word article", () => {
    const text = Array.from({ length: 17 }, () => para).join("\n\n");
    expect(text.split(/\s+/).length).toBeGreaterThan(1000);
    expect(extractAttributions(text).length).toBeGreaterThanOrEqual(17 * 6);
  });
});
