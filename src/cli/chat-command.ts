import type { Command } from "commander";
import { renderText } from "../adapters/console/render.js";
import { handleCommand } from "../core/engine.js";
import { loadLlmConfig } from "../llm/config.js";
import { writerFromConfig } from "../llm/create-writer.js";
import { type CliIo, configFor, type GlobalOptions, withStore } from "./context.js";

export function registerChat(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("chat")
    .description('run one chat command, e.g. newsdesk chat "/brief tariffs 7d"')
    .argument("<command>", "a slash command as typed in Slack, Discord or the prompt")
    .option("--json", "print the reply as JSON")
    .addHelpText("after", "\nExit status: 0 on success, 2 when the command is malformed.")
    .action(async (text: string, opts: { json?: boolean }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      const llm = loadLlmConfig(io.env);
      const reply = await withStore(config, io, (store) => {
        const writer = writerFromConfig(llm, { store, logger: io.logger, now: io.now });
        return handleCommand(
          text,
          { platform: "cli", canManageChannel: true },
          { store, now: io.now, logger: io.logger, ...(writer ? { writer } : {}) },
        );
      });
      io.stdout(
        opts.json ? `${JSON.stringify(reply, null, 2)}\n` : renderText(reply, { width: io.columns ?? 88 }),
      );
      if (reply.kind === "error") setExit(reply.reason === "usage" ? 2 : 1);
    });
}
