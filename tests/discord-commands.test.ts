import { describe, expect, test } from "vitest";
import {
  commandDefinitions,
  definitionOf,
  MANAGE_CHANNELS,
} from "../src/adapters/discord/command-definitions.js";
import { commandShape } from "../src/adapters/discord/command-shapes.js";
import { commandLine } from "../src/adapters/discord/options-to-command.js";
import { COMMANDS, type CommandName, type CommandSpec } from "../src/core/commands/registry.js";

type Option = {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  autocomplete?: boolean;
  choices?: Array<{ name: string; value: string }>;
  options?: Option[];
};

const STRING = 3;
const BOOLEAN = 5;
const SUBCOMMAND = 1;

/** A command the registry may not hold yet (or ever), to check how any registry entry is mapped. */
function spec(name: string, extra: Partial<CommandSpec> = {}): CommandSpec {
  return {
    name: name as CommandName,
    usage: `/${name}`,
    description: `the ${name} command`,
    argument: "none",
    ...extra,
  };
}

function optionsOf(name: string, extra: Partial<CommandSpec> = {}): Option[] {
  return (definitionOf(commandShape(spec(name, extra))).options ?? []) as Option[];
}

describe("slash command definitions", () => {
  test("every registry command is defined within Discord's naming and length rules", () => {
    const definitions = commandDefinitions();
    expect(definitions.map((d) => d.name)).toEqual(COMMANDS.map((c) => c.name));
    const check = (options: Option[]) => {
      const required = options.map((o) => o.required === true);
      expect(required).toEqual([...required].sort((a, b) => Number(b) - Number(a)));
      for (const o of options) {
        expect(o.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
        expect(o.description.length).toBeGreaterThan(0);
        expect(o.description.length).toBeLessThanOrEqual(100);
        expect(o.choices?.length ?? 0).toBeLessThanOrEqual(25);
        check(o.options ?? []);
      }
    };
    for (const d of definitions) {
      expect(d.name).toMatch(/^[-_\p{Ll}\p{N}]{1,32}$/u);
      expect(d.description.length).toBeGreaterThan(0);
      expect(d.description.length).toBeLessThanOrEqual(100);
      expect(d.contexts).toEqual([0, 1]);
      expect(d.integration_types).toEqual([0]);
      check((d.options ?? []) as Option[]);
    }
  });

  test("brief, stance and quotes take typed options that autocomplete from the store", () => {
    expect(optionsOf("brief")).toEqual([
      expect.objectContaining({ type: STRING, name: "topic", required: false, autocomplete: true }),
      expect.objectContaining({ type: STRING, name: "since", required: false }),
    ]);
    expect(optionsOf("stance")).toEqual([
      expect.objectContaining({ type: STRING, name: "topic", required: true, autocomplete: true }),
    ]);
    expect(optionsOf("quotes")[0]).toMatchObject({ name: "query", required: true, autocomplete: true });
  });

  test("commands that change a channel's setup need Manage Channels by default; others are open", () => {
    for (const d of commandDefinitions()) {
      const manage = COMMANDS.find((c) => c.name === d.name)?.manageChannel === true;
      expect(d.default_member_permissions).toBe(manage ? MANAGE_CHANNELS : undefined);
    }
    expect(MANAGE_CHANNELS).toBe("16");
    expect(definitionOf(commandShape(spec("feed", { manageChannel: true }))).default_member_permissions).toBe(
      "16",
    );
  });

  test("digest and feed are subcommands with typed options; subscribe has an alerts boolean", () => {
    const digest = optionsOf("digest");
    expect(digest.map((o) => [o.type, o.name])).toEqual([
      [SUBCOMMAND, "set"],
      [SUBCOMMAND, "off"],
      [SUBCOMMAND, "now"],
      [SUBCOMMAND, "status"],
    ]);
    expect(digest[0]?.options?.map((o) => o.name)).toEqual(["time", "timezone", "days"]);
    expect(digest[0]?.options?.[2]?.choices?.map((c) => c.value)).toEqual(["daily", "weekdays"]);
    const feed = optionsOf("feed");
    expect(feed.map((o) => o.name)).toEqual(["add", "list", "remove"]);
    expect(feed[2]?.options?.[0]).toMatchObject({ name: "url", required: true, autocomplete: true });
    expect(optionsOf("subscribe").map((o) => [o.type, o.name])).toEqual([
      [STRING, "topic"],
      [BOOLEAN, "alerts"],
    ]);
  });

  test("a command without a special shape gets one string option named after its argument", () => {
    expect(optionsOf("translate", { argument: "required", argumentName: "Article ID" })).toEqual([
      expect.objectContaining({ type: STRING, name: "article_id", required: true, max_length: 500 }),
    ]);
    expect(optionsOf("whatsnew")).toEqual([]);
    expect(optionsOf("help", { argument: "optional" })[0]?.choices?.map((c) => c.value)).toEqual(
      COMMANDS.map((c) => c.name),
    );
  });
});

describe("interaction options → the command line for the core", () => {
  test("options go in the order the command defines, with white space folded", () => {
    const options = [
      { name: "since", type: STRING, value: "7d" },
      { name: "topic", type: STRING, value: " keld \n dam " },
    ];
    expect(commandLine("brief", options)).toBe("/brief keld dam 7d");
    expect(commandLine("brief", [])).toBe("/brief");
  });

  test("subcommands become the words the text command takes", () => {
    const digest = commandShape(spec("digest"));
    const set = {
      name: "set",
      type: SUBCOMMAND,
      options: [
        { name: "days", type: STRING, value: "weekdays" },
        { name: "time", type: STRING, value: "08:00" },
        { name: "timezone", type: STRING, value: "Europe/Berlin" },
      ],
    };
    expect(commandLine("digest", [set], digest)).toBe("/digest 08:00 Europe/Berlin weekdays");
    expect(commandLine("digest", [{ name: "off", type: SUBCOMMAND, options: [] }], digest)).toBe(
      "/digest off",
    );
    const feed = commandShape(spec("feed"));
    const add = {
      name: "add",
      type: SUBCOMMAND,
      options: [{ name: "url", type: STRING, value: "https://x.example/rss" }],
    };
    expect(commandLine("feed", [add], feed)).toBe("/feed add https://x.example/rss");
  });

  test("a true boolean adds its name as a word; false adds nothing", () => {
    const shape = commandShape(spec("subscribe"));
    const topic = { name: "topic", type: STRING, value: 'tariffs -steel "grain deal"' };
    expect(commandLine("subscribe", [topic, { name: "alerts", type: BOOLEAN, value: true }], shape)).toBe(
      '/subscribe tariffs -steel "grain deal" alerts',
    );
    expect(commandLine("subscribe", [topic, { name: "alerts", type: BOOLEAN, value: false }], shape)).toBe(
      '/subscribe tariffs -steel "grain deal"',
    );
  });

  test("a topic that ends in the word alerts does not turn alerts on when the alerts option is off", () => {
    const shape = commandShape(spec("subscribe"));
    const topic = (value: string) => ({ name: "topic", type: STRING, value });
    expect(commandLine("subscribe", [topic("security alerts")], shape)).toBe("/subscribe alerts security");
    expect(
      commandLine(
        "subscribe",
        [topic("flood Alerts"), { name: "alerts", type: BOOLEAN, value: false }],
        shape,
      ),
    ).toBe("/subscribe Alerts flood");
    expect(
      commandLine(
        "subscribe",
        [topic("security alerts"), { name: "alerts", type: BOOLEAN, value: true }],
        shape,
      ),
    ).toBe("/subscribe security alerts alerts");
    expect(commandLine("subscribe", [topic("alerts")], shape)).toBe("/subscribe alerts");
    expect(commandLine("subscribe", [topic('"storm alerts"')], shape)).toBe('/subscribe "storm alerts"');
  });

  test("values with quotes, a leading slash, exclusions and line breaks reach the core as typed", () => {
    const one = (name: string, option: string, value: string) =>
      commandLine(name, [{ name: option, type: STRING, value }]);
    expect(one("ask", "question", '/help "me"\nnow?')).toBe('/ask /help "me" now?');
    expect(one("search", "query", "dam -keld")).toBe("/search dam -keld");
    expect(one("unsubscribe", "topic", "tariffs -steel")).toBe("/unsubscribe tariffs -steel");
    expect(one("quotes", "query", "Adela 'Del' Korvin")).toBe("/quotes Adela 'Del' Korvin");
    expect(one("summarize", "article", " https://x.example/a b ")).toBe("/summarize https://x.example/a b");
  });

  test("options the shape does not know (an older registration) still reach the core", () => {
    expect(commandLine("ask", [{ name: "q", type: STRING, value: "who said it?" }])).toBe(
      "/ask who said it?",
    );
  });
});
