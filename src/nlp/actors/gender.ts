/** Gender evidence for a person: honorifics and gendered titles, first names, and the pronouns that follow. */

import { FEMALE_NAMES, MALE_NAMES } from "./first-names.js";
import type { Token } from "./tokens.js";

export class GenderVotes {
  f = 0;
  m = 0;

  add(g: "f" | "m" | undefined, weight: number): void {
    if (g === "f") this.f += weight;
    else if (g === "m") this.m += weight;
  }

  get result(): "f" | "m" | undefined {
    if (this.f > this.m) return "f";
    if (this.m > this.f) return "m";
    return undefined;
  }
}

export function firstNameGender(name: string): "f" | "m" | undefined {
  const first = name.split(/\s+/)[0]?.toLowerCase() ?? "";
  if (FEMALE_NAMES.has(first)) return "f";
  if (MALE_NAMES.has(first)) return "m";
  return undefined;
}

const FEM = new Set(["she", "her", "hers", "herself"]);
const MASC = new Set(["he", "him", "his", "himself"]);

/** Third-person singular pronoun gender of a token, if it is one. */
export function pronounGender(lower: string): "f" | "m" | undefined {
  if (FEM.has(lower)) return "f";
  if (MASC.has(lower)) return "m";
  return undefined;
}

/**
 * The gender of the first he/she pronoun after token `from`, looking at most `limit` tokens ahead and stopping at
 * `stopAt` (the next person mention), a quotation mark or a paragraph break.
 */
export function followingPronoun(
  text: string,
  tokens: Token[],
  from: number,
  stopAt: number,
  limit = 30,
): "f" | "m" | undefined {
  let quoted = false; // pronouns inside a quotation are the speaker's, not the narrator's
  for (let i = from; i < tokens.length && i < from + limit; i++) {
    const t = tokens[i] as Token;
    if (t.start >= stopAt) return undefined;
    if (t.kind === "quote" && t.text !== "’" && t.text !== "'") {
      quoted = t.text === "“" ? true : t.text === "”" ? false : !quoted;
      continue;
    }
    const prev = tokens[i - 1];
    if (prev && text.slice(prev.end, t.start).includes("\n\n")) return undefined;
    const g = quoted ? undefined : pronounGender(t.lower);
    if (g) return g;
  }
  return undefined;
}
