/**
 * ROUGE evaluation of the extractive summarizer against Lead-3 and TextRank baselines on public news data.
 *
 *   npx tsx scripts/eval-summaries.ts <data-dir> [--limit N] [--subset all|tune|holdout]
 *
 * <data-dir> holds bbc-news-summary.jsonl, frank-cnndm-xsum.jsonl and neus-allsides-stories.jsonl (read by path,
 * never copied). `--subset tune` takes every 4th item (the items the weights were tuned on), `holdout` the rest.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { splitSentences } from "../src/nlp/sentences.js";
import { summarize, summarizeMany } from "../src/nlp/summarize/index.js";
import { STOPWORDS } from "../src/nlp/summarize/stopwords.js";
import { detokenizePtb, type RougeScores, rouge } from "./lib/rouge.js";

interface Row {
  set: string;
  system: string;
  n: number;
  r1: number;
  r2: number;
  rl: number;
  words: number;
  ms: number;
}

interface MultiStory {
  roundup: string[];
  date?: string;
  news: Record<string, { newsTitle?: string; newBody?: string[] }>;
}

function parseArgs(argv: string[]): { dir: string; limit: number; subset: string } {
  const [dir, ...rest] = argv;
  if (!dir || dir.startsWith("--")) {
    console.error(
      "usage: npx tsx scripts/eval-summaries.ts <data-dir> [--limit N] [--subset all|tune|holdout]",
    );
    process.exit(2);
  }
  let limit = Number.POSITIVE_INFINITY;
  let subset = "all";
  for (let i = 0; i < rest.length; i++) {
    if (rest[i] === "--limit") limit = Number(rest[++i]);
    else if (rest[i] === "--subset") subset = String(rest[++i]);
  }
  return { dir, limit, subset };
}

function readJsonl<T>(path: string, subset: string, limit: number): T[] {
  const rows = readFileSync(path, "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as T)
    .filter((_, i) => subset === "all" || (subset === "tune") === (i % 4 === 0));
  return rows.slice(0, limit);
}

const wordsOf = (s: string) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
const sentenceTexts = (text: string) => splitSentences(text).map((s) => s.text);
const lead = (text: string, k: number) => sentenceTexts(text).slice(0, k).join(" ");

/** Lead sentences in order while they fit `maxWords` (a sentence that does not fit is skipped). */
function leadWithin(sentences: string[], maxWords: number): string {
  const out: string[] = [];
  let used = 0;
  for (const s of sentences) {
    const w = wordsOf(s);
    if (used + w > maxWords) continue;
    out.push(s);
    used += w;
  }
  return out.join(" ");
}

/** Round-robin over outlets: every outlet's first sentence, then every second sentence, and so on. */
function roundRobin(docs: string[][]): string[] {
  const out: string[] = [];
  for (let i = 0; docs.some((d) => i < d.length); i++)
    for (const d of docs) if (i < d.length) out.push(d[i] as string);
  return out;
}

/** XSum bodies lost the space between paragraphs ("community.Dr Venter"); put it back so sentences split. */
function repairJoinedSentences(text: string): string {
  return text.replace(/([\p{Ll}\p{N}%)][.!?]["”’']?)(?=[\p{Lu}“"])/gu, "$1\n\n");
}

/** TextRank baseline (Mihalcea & Tarau 2004): word-overlap similarity, PageRank, top k in document order. */
function textRank(text: string, k: number): string {
  const sents = sentenceTexts(text);
  const toks = sents.map((s) =>
    s
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((t) => t.length > 1 && !STOPWORDS.has(t)),
  );
  const n = sents.length;
  const w = Array.from({ length: n }, () => new Float64Array(n));
  for (let i = 0; i < n; i++) {
    const a = new Set(toks[i]);
    for (let j = i + 1; j < n; j++) {
      const b = toks[j] as string[];
      const overlap = new Set(b.filter((t) => a.has(t))).size;
      const denom = Math.log(a.size + 1) + Math.log(new Set(b).size + 1);
      const v = overlap > 0 && denom > 0 ? overlap / denom : 0;
      (w[i] as Float64Array)[j] = v;
      (w[j] as Float64Array)[i] = v;
    }
  }
  const out = w.map((row) => row.reduce((s, v) => s + v, 0));
  let rank = new Float64Array(n).fill(1);
  for (let it = 0; it < 30; it++) {
    const next = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < n; j++)
        if ((out[j] as number) > 0)
          s += (((w[j] as Float64Array)[i] as number) * (rank[j] as number)) / (out[j] as number);
      next[i] = 0.15 + 0.85 * s;
    }
    rank = next;
  }
  const top = [...rank.keys()].sort((a, b) => (rank[b] as number) - (rank[a] as number) || a - b).slice(0, k);
  return top
    .sort((a, b) => a - b)
    .map((i) => sents[i])
    .join(" ");
}

class Scorer {
  rows: Row[] = [];
  private acc = new Map<string, { n: number; r: RougeScores; words: number; ms: number }>();
  add(set: string, system: string, summary: string, reference: string, ms = 0): void {
    const key = `${set}\t${system}`;
    const a = this.acc.get(key) ?? { n: 0, r: { r1: 0, r2: 0, rl: 0 }, words: 0, ms: 0 };
    const s = rouge(summary, reference);
    a.n++;
    a.r.r1 += s.r1;
    a.r.r2 += s.r2;
    a.r.rl += s.rl;
    a.words += wordsOf(summary);
    a.ms += ms;
    this.acc.set(key, a);
  }
  table(): Row[] {
    return [...this.acc].map(([key, a]) => {
      const [set, system] = key.split("\t") as [string, string];
      const pct = (v: number) => (100 * v) / a.n;
      return {
        set,
        system,
        n: a.n,
        r1: pct(a.r.r1),
        r2: pct(a.r.r2),
        rl: pct(a.r.rl),
        words: a.words / a.n,
        ms: a.ms / a.n,
      };
    });
  }
}

function timed<T>(fn: () => T): [T, number] {
  const t = performance.now();
  const v = fn();
  return [v, performance.now() - t];
}

const joinPicks = (picks: Array<{ text: string }>) => picks.map((p) => p.text).join(" ");
const NO_CAP = Number.POSITIVE_INFINITY;

function main(): void {
  const { dir, limit, subset } = parseArgs(process.argv.slice(2));
  const sc = new Scorer();

  for (const a of readJsonl<{ title: string; text: string; reference: string }>(
    join(dir, "bbc-news-summary.jsonl"),
    subset,
    limit,
  )) {
    const [ours, ms] = timed(() => summarize(a.text, { sentences: 3, maxWords: NO_CAP, title: a.title }));
    sc.add("BBC", "summarize (3 sent.)", joinPicks(ours), a.reference, ms);
    sc.add(
      "BBC",
      "summarize (3 sent., ≤60 words)",
      joinPicks(summarize(a.text, { title: a.title })),
      a.reference,
    );
    sc.add("BBC", "Lead-3", lead(a.text, 3), a.reference);
    sc.add("BBC", "Lead (≤60 words)", leadWithin(sentenceTexts(a.text), 60), a.reference);
    sc.add("BBC", "TextRank-3", textRank(a.text, 3), a.reference);
  }

  for (const a of readJsonl<{ source: string; text: string; reference: string }>(
    join(dir, "frank-cnndm-xsum.jsonl"),
    subset,
    limit,
  )) {
    const set = a.source === "xsum" ? "XSum" : "CNN/DM";
    const text = a.source === "xsum" ? repairJoinedSentences(a.text) : a.text;
    const ref = detokenizePtb(a.reference);
    const [ours, ms] = timed(() => summarize(text, { sentences: 3, maxWords: NO_CAP }));
    sc.add(set, "summarize (3 sent.)", joinPicks(ours), ref, ms);
    sc.add(set, "summarize (3 sent., ≤60 words)", joinPicks(summarize(text)), ref);
    sc.add(set, "Lead-3", lead(text, 3), ref);
    sc.add(set, "Lead (≤60 words)", leadWithin(sentenceTexts(text), 60), ref);
    sc.add(set, "TextRank-3", textRank(text, 3), ref);
  }

  for (const story of readJsonl<MultiStory>(join(dir, "neus-allsides-stories.jsonl"), subset, limit)) {
    const outlets = Object.values(story.news).filter((o) => (o.newBody ?? []).length > 0);
    if (outlets.length === 0) continue;
    const docs = outlets.map((o) => ({
      text: (o.newBody ?? []).join("\n\n"),
      title: o.newsTitle,
      publishedAt: story.date ?? null,
    }));
    const refs: Array<[string, string]> = [
      ["roundup ¶1", story.roundup[0] ?? ""],
      ["full roundup", story.roundup.join("\n\n")],
    ];
    const [ours, ms] = timed(() => summarizeMany(docs, { sentences: 3, maxWords: NO_CAP }));
    const ours60 = summarizeMany(docs);
    const lead3 = lead(docs[0]?.text ?? "", 3);
    const lead1 = docs.map((d) => lead(d.text, 1)).join(" ");
    const lead60 = leadWithin(roundRobin(docs.map((d) => sentenceTexts(d.text))), 60);
    for (const [name, ref] of refs) {
      const set = `AllSides (${name})`;
      sc.add(set, "summarizeMany (3 sent.)", joinPicks(ours), ref, ms);
      sc.add(set, "summarizeMany (3 sent., ≤60 words)", joinPicks(ours60), ref);
      sc.add(set, "Lead-3 of first outlet", lead3, ref);
      sc.add(set, "Lead-1 of each outlet", lead1, ref);
      sc.add(set, "Leads round-robin (≤60 words)", lead60, ref);
    }
  }

  const rows = sc.table();
  const timing = timingReport(
    readJsonl<{ title: string; text: string }>(join(dir, "bbc-news-summary.jsonl"), "all", Infinity),
  );
  const f = (v: number) => v.toFixed(2).padStart(6);
  console.log(`subset: ${subset}${Number.isFinite(limit) ? `, limit ${limit}` : ""}`);
  console.log(
    `${"set".padEnd(24)} ${"system".padEnd(36)} ${"n".padStart(5)}  R-1    R-2    R-L    words  ms/item`,
  );
  for (const r of rows) {
    const ms = r.ms > 0 ? r.ms.toFixed(2).padStart(7) : "";
    console.log(
      `${r.set.padEnd(24)} ${r.system.padEnd(36)} ${String(r.n).padStart(5)} ${f(r.r1)} ${f(r.r2)} ${f(r.rl)} ${r.words.toFixed(0).padStart(6)} ${ms}`,
    );
  }
  console.log(timing);
}

/** Median time of `fn` over `reps` runs after a warm-up. */
function medianMs(fn: () => unknown, reps = 25): number {
  for (let i = 0; i < 5; i++) fn();
  const ts: number[] = [];
  for (let i = 0; i < reps; i++) ts.push(timed(fn)[1]);
  return ts.sort((a, b) => a - b)[Math.floor(reps / 2)] as number;
}

function timingReport(articles: Array<{ title: string; text: string }>): string {
  const long = articles.filter((a) => wordsOf(a.text) >= 900 && wordsOf(a.text) <= 1200);
  const perArticle = long.map((a) => medianMs(() => summarize(a.text, { title: a.title }), 9));
  const five = articles.slice(0, 5).map((a) => ({ text: a.text, title: a.title }));
  const fiveLong = long.slice(0, 5).map((a) => ({ text: a.text, title: a.title }));
  const totalWords = (docs: Array<{ text: string }>) => docs.reduce((n, d) => n + wordsOf(d.text), 0);
  const med = perArticle.sort((a, b) => a - b)[Math.floor(perArticle.length / 2)] ?? 0;
  return [
    "timing (median wall clock, warm):",
    `  summarize, ${long.length} BBC articles of 900-1,200 words: ${med.toFixed(2)} ms per article (max ${Math.max(...perArticle).toFixed(2)})`,
    `  summarizeMany, 5 BBC articles (${totalWords(five)} words): ${medianMs(() => summarizeMany(five)).toFixed(2)} ms`,
    `  summarizeMany, 5 long BBC articles (${totalWords(fiveLong)} words): ${medianMs(() => summarizeMany(fiveLong)).toFixed(2)} ms`,
  ].join("\n");
}

main();
