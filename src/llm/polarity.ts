/**
 * Negation, read lexically: whether a text states a word or denies it. "Paul Ferrand denied resigning" denies
 * "resign"; a sentence "Paul Ferrand resigned" citing only that passage turns the claim round without adding a name,
 * a number or a new word, so the verifier compares how the two use the words they share.
 *
 * A negation cue (not, n't, never, no, without, denied, refused, failed to…) applies to the next content word within
 * a few words of the same clause; two cues in a row cancel ("did not deny resigning" states "resign").
 */
import { isStopWord, normalizeWord, stem, tokenize } from "../core/stories/tokens.js";

const CUES = new Set([
  "not",
  "no",
  "never",
  "nor",
  "neither",
  "none",
  "nobody",
  "nothing",
  "nowhere",
  "cannot",
  "without",
  "deny",
  "denies",
  "denied",
  "denying",
  "refuse",
  "refuses",
  "refused",
  "refusing",
  "fail",
  "fails",
  "failed",
  "failing",
]);

/**
 * Words that turn a claim down without a plain negation ("declined to intervene", "ruled out a deal"): they negate
 * nothing, but a word in their clause has no clear polarity, so a paraphrase of "refused to intervene" with them is
 * not taken for a flip.
 */
const SOFT_CUES = new Set(
  (
    "decline declines declined declining reject rejects rejected rejecting rule rules ruled avoid avoids avoided " +
    "stop stops stopped halt halts halted dismiss dismisses dismissed oppose opposes opposed against unable " +
    "lack lacks lacked instead rather"
  ).split(" "),
);

/** Words that end a clause: a cue before them does not reach past them. */
const CLAUSE_WORDS = new Set(["but", "and", "while", "although", "though", "whereas", "yet"]);

/** Words a cue may skip on its way to the word it negates ("did not even try", "refused to sign"). */
const REACH = 3;

/**
 * How a text uses a content word: "negated" (an odd number of cues apply to it), "stated" (no cue in its clause, or
 * cancelling cues apply to it), or "near" (a cue in its clause applies to another word: no clear polarity).
 */
export type Polarity = "negated" | "stated" | "near";

function isCue(raw: string, word: string): boolean {
  return CUES.has(word) || /n['’]t$/iu.test(raw);
}

/** Each content word's stem with the polarities it is used with. */
export function polarities(text: string): Map<string, Set<Polarity>> {
  const out = new Map<string, Set<Polarity>>();
  for (const clause of text.split(/[.;:!?,()[\]{}"“”‘’«»—–]+/u)) {
    const parts = clause.split(/\s+/u).filter(Boolean);
    const groups: string[][] = [[]];
    for (const p of parts) {
      if (CLAUSE_WORDS.has(p.toLowerCase())) groups.push([]);
      else groups.at(-1)?.push(p);
    }
    for (const group of groups) read(group.join(" "), out);
  }
  return out;
}

function read(clause: string, out: Map<string, Set<Polarity>>): void {
  const words = tokenize(clause).map((t) => ({ raw: t.text, word: normalizeWord(t.text) }));
  const hasCue = words.some((w) => isCue(w.raw, w.word) || SOFT_CUES.has(w.word));
  let parity = 0;
  let cues = 0;
  let reach = 0;
  for (const [i, { raw, word }] of words.entries()) {
    if (isCue(raw, word)) {
      // "not only … but also": not a negation.
      if (word === "not" && words[i + 1]?.word === "only") continue;
      parity ^= 1;
      cues++;
      reach = REACH;
      continue;
    }
    if (word.length < 2 || isStopWord(word)) {
      if (reach > 0 && --reach === 0) parity = cues = 0;
      continue;
    }
    let polarity: Polarity;
    if (cues > 0) polarity = parity === 1 ? "negated" : "stated";
    else polarity = hasCue ? "near" : "stated";
    parity = cues = reach = 0;
    const key = stem(word);
    const seen = out.get(key);
    if (seen) seen.add(polarity);
    else out.set(key, new Set([polarity]));
  }
}

/**
 * A word the sentence uses the other way round from the passages: stated where they only negate it, or negated where
 * they only state it. Null when there is none.
 */
export function flippedWord(sentence: string, source: string): string | null {
  const theirs = polarities(source);
  for (const [key, mine] of polarities(sentence)) {
    const their = theirs.get(key);
    if (!their) continue;
    const only = (set: Set<Polarity>, p: Polarity) => set.size === 1 && set.has(p);
    if (only(mine, "stated") && only(their, "negated")) return key;
    if (only(mine, "negated") && only(their, "stated")) return key;
  }
  return null;
}
