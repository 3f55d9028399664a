import { describe, expect, it } from "vitest";
import { splitSentences } from "../src/nlp/sentences.js";

const texts = (t: string) => splitSentences(t).map((s) => s.text);

describe("splitSentences", () => {
  it("splits plain sentences and keeps offsets that point back into the text", () => {
    const t = "The port closed. Ships waited offshore! Would it reopen? Nobody knew.";
    const s = splitSentences(t);
    expect(s.map((x) => x.text)).toEqual([
      "The port closed.",
      "Ships waited offshore!",
      "Would it reopen?",
      "Nobody knew.",
    ]);
    for (const x of s) expect(t.slice(x.start, x.end)).toBe(x.text);
  });

  it("does not split after titles, initials, months or decimals", () => {
    expect(
      texts("Dr. Ana Pell met Gov. J. R. Voss on Jan. 5 to discuss a 3.5 percent raise. It went well."),
    ).toEqual([
      "Dr. Ana Pell met Gov. J. R. Voss on Jan. 5 to discuss a 3.5 percent raise.",
      "It went well.",
    ]);
  });

  it("keeps a multi-sentence quotation in one sentence and splits after its closing quote", () => {
    expect(texts("“We waited. We will not wait again,” Okonte said. The strike went on.")).toEqual([
      "“We waited. We will not wait again,” Okonte said.",
      "The strike went on.",
    ]);
  });

  it("keeps a straight-quoted multi-sentence quotation together", () => {
    expect(texts('"We waited. We will not wait again," Okonte said. The strike went on.')).toEqual([
      '"We waited. We will not wait again," Okonte said.',
      "The strike went on.",
    ]);
    expect(texts('He called it "final." Talks ended.')).toEqual(['He called it "final."', "Talks ended."]);
  });

  it("splits after a sentence that ends inside closing quotes", () => {
    expect(texts("She called it “a start.” Talks resume in June.")).toEqual([
      "She called it “a start.”",
      "Talks resume in June.",
    ]);
  });

  it("treats U.S. inside a sentence as an abbreviation", () => {
    expect(texts("The U.S. military offered help. Calder declined.")).toEqual([
      "The U.S. military offered help.",
      "Calder declined.",
    ]);
  });

  it("numbers paragraphs separated by blank lines", () => {
    const s = splitSentences("One. Two.\n\nThree.");
    expect(s.map((x) => x.paragraph)).toEqual([0, 0, 1]);
  });

  it("does not split lower-case continuations or URLs", () => {
    expect(texts("See example.com for details. ok then, fine. Next.")).toEqual([
      "See example.com for details. ok then, fine.",
      "Next.",
    ]);
  });
});
