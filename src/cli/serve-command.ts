import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { consolePoster } from "../adapters/console/poster.js";
import { runRepl } from "../adapters/console/repl.js";
import { ingest } from "../ingest/pipeline.js";
import { buildCoreDeps } from "../runtime/core-deps.js";
import { startServices } from "../runtime/services.js";
import { loadSettings } from "../runtime/settings.js";
import { waitForShutdown } from "../runtime/shutdown.js";
import type { Store } from "../store/store.js";
import { type CliIo, type GlobalOptions, withStore } from "./context.js";

/** The demo corpus shipped with newsdesk (fictional articles). */
export const DEMO_DIR = fileURLToPath(new URL("../../articles/", import.meta.url));

function demoLoader(store: Store, io: CliIo, limits: { maxBytes: number; fetchTimeoutMs: number }) {
  return async () => {
    const report = await ingest([DEMO_DIR], { store, logger: io.logger, now: io.now, limits });
    return `Loaded ${report.added.length} demo articles (${report.rejected.length} rejected).`;
  };
}

export function registerServe(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("serve")
    .description(
      "run newsdesk: every configured chat platform (Slack, Discord) with digests and feed polling, or the terminal prompt when none is configured",
    )
    .option("--demo", "load the demo articles into an empty store without asking")
    .action(async (opts: { demo?: boolean }) => {
      const global = program.opts<GlobalOptions>();
      const settings = loadSettings(io.env, global.db ? { dbPath: global.db } : {});
      const headless = settings.slack !== null || settings.discord !== null;
      const { stdin, stdoutStream } = io;
      if (!headless && (!stdin || !stdoutStream || (!stdin.isTTY && !opts.demo))) {
        io.stderr(
          "newsdesk: no chat platform is configured and standard input is not a terminal, so there is nothing to serve.\n" +
            "Set SLACK_BOT_TOKEN or DISCORD_TOKEN (see .env.example), run it in a terminal for the prompt, " +
            'or use `newsdesk chat "/brief"` for one command.\n',
        );
        setExit(2);
        return;
      }
      await withStore(settings.config, io, async (store) => {
        const runtime = buildCoreDeps(store, settings, io);
        const loadDemo = demoLoader(store, io, runtime.limits);
        if (headless) {
          if (opts.demo && (await store.countArticles()) === 0) io.stderr(`newsdesk: ${await loadDemo()}\n`);
          const services = await startServices({ store, settings, runtime, logger: io.logger, now: io.now });
          try {
            const names = services.adapters.map((a) => a.name).join(" and ");
            io.stderr(`newsdesk: serving ${names}; digests and feed polling are on. Stop with Ctrl+C.\n`);
            await waitForShutdown(io.shutdown);
          } finally {
            await services.stop();
          }
          return;
        }
        if (!stdin || !stdoutStream) return;
        // Digests and alerts of the terminal channel are printed into the prompt's output.
        const poster = consolePoster(stdoutStream, io.columns ? { columns: io.columns } : {});
        const services = await startServices({
          store,
          settings,
          runtime,
          logger: io.logger,
          now: io.now,
          extraPosters: [poster],
        });
        const options: Parameters<typeof runRepl>[1] = { input: stdin, output: stdoutStream, loadDemo };
        if (io.columns) options.columns = io.columns;
        if (opts.demo) options.demo = true;
        try {
          await runRepl(runtime.deps, options);
        } finally {
          await services.stop();
        }
      });
    });
}
