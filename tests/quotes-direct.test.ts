import { describe, expect, it } from "vitest";
import { type Attribution, extractAttributions } from "../src/nlp/quotes/index.js";

const direct = (text: string) => extractAttributions(text).filter((a) => a.direct);
const brief = (a: Attribution) => ({
  speaker: a.speaker,
  mention: a.speakerMention,
  content: a.content,
  cue: a.cue,
});

/** Offsets must point back at the strings they describe. */
function expectConsistent(text: string, list: Attribution[]): void {
  for (const a of list) {
    expect(text.slice(a.contentStart, a.contentEnd)).toBe(a.content);
    expect(text.slice(a.cueStart, a.cueEnd)).toBe(a.cue);
    if (a.speakerStart >= 0) expect(text.slice(a.speakerStart, a.speakerEnd)).toBe(a.speakerMention);
    else expect(a.speakerMention).toBe("");
  }
}

describe("direct quotes: cue after the quotation", () => {
  it("handles “...,” X said.", () => {
    const text = "Port director Tomas Okonte spoke on Monday.\n\n“We will rebuild the bridge,” Okonte said.";
    const list = direct(text);
    expect(list.map(brief)).toEqual([
      { speaker: "Tomas Okonte", mention: "Okonte", content: "We will rebuild the bridge", cue: "said" },
    ]);
    expectConsistent(text, list);
  });

  it("handles “...,” a lower-case description before the name, X said", () => {
    const text = "“We have waited eleven months,” union leader Mara Ostrom told reporters at the gate.";
    const list = direct(text);
    expect(list.map(brief)).toEqual([
      {
        speaker: "Mara Ostrom",
        mention: "union leader Mara Ostrom",
        content: "We have waited eleven months",
        cue: "told reporters",
      },
    ]);
    expectConsistent(text, list);
  });

  it("handles “...,” said X, with an apposition", () => {
    const text = "“The plan is sound,” said Ilsa Varga, the city’s finance director.";
    expect(direct(text).map(brief)).toEqual([
      { speaker: "Ilsa Varga", mention: "Ilsa Varga", content: "The plan is sound", cue: "said" },
    ]);
  });

  it("handles straight quotes and a question mark before the cue", () => {
    const text = 'Ilsa Varga faced the council.\n\n"Why now?" she asked.';
    const [a] = direct(text);
    expect(a && brief(a)).toEqual({
      speaker: "Ilsa Varga",
      mention: "she",
      content: "Why now?",
      cue: "asked",
    });
  });

  it("keeps several sentences of one quotation together", () => {
    const text = "“We waited. We will not wait again,” Okonte said. The strike went on.";
    expect(direct(text).map((a) => a.content)).toEqual(["We waited. We will not wait again"]);
  });

  it("runs a quotation over paragraphs when a paragraph opens one without closing it", () => {
    const text = [
      "Dock worker Amal Prieto spoke at the rally.",
      "“We kept the port open through two storms and a flood.",
      "“Nobody thanked us, and now they want to cut our pay,” Prieto said.",
    ].join("\n\n");
    const list = direct(text);
    expect(list).toHaveLength(1);
    expect(list[0]?.speaker).toBe("Amal Prieto");
    expect(list[0]?.content.startsWith("We kept the port open")).toBe(true);
    expect(list[0]?.content.endsWith("cut our pay")).toBe(true);
    expectConsistent(text, list);
  });

  it("attributes a quote followed by “she added”", () => {
    const text = "Mayor Rosa Ibarra opened the session.\n\n“We agreed to keep working together,” she added.";
    expect(direct(text).map(brief)).toEqual([
      { speaker: "Rosa Ibarra", mention: "she", content: "We agreed to keep working together", cue: "added" },
    ]);
  });

  it("splits “...,” she added, “...” into two attributions with one speaker and cue", () => {
    const text = "Rosa Ibarra was firm. “We are ready,” she added, “and we will not back down.”";
    const list = direct(text);
    expect(list.map((a) => a.content)).toEqual(["We are ready", "and we will not back down."]);
    expect(new Set(list.map((a) => a.speaker))).toEqual(new Set(["Rosa Ibarra"]));
    expect(new Set(list.map((a) => a.cueStart)).size).toBe(1);
    expectConsistent(text, list);
  });

  it("gives the next quotation in the paragraph to the same speaker, implicitly", () => {
    const text = "“Yes,” Okonte said. “We will go ahead with the vote on Friday.”";
    const list = direct(text);
    expect(list.map((a) => [a.speaker, a.content, a.speakerStart])).toEqual([
      ["Okonte", "Yes", 7],
      ["Okonte", "We will go ahead with the vote on Friday.", -1],
    ]);
    expect(list[1]?.cue).toBe("said");
    expectConsistent(text, list);
  });

  it("continues a quoted paragraph that follows an attributed one", () => {
    const text =
      "“The harbor is safe,” Okonte said.\n\n“The inspectors checked every crane and every berth last week.”";
    const list = direct(text);
    expect(list.map((a) => a.speaker)).toEqual(["Okonte", "Okonte"]);
    expect(list[1]?.speakerStart).toBe(-1);
  });
});

describe("direct quotes: cue before the quotation", () => {
  it("handles X said: “...” and X said, “...”", () => {
    for (const text of ["Varga said: “We have the money.”", "Varga said, “We have the money.”"]) {
      expect(direct(text).map(brief)).toEqual([
        { speaker: "Varga", mention: "Varga", content: "We have the money.", cue: "said" },
      ]);
    }
  });

  it("handles a lead-in paragraph ending with a colon", () => {
    const text = [
      "Senator Paul Dorsey has been consistent.",
      "In an interview aired last week, he said:",
      "“We will not sign this deal. It is very sad to watch.”",
    ].join("\n\n");
    expect(direct(text).map(brief)).toEqual([
      {
        speaker: "Paul Dorsey",
        mention: "he",
        content: "We will not sign this deal. It is very sad to watch.",
        cue: "said",
      },
    ]);
  });

  it("uses the subject of a lead-in without a speech verb", () => {
    const text =
      "The Harbor Safety Council offered a statement:\n\n“The port must do more to protect its workers.”";
    const [a] = direct(text);
    expect(a?.speaker).toBe("Harbor Safety Council");
    expect(a?.cue).toBe("offered a statement");
  });

  it("handles “X told reporters that “...”” and a cue with a time adverbial", () => {
    const text = "Okonte told reporters on Friday that “the cranes are moving again.”";
    const [a] = direct(text);
    expect(a && brief(a)).toEqual({
      speaker: "Okonte",
      mention: "Okonte",
      content: "the cranes are moving again.",
      cue: "told reporters",
    });
  });

  it("attributes a quoted phrase after a verb of calling or describing", () => {
    const text =
      "Marta Lind, the trade minister, who called for “tangible results” at the summit, left early.";
    const [a] = direct(text);
    expect(a && brief(a)).toEqual({
      speaker: "Marta Lind",
      mention: "Marta Lind",
      content: "tangible results",
      cue: "called for",
    });
    const [b] = direct("Ibarra called the talks “cordial” and left.");
    expect(b && [b.speaker, b.content, b.cue]).toEqual(["Ibarra", "cordial", "called"]);
  });

  it("handles a name and a colon", () => {
    const [a] = direct("The result did not surprise pollster Nadia Ferrante: “Turnout decided it.”");
    expect(a?.speaker).toBe("Nadia Ferrante");
  });

  it("separates a reported clause ending in a quote from a quotation added after it", () => {
    const text =
      "After the vote, Amal Prieto, the union’s leader, said on X that the deal “reaffirmed our rights,” adding: “We will be back at work on Monday.”";
    const list = extractAttributions(text);
    expect(list.map((a) => [a.speaker, a.cue, a.direct, a.content])).toEqual([
      ["Amal Prieto", "said", false, "the deal “reaffirmed our rights,”"],
      ["Amal Prieto", "adding", true, "We will be back at work on Monday."],
    ]);
  });

  it("handles an inverted cue at the start of the sentence", () => {
    const [a] = direct("Said Nadia Ferrante, who grew up in the port, “We were all so proud of them.”");
    expect(a && [a.speaker, a.content]).toEqual(["Nadia Ferrante", "We were all so proud of them."]);
  });
});

describe("direct quotes: what is not a standalone quotation", () => {
  it("does not attribute a title inside the narration to the following cue", () => {
    const text = "Speaking on the channel’s “Morning Roundup,” Ilsa Varga said the port was safe.";
    expect(direct(text)).toEqual([]);
  });
});
