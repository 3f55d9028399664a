import { describeError } from "../errors.js";
import { runAsk } from "./commands/ask.js";
import { runBrief } from "./commands/brief.js";
import { runDigest } from "./commands/digest.js";
import { runFeed } from "./commands/feed.js";
import { runHelp } from "./commands/help.js";
import { runIngest } from "./commands/ingest.js";
import { type ParsedCommand, parseCommand } from "./commands/parse.js";
import { runQuotes } from "./commands/quotes.js";
import { needsChannelPermission } from "./commands/registry.js";
import { runSearch } from "./commands/search.js";
import { runSources } from "./commands/sources.js";
import { runStance } from "./commands/stance.js";
import { runStories } from "./commands/stories.js";
import { runSubscribe } from "./commands/subscribe.js";
import { runSubscriptions } from "./commands/subscriptions.js";
import { runSummarize } from "./commands/summarize.js";
import { runTopics } from "./commands/topics.js";
import { runUnsubscribe } from "./commands/unsubscribe.js";
import type { CommandContext, CoreDeps } from "./deps.js";
import { errorReply, type Reply } from "./reply.js";

function dispatch(command: ParsedCommand, deps: CoreDeps, context: CommandContext): Promise<Reply> | Reply {
  const arg = command.argument;
  switch (command.name) {
    case "brief":
      return runBrief(arg, deps, context);
    case "stance":
      return runStance(arg, deps, context);
    case "quotes":
      return runQuotes(arg, deps);
    case "ask":
      return runAsk(arg, deps, context);
    case "search":
      return runSearch(arg, deps);
    case "summarize":
      return runSummarize(arg, deps);
    case "stories":
      return runStories(arg, deps);
    case "topics":
      return runTopics(deps);
    case "sources":
      return runSources(deps);
    case "help":
      return runHelp(arg);
    case "subscribe":
      return runSubscribe(arg, context, deps);
    case "unsubscribe":
      return runUnsubscribe(arg, context, deps);
    case "subscriptions":
      return runSubscriptions(context, deps);
    case "digest":
      return runDigest(arg, context, deps);
    case "feed":
      return runFeed(arg, context, deps);
    case "ingest":
      return runIngest(arg, deps);
  }
}

/**
 * The one entry point of the core: a command line as typed ("/brief tariffs 7d") or already parsed, and who asked.
 * Always returns a Reply: malformed commands and failures become error replies, never exceptions.
 */
export async function handleCommand(
  input: string | ParsedCommand,
  context: CommandContext,
  deps: CoreDeps,
): Promise<Reply> {
  let command: ParsedCommand;
  if (typeof input === "string") {
    const parsed = parseCommand(input);
    if (!parsed.ok) return errorReply(parsed.message, "usage", parsed.usage);
    command = parsed.command;
  } else {
    // Platforms with typed options hand over a parsed command: check it the same way.
    const parsed = parseCommand(`/${input.name} ${input.argument}`);
    if (!parsed.ok) return errorReply(parsed.message, "usage", parsed.usage);
    command = parsed.command;
  }
  if (needsChannelPermission(command) && context.canManageChannel !== true) {
    return errorReply(
      `/${command.name} changes this channel's setup, so it needs the Manage Channels permission (Discord) or a workspace admin (Slack).`,
      "forbidden",
    );
  }
  const started = Date.now();
  try {
    const reply = await dispatch(command, deps, context);
    deps.logger.debug(
      { command: command.name, platform: context.platform, ms: Date.now() - started },
      "command",
    );
    return reply;
  } catch (err) {
    deps.logger.error({ err, command: command.name, platform: context.platform }, "command failed");
    return errorReply(`Something went wrong while running /${command.name}: ${describeError(err)}`, "failed");
  }
}
