/**
 * How the model-output verifier (src/llm/verify.ts) judges sentences, measured without a model:
 *
 *   npx tsx scripts/eval-verifier.ts <data-dir>     # the folder holding bbc-news-summary.jsonl, frank-cnndm-xsum.jsonl
 *
 * - Acceptance of human reference sentences, each citing the 2 article sentences that share the most words with it
 *   (as a model cites its best passages). BBC references are near-extractive (a faithful writer: acceptance should be
 *   high); CNN/DM highlights are abstractive but mostly faithful; XSum references are known to add facts that are
 *   not in the article (acceptance should be low).
 * - Rejection of accepted CNN/DM and BBC sentences after one invented change: a number altered, a name swapped for a
 *   name from another article, or a negation inserted. These should all be rejected.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Passage } from "../src/core/writer.js";
import { unsupportedReason } from "../src/llm/verify.js";
import { splitSentences } from "../src/nlp/sentences.js";
import { detokenizePtb } from "./lib/rouge.js";

const dir = process.argv[2];
if (!dir) {
  console.error("usage: npx tsx scripts/eval-verifier.ts <data-dir>");
  process.exit(2);
}

interface Row {
  source?: string;
  text: string;
  reference: string;
}
function readJsonl(path: string): Row[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as Row);
}

const words = (t: string) => new Set(t.toLowerCase().match(/\p{L}[\p{L}\p{N}'’-]*|\p{N}+/gu) ?? []);

/** The article as passages, and a sentence's 2 best-overlapping passages as its citations. */
function cite(article: string, sentence: string): { passages: Passage[]; cites: string[] } {
  const passages = splitSentences(article).map((s, i) => ({
    id: `P${i + 1}`,
    articleId: "a",
    text: s.text,
    source: "eval",
    publishedAt: null,
  }));
  const mine = words(sentence);
  const ranked = passages
    .map((p) => ({ id: p.id, overlap: [...words(p.text)].filter((w) => mine.has(w)).length }))
    .sort((a, b) => b.overlap - a.overlap)
    .slice(0, 2)
    .map((r) => r.id);
  return { passages, cites: ranked };
}

const accepted = (article: string, sentence: string): boolean => {
  const { passages, cites } = cite(article, sentence);
  return unsupportedReason({ text: sentence, cites }, passages) === null;
};

const NAMES = /\b[A-Z][a-z]{2,}(?: [A-Z][a-z]{2,})?\b/g;
function perturbNumber(s: string): string | null {
  const m = s.match(/\b\d[\d,.]*\b/);
  if (!m || m.index === undefined) return null;
  const n = Number(m[0].replace(/,/g, ""));
  if (!Number.isFinite(n)) return null;
  return s.slice(0, m.index) + String(n + 7) + s.slice(m.index + m[0].length);
}
function perturbName(s: string, other: string): string | null {
  const mine = [...s.matchAll(NAMES)].filter((m) => (m.index ?? 0) > 0);
  const first = mine[0];
  const theirs = [...other.matchAll(NAMES)].map((m) => m[0]).find((n) => !s.includes(n));
  if (!first || !theirs || first.index === undefined) return null;
  return s.slice(0, first.index) + theirs + s.slice(first.index + first[0].length);
}
function perturbNegation(s: string): string | null {
  const m = s.match(/\b(is|was|are|were|will|has|have|had|can|could|would)\b/);
  if (!m || m.index === undefined) return null;
  return `${s.slice(0, m.index + m[0].length)} not${s.slice(m.index + m[0].length)}`;
}

interface Tally {
  n: number;
  ok: number;
}
const pct = (t: Tally) => (t.n ? ((100 * t.ok) / t.n).toFixed(1) : "–");

// BBC references join their sentences without a space ("…$10.9bn.For the full-year…").
const bbc = readJsonl(join(dir, "bbc-news-summary.jsonl")).map((r) => ({
  ...r,
  source: "bbc",
  reference: r.reference.replace(/([.!?])(?=[A-Z"“‘])/g, "$1 "),
}));
const frank = readJsonl(join(dir, "frank-cnndm-xsum.jsonl")).map((r) => ({
  ...r,
  text: r.source === "cnndm" ? detokenizePtb(r.text) : r.text,
  reference: r.source === "cnndm" ? detokenizePtb(r.reference) : r.reference,
}));
const sets: Record<string, Row[]> = {
  BBC: bbc.slice(0, 600),
  "CNN/DM": frank.filter((r) => r.source === "cnndm"),
  XSum: frank.filter((r) => r.source === "xsum"),
};

console.log("set      reference sentences accepted      perturbed, rejected: number · name · negation");
for (const [name, rows] of Object.entries(sets)) {
  const acc: Tally = { n: 0, ok: 0 };
  const num: Tally = { n: 0, ok: 0 };
  const nam: Tally = { n: 0, ok: 0 };
  const neg: Tally = { n: 0, ok: 0 };
  rows.forEach((row, i) => {
    const other = rows[(i + 1) % rows.length]?.text ?? "";
    for (const s of splitSentences(row.reference)) {
      const sentence = s.text.trim();
      if (sentence.split(/\s+/).length < 4) continue;
      acc.n++;
      if (!accepted(row.text, sentence)) continue;
      acc.ok++;
      for (const [tally, changed] of [
        [num, perturbNumber(sentence)],
        [nam, perturbName(sentence, other)],
        [neg, perturbNegation(sentence)],
      ] as const) {
        if (changed === null) continue;
        tally.n++;
        if (!accepted(row.text, changed)) tally.ok++;
      }
    }
  });
  console.log(
    `${name.padEnd(8)} ${pct(acc).padStart(5)}% of ${String(acc.n).padEnd(24)} ${pct(num)}% (${num.n}) · ${pct(nam)}% (${nam.n}) · ${pct(neg)}% (${neg.n})`,
  );
}
