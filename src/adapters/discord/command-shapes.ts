import { COMMANDS, type CommandSpec, findCommand } from "../../core/commands/registry.js";
import { safeCut } from "./markdown.js";

/** Where an option's autocomplete choices come from (see autocomplete.ts). */
export type AutocompleteSource = "topics" | "people-and-topics" | "subscriptions" | "feeds";

/** One typed slash-command option, and how its value goes into the text command handed to the core. */
export interface OptionShape {
  name: string;
  description: string;
  /** A boolean option adds its own name as a word when true ("/subscribe tariffs alerts"). */
  type: "string" | "boolean";
  required?: boolean;
  autocomplete?: AutocompleteSource;
  choices?: string[];
}

export interface SubcommandShape {
  name: string;
  description: string;
  /** What the subcommand puts after the command name in the text command ("add"; "" for `/digest set`). */
  words: string;
  options: OptionShape[];
}

/** A registry command as Discord sees it: either plain options or subcommands. */
export interface CommandShape {
  name: string;
  description: string;
  manageChannel: boolean;
  options: OptionShape[];
  subcommands: SubcommandShape[];
}

type Special = { options: OptionShape[] } | { subcommands: SubcommandShape[] };

const topic = (description: string, required = true): OptionShape => ({
  name: "topic",
  description,
  type: "string",
  required,
  autocomplete: "topics",
});
const url = (description: string): OptionShape => ({
  name: "url",
  description,
  type: "string",
  required: true,
});

/** Commands whose argument has a structure worth typed options; every other command gets one generic option. */
const SPECIAL: Record<string, Special> = {
  brief: {
    options: [
      topic("a topic, person or place (empty: everything)", false),
      { name: "since", description: "how far back: 24h, 7d, 2w or a date like 2026-03-01", type: "string" },
    ],
  },
  stance: { options: [topic("the topic to compare positions on")] },
  stories: { options: [topic("only stories on this topic", false)] },
  quotes: {
    options: [
      {
        name: "query",
        description: "a person or a topic",
        type: "string",
        required: true,
        autocomplete: "people-and-topics",
      },
    ],
  },
  subscribe: {
    options: [
      topic('keywords, "exact phrases" and -exclusions, e.g. tariffs -steel'),
      { name: "alerts", description: "also post each new story on the topic as it breaks", type: "boolean" },
    ],
  },
  unsubscribe: { options: [{ ...topic("the subscribed topic to drop"), autocomplete: "subscriptions" }] },
  digest: {
    subcommands: [
      {
        name: "set",
        description: "post a daily digest here at a set time",
        words: "",
        options: [
          { name: "time", description: "when, as HH:MM (24-hour clock)", type: "string", required: true },
          { name: "timezone", description: "an IANA time zone such as Europe/Berlin", type: "string" },
          { name: "days", description: "which days", type: "string", choices: ["daily", "weekdays"] },
        ],
      },
      { name: "off", description: "stop this channel's digest", words: "off", options: [] },
      { name: "now", description: "post the digest now", words: "now", options: [] },
      { name: "status", description: "show this channel's digest schedule", words: "status", options: [] },
    ],
  },
  feed: {
    subcommands: [
      {
        name: "add",
        description: "follow an RSS or Atom feed in this channel",
        words: "add",
        options: [url("the feed's URL")],
      },
      { name: "list", description: "the feeds this channel follows", words: "list", options: [] },
      {
        name: "remove",
        description: "stop following a feed",
        words: "remove",
        options: [{ ...url("the feed's URL, as /feed list shows it"), autocomplete: "feeds" }],
      },
    ],
  },
  ingest: { options: [url("an article page or an RSS/Atom feed")] },
};

/** Discord's rule for option names: lower case letters, digits, - and _, 1 to 32 characters. */
function optionName(raw: string | undefined): string {
  const name = (raw ?? "")
    .toLowerCase()
    .replace(/[^\p{Ll}\p{Lo}\p{N}_-]+/gu, "_")
    .replace(/^_+|_+$/g, "")
    .slice(0, 32);
  return name || "text";
}

/** Discord's descriptions are 1 to 100 characters. */
export function shortText(text: string, max = 100): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (t === "") return "-";
  return t.length <= max ? t : `${t.slice(0, safeCut(t, max - 1)).trimEnd()}…`;
}

function genericOptions(spec: CommandSpec): OptionShape[] {
  if (spec.argument === "none") return [];
  if (spec.name === "help" && COMMANDS.length <= 25) {
    const choices = COMMANDS.map((c) => c.name);
    return [{ name: "command", description: "the command to explain", type: "string", choices }];
  }
  return [
    {
      name: optionName(spec.argumentName),
      description: shortText(spec.usage),
      type: "string",
      required: spec.argument === "required",
    },
  ];
}

/** How a registry command appears on Discord: its special shape, or one string option for its argument. */
export function commandShape(spec: CommandSpec): CommandShape {
  const special = SPECIAL[spec.name];
  return {
    name: spec.name,
    description: shortText(spec.description),
    manageChannel: spec.manageChannel === true,
    options: special ? ("options" in special ? special.options : []) : genericOptions(spec),
    subcommands: special && "subcommands" in special ? special.subcommands : [],
  };
}

/** The shape of a registered command by name, or undefined when the registry has no such command. */
export function findShape(name: string): CommandShape | undefined {
  const spec = findCommand(name);
  return spec ? commandShape(spec) : undefined;
}
