import { describe, expect, it } from "vitest";
import { type Attribution, extractAttributions } from "../src/nlp/quotes/index.js";

const brief = (a: Attribution) => [a.speaker, a.cue, a.content, a.direct] as const;
const all = (text: string) => extractAttributions(text).map(brief);

describe("reported speech", () => {
  it("handles X said that ... and X said (Friday) ... without that", () => {
    expect(all("Okonte said that the port would reopen on Monday.")).toEqual([
      ["Okonte", "said", "the port would reopen on Monday", false],
    ]);
    expect(all("Okonte said Friday the port would reopen.")).toEqual([
      ["Okonte", "said", "the port would reopen", false],
    ]);
    expect(all("Okonte said on Friday in a statement that the port would reopen.")).toEqual([
      ["Okonte", "said", "the port would reopen", false],
    ]);
  });

  it("handles according to X, ... and ..., according to X.", () => {
    expect(all("According to Ilsa Varga, the budget is balanced.")).toEqual([
      ["Ilsa Varga", "According to", "the budget is balanced", false],
    ]);
    const [a] = extractAttributions("The budget is balanced, according to the finance ministry.");
    expect(a && brief(a)).toEqual(["the finance ministry", "according to", "The budget is balanced", false]);
    expect(a?.speakerMention).toBe("the finance ministry");
  });

  it("handles content before the cue: ..., X said.", () => {
    expect(all("The port will reopen on Monday, Okonte said.")).toEqual([
      ["Okonte", "said", "The port will reopen on Monday", false],
    ]);
    expect(all("The port will reopen on Monday, said Okonte.")).toEqual([
      ["Okonte", "said", "The port will reopen on Monday", false],
    ]);
  });

  it.each([
    ["Okonte insisted the plan was legal.", "insisted", "the plan was legal"],
    ["Okonte warned that prices would rise.", "warned", "prices would rise"],
    ["Okonte argued that the tax was unfair.", "argued", "the tax was unfair"],
    ["Okonte told reporters that the talks had failed.", "told reporters", "the talks had failed"],
    ["Okonte declared that the strike was over.", "declared", "the strike was over"],
    ["Okonte noted that exports had doubled.", "noted", "exports had doubled"],
    ["Okonte rejected the proposal once more.", "rejected", "the proposal once more"],
  ])("handles %s", (text, cue, content) => {
    expect(all(text)).toEqual([["Okonte", cue, content, false]]);
  });

  it("splits a statement and what is added to it", () => {
    expect(all("Okonte said the plan was fair, adding that it would cost less.")).toEqual([
      ["Okonte", "said", "the plan was fair", false],
      ["Okonte", "adding", "it would cost less", false],
    ]);
  });

  it("gives a coordinated verb the same speaker", () => {
    expect(all("Varga said the vote was close but insisted that the count was fair.")).toEqual([
      ["Varga", "said", "the vote was close", false],
      ["Varga", "insisted", "the count was fair", false],
    ]);
  });

  it("keeps a partial quote inside reported speech as reported content", () => {
    expect(all("Varga said the meeting had been “very productive” and useful.")).toEqual([
      ["Varga", "said", "the meeting had been “very productive” and useful", false],
    ]);
  });

  it("ignores negated, passive and noun uses of speech verbs", () => {
    expect(all("Okonte did not say whether the port would reopen.")).toEqual([]);
    expect(all("Okonte declined to say when the port would reopen.")).toEqual([]);
    expect(all("Okonte was told to leave the building.")).toEqual([]);
    expect(all("Her claims about the budget were false.")).toEqual([]);
    expect(all("The maintenance crews continue to work at night.")).toEqual([]);
  });
});

describe("nested reporting: the words belong to whoever the speaker reports", () => {
  it("gives a quote that opens with a speech verb to the reported person", () => {
    const text =
      "Ilsa Varga said Okonte “still insisted that if we ask for it, they could help” during the call.";
    const list = extractAttributions(text);
    expect(list.map(brief)).toEqual([
      ["Okonte", "insisted", "still insisted that if we ask for it, they could help", true],
    ]);
    expect(list[0]?.speakerMention).toBe("Okonte");
  });

  it("gives “X said Y asked ...” to Y", () => {
    expect(all("Varga said Okonte asked for a delay.")).toEqual([["Okonte", "asked", "for a delay", false]]);
  });

  it("keeps the reporter when the inner verb is an act rather than words", () => {
    expect(all("Okonte declared that Varga rejected the offer because she feared the cost.")).toEqual([
      ["Okonte", "declared", "Varga rejected the offer because she feared the cost", false],
    ]);
  });
});

describe("what is never attributed", () => {
  it("skips headlines, the title and boilerplate", () => {
    const text = [
      "Okonte says “no deal” on wages",
      "Port talks collapse.",
      "Sign up for our newsletter, editors say.",
      "Advertisement",
      "The port will stay closed, Okonte said.",
    ].join("\n");
    expect(extractAttributions(text, { title: "Port talks collapse." }).map(brief)).toEqual([
      ["Okonte", "said", "The port will stay closed", false],
    ]);
  });

  it("skips scare quotes without a speech verb", () => {
    expect(extractAttributions("The so-called “peace dividend” never arrived in the port towns.")).toEqual(
      [],
    );
    expect(extractAttributions("The ship’s “captain” was a teenager. “Nobody” noticed.")).toEqual([]);
  });
});
