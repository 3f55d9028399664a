import { describe, expect, it } from "vitest";
import { detokenizePtb, rouge, rougeTokens } from "../scripts/lib/rouge.js";

describe("rouge", () => {
  it("tokenizes in lowercase on non-alphanumerics and keeps contractions whole", () => {
    expect(rougeTokens("The Mayor's plan doesn't cost $4.2bn!")).toEqual([
      "the",
      "mayors",
      "plan",
      "doesnt",
      "cost",
      "4",
      "2bn",
    ]);
  });

  it("undoes PTB tokenization so references match untokenized text", () => {
    expect(detokenizePtb("Marie Claire 's supplement does n't -lrb- yet -rrb- sell")).toBe(
      "Marie Claire's supplement doesn't ( yet ) sell",
    );
    const r = rouge(
      "Marie Claire's supplement doesn't sell",
      detokenizePtb("Marie Claire 's supplement does n't sell"),
    );
    expect(r).toEqual({ r1: 1, r2: 1, rl: 1 });
  });

  it("computes ROUGE-1, ROUGE-2 and ROUGE-L F1", () => {
    // candidate: the cat sat on the mat (6) / reference: the cat lay on the mat (6)
    const r = rouge("the cat sat on the mat", "the cat lay on the mat");
    expect(r.r1).toBeCloseTo(5 / 6);
    expect(r.r2).toBeCloseTo(3 / 5); // the cat, on the, the mat
    expect(r.rl).toBeCloseTo(5 / 6);
    expect(rouge("", "the cat")).toEqual({ r1: 0, r2: 0, rl: 0 });
    expect(rouge("a b c d", "d c b a").rl).toBeCloseTo(1 / 4);
  });
});
