import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

/** A small deterministic PRNG (mulberry32), so every bench run generates the same corpus. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Lines of every .txt/.md file under `dir`, kept raw (boilerplate included) so cleaning has real work to do. */
export function linesFromDir(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...linesFromDir(p));
    else if (/\.(txt|md|html?)$/i.test(name) && !/^readme/i.test(name)) {
      out.push(
        ...readFileSync(p, "utf8")
          .split("\n")
          .filter((l) => l.trim() !== ""),
      );
    }
  }
  return out;
}

/** Paragraph-sized lines of the `text` field of a .jsonl data set (at most `max` lines). */
export function linesFromJsonl(path: string, max = 50_000): string[] {
  const out: string[] = [];
  for (const line of readFileSync(path, "utf8").split("\n")) {
    if (!line.trim()) continue;
    try {
      const obj = JSON.parse(line) as { text?: unknown };
      if (typeof obj.text === "string")
        out.push(...obj.text.split(/\n+/).filter((l) => l.trim().length > 40));
    } catch {
      // Skip lines that are not JSON.
    }
    if (out.length >= max) break;
  }
  return out;
}

/**
 * Generates `count` distinct articles from a pool of lines: a headline plus 8-16 lines drawn at random, with one
 * word in eight replaced so no two articles are near-duplicates of each other.
 */
export function generateArticles(pool: string[], count: number, seed = 42): string[] {
  if (pool.length === 0) throw new Error("no text to generate articles from");
  const rand = rng(seed);
  const vocab = [
    ...new Set(
      pool
        .join(" ")
        .split(/\s+/)
        .filter((w) => /^[a-z]{4,}$/.test(w)),
    ),
  ];
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const articles: string[] = [];
  for (let i = 0; i < count; i++) {
    const n = 8 + Math.floor(rand() * 9);
    const lines: string[] = [`Bench story ${i} on ${pick(vocab)} and ${pick(vocab)}`];
    for (let j = 0; j < n; j++) {
      lines.push(
        pick(pool)
          .split(" ")
          .map((w) => (rand() < 0.125 && /^[a-z]+$/.test(w) ? pick(vocab) : w))
          .join(" "),
      );
    }
    articles.push(lines.join("\n"));
  }
  return articles;
}
