import { describe, expect, it } from "vitest";
import { prepareDocument } from "../src/nlp/summarize/prepare.js";
import { judgeSentence } from "../src/nlp/summarize/sentence-shape.js";
import { contentTerms } from "../src/nlp/summarize/tokenize.js";

const reason = (t: string) => judgeSentence(t).reason;
const dependence = (t: string) => judgeSentence(t).dependence;

describe("judgeSentence", () => {
  it("accepts a plain news sentence", () => {
    const s = judgeSentence(
      "The Lorr council approved a budget of 4.2 million crowns for the new harbour on Monday.",
    );
    expect(s).toMatchObject({ ok: true, dependence: "none", words: 16 });
  });

  it("rejects lead-ins, questions, fragments, headings and truncated excerpts", () => {
    expect(reason("Mayor Ilka Dorn spoke to reporters outside the town hall and added:")).toBe("lead-in");
    expect(reason("Will the harbour in Lorr be ready before the winter storms arrive?")).toBe("question");
    expect(reason("It was chaos.")).toBe("too-short");
    expect(reason(`${"word ".repeat(61)}end.`)).toBe("too-long");
    expect(reason("and then the ferry left the harbour at Tamsen without them.")).toBe("fragment");
    expect(reason("What the council agreed on Monday night in Lorr")).toBe("no-terminal-punctuation");
    expect(reason("The minister has asked all harbour authorities in the province to...")).toBe("truncated");
    expect(reason("Duration: 21 days, from Thursday, 12 March.")).toBe("fact-line");
  });

  it("rejects pieces of a quotation the splitter cut apart", () => {
    expect(reason("“We have waited eleven months for a contract and we are tired.")).toBe("quote-fragment");
    expect(reason('We will not wait a twelfth month for the harbour authority," she said.')).toBe(
      "quote-fragment",
    );
    expect(reason("We are ready to pay the full amount on April 9.'")).toBe("quote-fragment");
    expect(judgeSentence("“We will not wait a twelfth month,” union leader Mara Okonte said.").ok).toBe(true);
  });

  it("rejects boilerplate", () => {
    expect(reason("Sign up for our newsletter to get the Lorr harbour news every morning.")).toBe(
      "boilerplate",
    );
    expect(reason("Read more about the Vessa River treaty on our special page today.")).toBe("boilerplate");
    expect(reason("This story has been updated with comments from the harbour authority.")).toBe(
      "boilerplate",
    );
  });

  it("marks sentences that lean on the one before", () => {
    expect(dependence("But emergency crews said the worst of the flooding may already be over.")).toBe(
      "hard",
    );
    expect(dependence("However, the harbour authority said the offer remained on the table.")).toBe("hard");
    expect(dependence("He said the company would refund every ticket within a week.")).toBe("soft");
    expect(dependence("This could allow water to leak into the lower districts of Kessel.")).toBe("soft");
    expect(dependence("“We will not wait a twelfth month for a contract,” she said.")).toBe("soft");
    expect(dependence("This week the council in Lorr approved a new harbour budget.")).toBe("none");
    expect(dependence("“We will not wait a twelfth month,” union leader Mara Okonte said.")).toBe("none");
  });
});

describe("prepareDocument", () => {
  it("keeps a straight-quoted quotation with an inner full stop as one candidate", () => {
    const text =
      'Okonte spoke at the gate on Tuesday morning. "We waited. We will not wait again," Okonte said. The strike went on.';
    const cands = prepareDocument(text, 0);
    const quote = cands.find((c) => c.text.startsWith('"We waited.'));
    expect(quote?.text).toBe('"We waited. We will not wait again," Okonte said.');
    expect(quote?.shape.ok).toBe(true);
    expect(text.slice(quote?.start, quote?.end)).toBe(quote?.text);
  });

  it("strips datelines, newsletter labels and list markers but keeps offsets into the text", () => {
    const text = [
      "WASHINGTON (Brenn Wire) - The council in Lorr approved a budget of 4.2 million crowns on Monday.",
      "Why it matters: The harbour has been closed to large ships since the storms of last winter.",
      "• Crews from three towns reinforced the barriers at Lorr with sandbags overnight.",
    ].join("\n\n");
    const cands = prepareDocument(text, 2);
    expect(cands.map((c) => c.text)).toEqual([
      "The council in Lorr approved a budget of 4.2 million crowns on Monday.",
      "The harbour has been closed to large ships since the storms of last winter.",
      "Crews from three towns reinforced the barriers at Lorr with sandbags overnight.",
    ]);
    for (const c of cands) {
      expect(text.slice(c.start, c.end)).toBe(c.text);
      expect(c.docIndex).toBe(2);
    }
    expect(cands.map((c) => c.position)).toEqual([0, 1, 2]);
    const wrapped = "The talks in Lenhaven were led by\nPresident Korvin and lasted\nsix hours on Tuesday.";
    expect(prepareDocument(wrapped, 0)[0]?.text).toBe(
      "The talks in Lenhaven were led by President Korvin and lasted six hours on Tuesday.",
    );
    const headed = "What was agreed\nA commission of ten engineers will report within 90 days.";
    expect(prepareDocument(headed, 0)[0]?.text).toBe(
      "A commission of ten engineers will report within 90 days.",
    );
    expect(
      prepareDocument("(CNN)The ferry to Holm sailed again on Sunday after three days in port.", 0)[0]?.text,
    ).toBe("The ferry to Holm sailed again on Sunday after three days in port.");
    expect(
      prepareDocument("US President Ana Pell - who was elected in May - met the council.", 0)[0]?.text,
    ).toBe("US President Ana Pell - who was elected in May - met the council.");
  });
});

describe("contentTerms", () => {
  it("drops stopwords and possessives and folds simple inflections", () => {
    expect(contentTerms("The talks about Calder's tariffs were talked over")).toEqual([
      "talk",
      "calder",
      "tariff",
      "talk",
    ]);
  });
});
