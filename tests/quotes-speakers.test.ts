import { describe, expect, it } from "vitest";
import { extractAttributions } from "../src/nlp/quotes/index.js";

const speakers = (text: string) => extractAttributions(text).map((a) => [a.speakerMention, a.speaker]);

const summit = [
  "U.S. President Carl Benning and Mexican President Rosa Ibarra met in Dallas on Friday.",
  "“We had a good hour,” the Mexican president said after the meeting.",
  "“The border is secure,” the U.S. president told reporters.",
  "Ibarra later rejected the offer of troops. “It is not necessary,” the president said.",
  "Benning arrived late. “We will keep talking,” he said.",
  "“Mexico will decide,” she said.",
].join("\n\n");

describe("speaker resolution", () => {
  it("resolves full names, surnames, titles and pronouns to one actor each", () => {
    expect(speakers(summit)).toEqual([
      ["the Mexican president", "Rosa Ibarra"],
      ["the U.S. president", "Carl Benning"],
      ["Ibarra", "Rosa Ibarra"],
      ["the president", "Rosa Ibarra"],
      ["he", "Carl Benning"],
      ["she", "Rosa Ibarra"],
    ]);
  });

  it("learns titles from appositions before and after the name", () => {
    const text = [
      "Alma Quesada, Chile’s foreign minister, arrived on Monday.",
      "Chile’s foreign minister said the treaty was ready.",
      "Canada’s new envoy, Piers Holloway, was more cautious.",
      "The envoy said the treaty needed more work.",
    ].join("\n\n");
    expect(speakers(text)).toEqual([
      ["Chile’s foreign minister", "Alma Quesada"],
      ["The envoy", "Piers Holloway"],
    ]);
  });

  it("takes gender from honorifics and from the pronoun that follows a name", () => {
    const text = [
      "Ms. Dale Quist and Robin Ashby met the strikers. Ashby said he would return on Monday.",
      "“The offer is final,” she said.",
      "“We will see,” he said.",
    ].join("\n\n");
    expect(speakers(text).slice(1)).toEqual([
      ["she", "Dale Quist"],
      ["he", "Robin Ashby"],
    ]);
  });

  it("keeps an unresolved description or institution as the speaker", () => {
    const text =
      "The budget is balanced, according to the finance ministry. Officials said the deficit would shrink.";
    expect(speakers(text)).toEqual([
      ["the finance ministry", "the finance ministry"],
      ["Officials", "Officials"],
    ]);
  });

  it("resolves named institutions", () => {
    const text = "The Harbor Safety Council said on Tuesday that the cranes were unsafe.";
    expect(speakers(text)).toEqual([["The Harbor Safety Council", "Harbor Safety Council"]]);
  });

  it("resolves the antecedent of who", () => {
    const text = "Trade envoy Marta Lind, who warned that tariffs would hurt farmers, left early.";
    expect(speakers(text)).toEqual([["Trade envoy Marta Lind", "Marta Lind"]]);
  });

  it("does not resolve indefinite descriptions or generic “you” to a known actor", () => {
    const text = [
      "Governor Ilsa Varga spoke first.",
      "“It was a mess,” a Nevada official said.",
      "You can see for yourself that the port is empty, the report said.",
    ].join("\n\n");
    expect(speakers(text)).toEqual([
      ["a Nevada official", "a Nevada official"],
      ["the report", "the report"],
    ]);
  });

  it("never gives a party label to someone of the other party", () => {
    const text = [
      "Republican presidential candidate Carl Benning and Democratic Senator Rosa Ibarra debated.",
      "“We will win,” the Republican candidate said.",
      "“The senator is right,” the Democratic senator said.",
    ].join("\n\n");
    expect(speakers(text).map(([, s]) => s)).toEqual(["Carl Benning", "Rosa Ibarra"]);
  });
});
