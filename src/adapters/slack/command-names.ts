/**
 * Slack slash command names. Slack reserves its built-in commands (/feed, /search, …): an app manifest that lists
 * one is rejected. Those newsdesk commands are registered as /news-<name> instead, and every command also works
 * through the umbrella command, `/newsdesk <command> …`.
 */

import { findCommand } from "../../core/commands/registry.js";

/** The umbrella command: `/newsdesk brief tariffs`. */
export const UMBRELLA = "newsdesk";

/** Slack's built-in slash commands, which apps cannot register. */
const RESERVED = new Set([
  "away",
  "collapse",
  "dnd",
  "expand",
  "feed",
  "invite",
  "join",
  "leave",
  "me",
  "msg",
  "mute",
  "open",
  "remind",
  "search",
  "shrug",
  "shortcuts",
  "status",
  "topic",
  "who",
]);

const PREFIX = "news-";

/** The Slack slash command (without "/") that runs a newsdesk command: "brief" → "brief", "search" → "news-search". */
export function slackCommandName(name: string): string {
  return RESERVED.has(name) ? `${PREFIX}${name}` : name;
}

/**
 * A command line typed in a message or after /newsdesk, with a Slack name turned back into newsdesk's:
 * "news-search dam" → "search dam" (help shows the news- names, so people type them), as for slash commands any
 * "news-<command>", and after help ("help news-search"). Other words are kept.
 */
export function fromSlackNames(line: string): string {
  const unprefix = (whole: string, lead: string, name: string) =>
    findCommand(name) ? `${lead}${name.toLowerCase()}` : whole;
  return (
    line
      .replace(/^(\s*\/?(?:newsdesk\s+)?\/?)news-([a-z]+)(?=\s|$)/i, unprefix)
      // "/help news-search": help about a command, by the name help showed.
      .replace(/^(\s*\/?(?:newsdesk\s+)?\/?help\s+\/?)news-([a-z]+)(?=\s|$)/i, unprefix)
  );
}

/**
 * The newsdesk command line for a slash command as Slack sends it: ("/brief", "tariffs") → "/brief tariffs",
 * ("/news-search", "dam") → "/search dam", ("/newsdesk", "brief tariffs") → "brief tariffs", ("/newsdesk", "") → "/help".
 */
export function commandLine(slash: string, text: string): string {
  const name = slash.replace(/^\//, "").trim().toLowerCase();
  const argument = text.trim();
  if (name === UMBRELLA) return argument === "" ? "/help" : fromSlackNames(argument);
  const command = name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name;
  return fromSlackNames(argument === "" ? `/${command}` : `/${command} ${argument}`);
}

/** A usage line with Slack's names: "/search <query>" → "/news-search <query>". */
export function slackUsage(usage: string): string {
  return usage.replace(/^\/([a-z][\w-]*)/, (_m, name: string) => `/${slackCommandName(name)}`);
}
