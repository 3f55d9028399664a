import { Command, CommanderError } from "commander";
import { describeError, isNewsdeskError } from "../errors.js";
import { registerAnalysis } from "./analysis-commands.js";
import { registerArticles } from "./articles-command.js";
import { registerChat } from "./chat-command.js";
import type { CliIo } from "./context.js";
import { registerDiscord } from "./discord-command.js";
import { registerFeeds } from "./feeds-command.js";
import { registerIngest } from "./ingest-command.js";
import { registerServe } from "./serve-command.js";

export const VERSION = "0.1.0";

/** Runs the newsdesk command line in-process and returns the exit status (2 for usage errors). */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  const program = new Command()
    .name("newsdesk")
    .description(
      "Self-hosted news briefings for team chat: ingest articles, then brief, compare stances and answer.",
    )
    .version(VERSION)
    .option("--db <path>", "SQLite database file (default: NEWSDESK_DB or data/newsdesk.db)")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  registerIngest(program, io, setExit);
  registerArticles(program, io, setExit);
  registerChat(program, io, setExit);
  registerAnalysis(program, io, setExit);
  registerServe(program, io, setExit);
  registerFeeds(program, io, setExit);
  registerDiscord(program, io);
  for (const cmd of program.commands)
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });

  try {
    await program.parseAsync(argv, { from: "user" });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (
        err.code === "commander.helpDisplayed" ||
        err.code === "commander.version" ||
        err.code === "commander.help"
      )
        return 0;
      return 2;
    }
    if (isNewsdeskError(err) && (err.code === "USAGE" || err.code === "CONFIG_INVALID")) {
      io.stderr(`newsdesk: ${err.message}\n`);
      return 2;
    }
    io.logger.debug({ err }, "command failed");
    io.stderr(`newsdesk: ${describeError(err)}\n`);
    return 1;
  }
}
