/**
 * Slack slash command names. Slack reserves its built-in commands (/feed, /search, …): an app manifest that lists
 * one is rejected. Those newsdesk commands are registered as /news-<name> instead, and every command also works
 * through the umbrella command, `/newsdesk <command> …`.
 */

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
 * The newsdesk command line for a slash command as Slack sends it: ("/brief", "tariffs") → "/brief tariffs",
 * ("/news-search", "dam") → "/search dam", ("/newsdesk", "brief tariffs") → "brief tariffs", ("/newsdesk", "") → "/help".
 */
export function commandLine(slash: string, text: string): string {
  const name = slash.replace(/^\//, "").trim().toLowerCase();
  const argument = text.trim();
  if (name === UMBRELLA) return argument === "" ? "/help" : argument;
  const command = name.startsWith(PREFIX) ? name.slice(PREFIX.length) : name;
  return argument === "" ? `/${command}` : `/${command} ${argument}`;
}

/** A usage line with Slack's names: "/search <query>" → "/news-search <query>". */
export function slackUsage(usage: string): string {
  return usage.replace(/^\/([a-z][\w-]*)/, (_m, name: string) => `/${slackCommandName(name)}`);
}
