/**
 * Whole-word, case- and accent-insensitive matching of a speaker name: "Sheinbaum" and "claudia sheinbaum" find
 * "Claudia Sheinbaum", "Shein" does not. The full-text index narrows the rows (its porter stemmer may let a few
 * extra through, "Hales" for "Hale"); the SQL function registered here then keeps only exact word matches.
 */
import type Database from "better-sqlite3";
import { MAX_TERM_LENGTH, quoteTerm } from "./fts-query.js";

/** Most words a speaker name can have; a longer "name" matches nothing. */
const MAX_NAME_WORDS = 16;

/** Token characters as FTS5's unicode61 tokenizer sees them (as in fts-query.ts). */
const WORD = /[\p{L}\p{N}\p{M}\p{Co}]+/gu;
const MARKS = /\p{M}/gu;

/** The SQL function `speaker_has_words(speaker, words)`: 1 when `speaker` contains the words, in a row. */
const FUNCTION_NAME = "speaker_has_words";

/** The lower-cased, accent-free words of a name, in order. */
export function nameWords(name: string): string[] {
  if (typeof name !== "string") return [];
  return name.normalize("NFKD").replace(MARKS, "").toLowerCase().match(WORD) ?? [];
}

/** A name prepared for matching: its words joined by spaces and the FTS5 phrase finding them; null for none. */
export interface SpeakerQuery {
  words: string;
  phrase: string;
}

/**
 * The query for `name`, or null when it has no words or cannot be a name (too many words, a runaway word). The
 * phrase keeps the accents: FTS5 folds them its own way, which stripping them here could contradict.
 */
export function speakerQuery(name: string): SpeakerQuery | null {
  const words = nameWords(name);
  if (words.length === 0 || words.length > MAX_NAME_WORDS) return null;
  if (words.some((w) => w.length > MAX_TERM_LENGTH)) return null;
  const written = name.normalize("NFKC").toLowerCase().match(WORD) ?? words;
  return { words: words.join(" "), phrase: `speaker : ${quoteTerm(written.join(" "))}` };
}

/** Whether the speaker's words contain `words` (as joined by `speakerQuery`) as a run of whole words. */
export function speakerHasWords(speaker: string, words: string): boolean {
  return ` ${nameWords(speaker).join(" ")} `.includes(` ${words} `);
}

/** Registers `speaker_has_words` on the connection; the SQL of the analysis store calls it. */
export function registerSpeakerMatch(db: Database.Database): void {
  db.function(FUNCTION_NAME, { deterministic: true }, (speaker: unknown, words: unknown) =>
    typeof speaker === "string" && typeof words === "string" && speakerHasWords(speaker, words) ? 1 : 0,
  );
}
