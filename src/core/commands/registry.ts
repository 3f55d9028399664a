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
  | "help";

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
    usage: "/summarize <article id>",
    description: "a short summary of one stored article",
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
];

export function findCommand(name: string): CommandSpec | undefined {
  const n = name.toLowerCase();
  return COMMANDS.find((c) => c.name === n);
}
