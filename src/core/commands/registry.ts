/** The chat commands, the same on every platform. Adapters register these names and usages. */
export interface CommandSpec {
  name: CommandName;
  usage: string;
  description: string;
  /** Whether the command takes free text after its name. */
  argument: "none" | "optional" | "required";
  /** What the argument is, for platforms with typed options. */
  argumentName?: string;
  /** Changes a channel's setup: needs Manage Channels (Discord) or admin rights (Slack), checked when it runs. */
  manageChannel?: boolean;
  /**
   * Arguments of a `manageChannel` command that only show the setup (`/digest status`, `/feed list`; "" = no
   * argument): anyone may run them.
   */
  showsSetup?: readonly string[];
}

export type CommandName =
  | "brief"
  | "stance"
  | "quotes"
  | "ask"
  | "search"
  | "summarize"
  | "stories"
  | "topics"
  | "sources"
  | "help"
  | "subscribe"
  | "unsubscribe"
  | "subscriptions"
  | "digest"
  | "feed"
  | "ingest";

export const COMMANDS: readonly CommandSpec[] = [
  {
    name: "brief",
    usage: "/brief [topic] [since]",
    description: "a short cited briefing of the top stories (since: 24h, 7d or a date)",
    argument: "optional",
    argumentName: "topic",
  },
  {
    name: "stance",
    usage: "/stance <topic>",
    description: "who stands where on a topic, in their own quoted words",
    argument: "required",
    argumentName: "topic",
  },
  {
    name: "quotes",
    usage: "/quotes <person or topic>",
    description: "quotes by a person or on a topic, newest first",
    argument: "required",
    argumentName: "query",
  },
  {
    name: "ask",
    usage: "/ask <question>",
    description: "answer a question from the stored articles, with citations",
    argument: "required",
    argumentName: "question",
  },
  {
    name: "search",
    usage: "/search <query>",
    description: "search the stored articles",
    argument: "required",
    argumentName: "query",
  },
  {
    name: "summarize",
    usage: "/summarize <article id or url>",
    description: "a short summary of one stored article, or of a web page (stored first)",
    argument: "required",
    argumentName: "article",
  },
  {
    name: "stories",
    usage: "/stories [topic]",
    description: "stories: articles from several outlets grouped by event",
    argument: "optional",
    argumentName: "topic",
  },
  { name: "topics", usage: "/topics", description: "the topics with the most coverage", argument: "none" },
  { name: "sources", usage: "/sources", description: "the outlets in the store", argument: "none" },
  {
    name: "help",
    usage: "/help [command]",
    description: "what newsdesk can do",
    argument: "optional",
    argumentName: "command",
  },
  {
    name: "subscribe",
    usage: "/subscribe <topic> [alerts]",
    description:
      'follow a topic in this channel (keywords, "exact phrases", -exclusions); alerts posts each new story once',
    argument: "required",
    argumentName: "topic",
    manageChannel: true,
  },
  {
    name: "unsubscribe",
    usage: "/unsubscribe <topic>",
    description: "stop following a topic in this channel",
    argument: "required",
    argumentName: "topic",
    manageChannel: true,
  },
  {
    name: "subscriptions",
    usage: "/subscriptions",
    description: "the topics this channel follows, and its digest",
    argument: "none",
  },
  {
    name: "digest",
    usage: "/digest <HH:MM> [IANA timezone] [daily|weekdays] | off | now | status",
    description: "a scheduled briefing of this channel's topics since the previous one",
    argument: "optional",
    argumentName: "schedule",
    manageChannel: true,
    showsSetup: ["", "status"],
  },
  {
    name: "feed",
    usage: "/feed add <url> | list | remove <url>",
    description: "follow RSS/Atom feeds: new items are stored and grouped into stories",
    argument: "optional",
    argumentName: "action",
    manageChannel: true,
    showsSetup: ["", "list"],
  },
  {
    name: "ingest",
    usage: "/ingest <url>",
    description: "store the article at a web address",
    argument: "required",
    argumentName: "url",
  },
];

export function findCommand(name: string): CommandSpec | undefined {
  const n = name.toLowerCase();
  return COMMANDS.find((c) => c.name === n);
}

/** Whether running this command needs the caller's permission to change the channel's setup. */
export function needsChannelPermission(command: { name: string; argument: string }): boolean {
  const spec = findCommand(command.name);
  if (!spec?.manageChannel) return false;
  return !(spec.showsSetup?.includes(command.argument.trim().toLowerCase()) ?? false);
}
