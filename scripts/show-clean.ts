/**
 * Dev tool: shows what the cleaner keeps and removes.
 *   npx tsx scripts/show-clean.ts <file-or-dir>... [--summary]
 * Reads plain text files, splits them into blocks like the plain-text parser (every non-empty line is a block;
 * a blank-line-separated group of hard-wrapped lines is joined), cleans them and prints kept blocks, removed blocks
 * with the rule that removed each, and the metadata found.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type Block, normalizeSpace } from "../src/ingest/blocks.js";
import { cleanBlocks } from "../src/ingest/clean/index.js";

const LIST_MARKER = /^\s*(?:[-*•·▪–]|\d{1,3}[.)])\s+/;

function splitText(text: string): Block[] {
  const blocks: Block[] = [];
  for (const group of text.replace(/\r\n?/g, "\n").split(/\n[ \t\u00a0]*\n/)) {
    const lines = group.split("\n").filter((l) => normalizeSpace(l) !== "");
    if (lines.length === 0) continue;
    const wrapped =
      lines.length > 1 &&
      lines.slice(0, -1).every((l) => normalizeSpace(l).length > 50) &&
      lines.every((l) => !LIST_MARKER.test(l));
    if (wrapped) blocks.push({ kind: "line", text: normalizeSpace(lines.join(" ")) });
    else for (const l of lines) blocks.push({ kind: "line", text: normalizeSpace(l) });
  }
  return blocks;
}

function filesOf(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((f) => /\.(?:txt|md|text)$/i.test(f))
    .sort()
    .map((f) => join(path, f));
}

const clip = (s: string, n = 110) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);

const args = process.argv.slice(2);
const summary = args.includes("--summary");
const paths = args.filter((a) => a !== "--summary");
if (paths.length === 0) {
  console.error("usage: npx tsx scripts/show-clean.ts <file-or-dir>... [--summary]");
  process.exit(2);
}
for (const file of paths.flatMap(filesOf)) {
  const blocks = splitText(readFileSync(file, "utf8"));
  const t0 = performance.now();
  const r = cleanBlocks(blocks);
  const ms = performance.now() - t0;
  console.log(`\n=== ${file}`);
  console.log(
    `blocks ${blocks.length}: kept ${r.blocks.length}, removed ${r.removed.length} | language ${r.language} | ${ms.toFixed(2)} ms`,
  );
  console.log(`title: ${r.meta.title ?? "-"}`);
  console.log(
    `publishedAt: ${r.meta.publishedAt ?? "-"} | author: ${r.meta.author ?? "-"} | sourceHint: ${r.meta.sourceHint ?? "-"}`,
  );
  if (summary) {
    const byRule = new Map<string, number>();
    for (const x of r.removed) byRule.set(x.rule, (byRule.get(x.rule) ?? 0) + 1);
    console.log(`removed by rule: ${[...byRule].map(([k, v]) => `${k}×${v}`).join(", ")}`);
    continue;
  }
  console.log("--- kept");
  for (const b of r.blocks) console.log(`  + [${b.kind}] ${clip(b.text)}`);
  console.log("--- removed");
  for (const x of r.removed) console.log(`  - (${x.rule}) ${clip(x.text)}`);
}
