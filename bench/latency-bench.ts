import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { handleCommand } from "../src/core/engine.js";
import { ingest } from "../src/ingest/pipeline.js";
import { silentLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";
import type { Store } from "../src/store/store.js";
import { generateArticles } from "./corpus.js";

const COMMANDS = [
  { name: "/brief", texts: ["/brief", "/brief trade", "/brief military 7d", "/brief cartels"] },
  {
    name: "/stance",
    texts: ["/stance sovereignty", "/stance tariffs", "/stance security", "/stance migration"],
  },
  {
    name: "/ask",
    texts: [
      "/ask How long was the phone call?",
      "/ask Who called for tangible results?",
      "/ask What tariffs were imposed on steel?",
    ],
  },
  {
    name: "/search",
    texts: [
      "/search fentanyl",
      "/search World Cup draw",
      '/search "foreign troops"',
      "/search trade (tariffs",
    ],
  },
];

export interface LatencyRow {
  articles: number;
  command: string;
  p50: number;
  p99: number;
  runs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

/** Times every command against an open store, `runs` times each after a warm-up. */
async function timeCommands(
  store: Store,
  now: Date,
  runs: number,
  onRow: (row: LatencyRow) => void,
): Promise<void> {
  const deps = { store, now: () => now, logger: silentLogger };
  const articles = await store.countArticles();
  for (const command of COMMANDS) {
    for (const text of command.texts) await handleCommand(text, { platform: "cli" }, deps); // warm up
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const text = command.texts[i % command.texts.length] as string;
      const t = performance.now();
      await handleCommand(text, { platform: "cli" }, deps);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    onRow({ articles, command: command.name, p50: percentile(times, 50), p99: percentile(times, 99), runs });
  }
}

/** Command latency on an existing database (e.g. one grown to 100,000 articles). */
export async function benchLatencyOnDb(
  path: string,
  runs: number,
  onRow: (row: LatencyRow) => void,
): Promise<void> {
  const store = await openStore(path);
  try {
    await timeCommands(store, new Date(), runs, onRow);
  } finally {
    await store.close();
  }
}

/**
 * Grows one store to each size in turn (ingesting generated articles with full analysis) and times every command
 * at each size. The clock is fixed after the newest article so recency windows have something to show.
 */
export async function benchLatency(
  pool: string[],
  sizes: number[],
  runs: number,
  onRow: (row: LatencyRow) => void,
): Promise<{ ingestSeconds: number[] }> {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-latency-"));
  const store = await openStore(join(dir, "latency.db"));
  const ingestSeconds: number[] = [];
  try {
    const all = generateArticles(pool, Math.max(...sizes), 7);
    let have = 0;
    for (const size of sizes) {
      const t0 = performance.now();
      for (let start = have; start < size; start += 5000) {
        const chunk = join(dir, `chunk-${start}`);
        mkdirSync(chunk);
        all.slice(start, Math.min(size, start + 5000)).forEach((text, i) => {
          writeFileSync(
            join(chunk, `${String(start + i).padStart(6, "0")}.txt`),
            `date 2026-03-${String(1 + ((start + i) % 28)).padStart(2, "0")}\n${text}`,
          );
        });
        await ingest([chunk], {
          store,
          logger: silentLogger,
          now: () => new Date("2026-03-29T12:00:00Z"),
          limits: { maxBytes: 5 * 1024 * 1024, fetchTimeoutMs: 1000 },
        });
        rmSync(chunk, { recursive: true, force: true });
      }
      ingestSeconds.push((performance.now() - t0) / 1000);
      have = size;
      await timeCommands(store, new Date("2026-03-29T12:00:00Z"), runs, onRow);
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return { ingestSeconds };
}
