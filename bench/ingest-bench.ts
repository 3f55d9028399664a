import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { analyseStored, storeInputs } from "../src/ingest/pipeline.js";
import { silentLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";
import { generateArticles } from "./corpus.js";

export interface IngestBenchResult {
  articles: number;
  added: number;
  duplicates: number;
  rejected: number;
  /** Phase 1: read, clean, deduplicate, store and index for search. */
  seconds: number;
  articlesPerSecond: number;
  megabytesPerSecond: number;
  megabytes: number;
  /** Phase 2: quotes, keywords, story features and story grouping. */
  analysisSeconds: number;
}

/** Writes `count` generated articles as a directory of .txt files and ingests it into a fresh file database. */
export async function benchIngest(pool: string[], count: number): Promise<IngestBenchResult> {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-bench-"));
  try {
    const articles = generateArticles(pool, count);
    let bytes = 0;
    const inputDir = join(dir, "in");
    mkdirSync(inputDir);
    articles.forEach((text, i) => {
      bytes += Buffer.byteLength(text);
      writeFileSync(join(inputDir, `${String(i).padStart(6, "0")}.txt`), text);
    });
    const store = await openStore(join(dir, "bench.db"));
    const t0 = performance.now();
    const deps = {
      store,
      logger: silentLogger,
      now: () => new Date(),
      limits: { maxBytes: 5 * 1024 * 1024, fetchTimeoutMs: 15_000 },
    };
    const report = await storeInputs([inputDir], deps);
    const seconds = (performance.now() - t0) / 1000;
    const t1 = performance.now();
    await analyseStored(deps, report.added.length);
    const analysisSeconds = (performance.now() - t1) / 1000;
    await store.close();
    return {
      articles: count,
      added: report.added.length,
      duplicates: report.duplicates.length,
      rejected: report.rejected.length,
      seconds,
      articlesPerSecond: count / seconds,
      megabytesPerSecond: bytes / 1024 / 1024 / seconds,
      megabytes: bytes / 1024 / 1024,
      analysisSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
