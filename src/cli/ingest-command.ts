import type { Command } from "commander";
import { inputLimits } from "../config.js";
import { type IngestReport, ingest, reclean } from "../ingest/pipeline.js";
import { type CliIo, configFor, type GlobalOptions, withStore } from "./context.js";
import { truncate } from "./text.js";

function summary(report: IngestReport): string {
  const lines: string[] = [];
  for (const a of report.added) lines.push(`  added      ${a.id}  ${truncate(a.title, 60)}  (${a.input})`);
  for (const d of report.duplicates) lines.push(`  duplicate  ${d.id}  ${d.input}`);
  for (const r of report.rejected) lines.push(`  rejected   ${r.input}: ${r.reason}`);
  const head = `${report.added.length} added, ${report.duplicates.length} duplicate${report.duplicates.length === 1 ? "" : "s"}, ${report.rejected.length} rejected`;
  return `${head}\n${lines.join("\n")}\n`;
}

export function registerIngest(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("ingest")
    .description("store articles from files, directories, .jsonl files, web pages and RSS/Atom feeds")
    .argument("<inputs...>", "paths (.txt .md .html .json .jsonl or a directory) and http(s) URLs")
    .option("--json", "print the report as JSON")
    .addHelpText(
      "after",
      "\nEach input that cannot be read is reported with a reason; everything else is stored.\nExit status: 0 when nothing was rejected, 1 otherwise.",
    )
    .action(async (inputs: string[], opts: { json?: boolean }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      const report = await withStore(config, io, (store) =>
        ingest(inputs, {
          store,
          logger: io.logger,
          now: io.now,
          limits: inputLimits(config),
        }),
      );
      io.stdout(opts.json ? `${JSON.stringify(report, null, 2)}\n` : summary(report));
      setExit(report.rejected.length > 0 ? 1 : 0);
    });

  program
    .command("reclean")
    .description("clean every stored article again from its raw input (after the cleaner improved)")
    .option("--json", "print the result as JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      const result = await withStore(config, io, (store) => reclean({ store, logger: io.logger }));
      if (opts.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
      else {
        io.stdout(`${result.checked} checked, ${result.changed} changed, ${result.failed.length} failed\n`);
        for (const f of result.failed) io.stdout(`  failed  ${f.id}: ${f.reason}\n`);
      }
      setExit(result.failed.length > 0 ? 1 : 0);
    });
}
