import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { consolePoster } from "../adapters/console/poster.js";
import { runRepl } from "../adapters/console/repl.js";
import { ingest } from "../ingest/pipeline.js";
import { startSchedules } from "../schedule/start-schedules.js";
import { type CliIo, configFor, type GlobalOptions, withStore } from "./context.js";

/** The demo corpus shipped with newsdesk (fictional articles). */
export const DEMO_DIR = fileURLToPath(new URL("../../articles/", import.meta.url));

export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("serve")
    .description(
      "run newsdesk: every configured chat platform, or the terminal prompt when none is configured",
    )
    .option("--demo", "load the demo articles into an empty store without asking")
    .action(async (opts: { demo?: boolean }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      const { stdin, stdoutStream } = io;
      if (!stdin || !stdoutStream || (!stdin.isTTY && !opts.demo)) {
        io.stderr(
          "newsdesk: no chat platform is configured and standard input is not a terminal, so there is nothing to serve.\n" +
            'Run it in a terminal for the prompt, or use `newsdesk chat "/brief"` for one command.\n',
        );
        setExit(2);
        return;
      }
      await withStore(config, io, async (store) => {
        // Digests and alerts of the terminal channel are printed into the prompt's output.
        const poster = consolePoster(stdoutStream, io.columns ? { columns: io.columns } : {});
        const schedules = await startSchedules({
          store,
          posters: [poster],
          config,
          logger: io.logger,
          now: io.now,
        });
        const deps = { store, now: io.now, logger: io.logger, digests: schedules.digests };
        const loadDemo = async () => {
          const report = await ingest([DEMO_DIR], {
            store,
            logger: io.logger,
            now: io.now,
            limits: { maxBytes: config.maxInputBytes, fetchTimeoutMs: config.fetchTimeoutMs },
          });
          return `Loaded ${report.added.length} demo articles (${report.rejected.length} rejected).`;
        };
        const options: Parameters<typeof runRepl>[1] = {
          input: stdin,
          output: stdoutStream,
          loadDemo,
        };
        if (io.columns) options.columns = io.columns;
        if (opts.demo) options.demo = true;
        try {
          await runRepl(deps, options);
        } finally {
          await schedules.stop();
        }
      });
    });
}
