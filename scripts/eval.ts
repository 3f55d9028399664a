/**
 * Runs every evaluation on the shared data and the sample articles, reading them by path (never copying them):
 *
 *   npm run eval -- ../shared            # the folder holding articles/ and data/
 *   npm run eval -- ../shared --quick    # small subsets, for a fast look
 *
 * Prints each evaluation's own table; see the scripts it runs for details.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = process.argv[2];
const quick = process.argv.includes("--quick");
if (!root || !existsSync(join(root, "data"))) {
  console.error("usage: npm run eval -- <path to the shared folder holding articles/ and data/> [--quick]");
  process.exit(2);
}
const data = join(root, "data");
const articles = join(root, "articles");

function run(title: string, args: string[]): void {
  console.log(`\n=== ${title}\n$ tsx ${args.join(" ")}`);
  const r = spawnSync(process.execPath, ["--import", "tsx", ...args], { stdio: "inherit" });
  if (r.status !== 0) console.log(`(exited with ${r.status})`);
}

if (existsSync(articles)) {
  const dir = mkdtempSync(join(tmpdir(), "newsdesk-eval-"));
  const db = join(dir, "samples.db");
  try {
    run("Sample articles: ingest", ["src/cli.ts", "--db", db, "ingest", articles]);
    run("Sample articles: stories", ["src/cli.ts", "--db", db, "stories"]);
    run("Sample articles: /brief", ["src/cli.ts", "--db", db, "chat", "/brief"]);
    run("Sample articles: /stance sovereignty", ["src/cli.ts", "--db", db, "chat", "/stance sovereignty"]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
run("Summaries: ROUGE vs Lead-3 (BBC, CNN/DM, XSum, AllSides)", [
  "scripts/eval-summaries.ts",
  data,
  ...(quick ? ["--limit", "200"] : []),
]);
run("Stories: B-cubed (ECB+, AllSides)", [
  "scripts/eval-stories.ts",
  join(data, "ecbplus-docs.jsonl"),
  join(data, "neus-allsides-stories.jsonl"),
]);
for (const split of ["dev", "train"]) {
  run(`Attribution: PolNeAR ${split}`, [
    "scripts/eval-polnear.ts",
    join(data, "polnear"),
    "--split",
    split,
    ...(quick ? ["--limit", "40"] : []),
  ]);
}
run("Model-output verifier: faithful vs unfaithful references, invented changes", [
  "scripts/eval-verifier.ts",
  data,
]);
