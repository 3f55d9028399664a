import type { Reply } from "../reply.js";
import { COMMANDS, findCommand } from "./registry.js";

export function runHelp(argument: string): Reply {
  const wanted = argument.replace(/^\//, "").trim();
  const specs = wanted ? COMMANDS.filter((c) => c.name === findCommand(wanted)?.name) : COMMANDS;
  if (wanted && specs.length === 0) {
    return {
      kind: "error",
      title: "Sorry",
      message: `There is no /${wanted.slice(0, 40)} command.`,
      reason: "usage",
      usage: "Usage: /help [command]",
      sections: [],
      citations: [],
      ephemeral: true,
    };
  }
  const commands = specs.map((c) => ({ name: c.name, usage: c.usage, description: c.description }));
  return {
    kind: "help",
    title: "newsdesk commands",
    intro: wanted ? undefined : "Cited briefings, stances and answers from the articles newsdesk has stored.",
    sections: [{ lines: commands.map((c) => ({ text: `${c.usage}: ${c.description}`, cite: [] })) }],
    citations: [],
    data: { commands },
    ephemeral: true,
  };
}
