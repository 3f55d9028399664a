import type { Command } from "commander";
import { renderText } from "../adapters/console/render.js";
import { handleCommand } from "../core/engine.js";
import { buildCoreDeps } from "../runtime/core-deps.js";
import { loadCoreSettings } from "../runtime/settings.js";
import { type CliIo, type GlobalOptions, withStore } from "./context.js";

export function registerChat(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("chat")
    .description('run one chat command, e.g. newsdesk chat "/brief tariffs 7d"')
    .argument("<command>", "a slash command as typed in Slack, Discord or the prompt")
    .option("--json", "print the reply as JSON")
    .addHelpText("after", "\nExit status: 0 on success, 2 when the command is malformed.")
    .action(async (text: string, opts: { json?: boolean }) => {
      const global = program.opts<GlobalOptions>();
      const settings = loadCoreSettings(io.env, global.db ? { dbPath: global.db } : {});
      const reply = await withStore(settings.config, io, (store) => {
        const { deps } = buildCoreDeps(store, settings, io);
        return handleCommand(text, { platform: "cli", canManageChannel: true }, deps);
      });
      io.stdout(
        opts.json ? `${JSON.stringify(reply, null, 2)}\n` : renderText(reply, { width: io.columns ?? 88 }),
      );
      if (reply.kind === "error") setExit(reply.reason === "usage" ? 2 : 1);
    });
}
