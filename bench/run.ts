/**
 * newsdesk benchmarks. Prints figures; asserts nothing.
 *
 *   npm run bench                                   # corpus generated from ../shared/articles, else articles/
 *   npm run bench -- --articles 20000               # more articles
 *   npm run bench -- --samples DIR --data FILE.jsonl  # lines from your own sample dir and a .jsonl data set
 */
import { existsSync } from "node:fs";
import { parseArgs } from "node:util";
import { linesFromDir, linesFromJsonl } from "./corpus.js";
import { benchIngest } from "./ingest-bench.js";

const { values } = parseArgs({
  options: {
    articles: { type: "string", default: "10000" },
    samples: { type: "string" },
    data: { type: "string", multiple: true },
  },
});

const count = Number(values.articles);
const samplesDir = values.samples ?? (existsSync("../shared/articles") ? "../shared/articles" : "articles");
const pool = linesFromDir(samplesDir);
for (const path of values.data ?? []) pool.push(...linesFromJsonl(path));

console.log(
  `newsdesk bench · node ${process.version} · ${count} articles from ${samplesDir}${values.data ? ` + ${values.data.join(", ")}` : ""} (${pool.length} source lines)`,
);

const r = await benchIngest(pool, count);
console.log("\ningestion (read files → clean → dedup → SQLite + FTS5, one transaction per article)");
console.log(
  `  articles        ${r.articles} (${r.added} added, ${r.duplicates} duplicates, ${r.rejected} rejected)`,
);
console.log(`  input           ${r.megabytes.toFixed(1)} MB`);
console.log(`  time            ${r.seconds.toFixed(2)} s`);
console.log(
  `  throughput      ${r.articlesPerSecond.toFixed(0)} articles/s, ${r.megabytesPerSecond.toFixed(2)} MB/s`,
);
console.log(`  peak memory     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB RSS`);
