/**
 * newsdesk benchmarks. Prints figures; asserts nothing.
 *
 *   npm run bench                                   # corpus generated from ../shared/articles, else articles/
 *   npm run bench -- --articles 20000               # more articles
 *   npm run bench -- --samples DIR --data FILE.jsonl  # lines from your own sample dir and a .jsonl data set
 *   npm run bench -- --sizes 1000,10000,100000     # store sizes for command latency (default 1000,10000)
 *   npm run bench -- --skip-latency                # ingestion only
 *   npm run bench -- --db PATH                     # command latency on an existing database, nothing else
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { linesFromDir, linesFromJsonl } from "./corpus.js";
import { benchIngest } from "./ingest-bench.js";
import { benchLatency, benchLatencyOnDb } from "./latency-bench.js";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    samples: { type: "string" },
    data: { type: "string", multiple: true },
    sizes: { type: "string", default: "1000,10000" },
    runs: { type: "string", default: "50" },
    "skip-latency": { type: "boolean", default: false },
    db: { type: "string" },
  },
});

if (values.db) {
  console.log(`command latency in ms on ${values.db} (${values.runs} runs each, warm)`);
  console.log("  articles  command      p50      p99");
  await benchLatencyOnDb(values.db, Number(values.runs), (r) => {
    console.log(
      `  ${String(r.articles).padStart(8)}  ${r.command.padEnd(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`,
    );
  });
  console.log(`  peak memory     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB RSS`);
  process.exit(0);
}

const count = Number(values.articles);
const samplesDir = values.samples ?? (existsSync("../shared/articles") ? "../shared/articles" : "articles");
const pool = linesFromDir(samplesDir);
for (const path of values.data ?? []) pool.push(...linesFromJsonl(path));

console.log(
  `newsdesk bench · node ${process.version} · ${count} articles from ${samplesDir}${values.data ? ` + ${values.data.join(", ")}` : ""} (${pool.length} source lines)`,
);

const r = await benchIngest(pool, count);
console.log(
  "\ningestion, phase 1: read files → clean → dedup → SQLite + FTS5 index (one transaction per article)",
);
console.log(
  `  articles        ${r.articles} (${r.added} added, ${r.duplicates} duplicates, ${r.rejected} rejected)`,
);
console.log(`  input           ${r.megabytes.toFixed(1)} MB`);
console.log(`  time            ${r.seconds.toFixed(2)} s`);
console.log(
  `  throughput      ${r.articlesPerSecond.toFixed(0)} articles/s, ${r.megabytesPerSecond.toFixed(2)} MB/s`,
);
console.log("ingestion, phase 2: quotes, keywords, story features and story grouping");
console.log(
  `  time            ${r.analysisSeconds.toFixed(2)} s (${(r.added / r.analysisSeconds).toFixed(0)} articles/s)`,
);
console.log(`  both phases     ${(r.articles / (r.seconds + r.analysisSeconds)).toFixed(0)} articles/s`);
console.log(`  peak memory     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB RSS`);

if (!values["skip-latency"]) {
  const sizes = (values.sizes ?? "")
    .split(",")
    .map(Number)
    .filter((n) => n > 0);
  console.log(
    `\ncommand latency in ms (${values.runs} runs each, warm; store grown to each size with full analysis)`,
  );
  console.log("  articles  command      p50      p99");
  const { ingestSeconds } = await benchLatency(pool, sizes, Number(values.runs), (r) => {
    console.log(
      `  ${String(r.articles).padStart(8)}  ${r.command.padEnd(8)} ${r.p50.toFixed(1).padStart(8)} ${r.p99.toFixed(1).padStart(8)}`,
    );
  });
  console.log(`  (growing the store took ${ingestSeconds.map((s) => `${s.toFixed(0)} s`).join(", ")})`);
  console.log(`  peak memory     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB RSS`);
}
