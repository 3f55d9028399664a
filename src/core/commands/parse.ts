import { type CommandName, type CommandSpec, findCommand } from "./registry.js";

/** Longest argument accepted, in characters. */
export const MAX_ARGUMENT_LENGTH = 500;

export interface ParsedCommand {
  name: CommandName;
  /** The text after the command name, trimmed and with runs of white space folded; "" when none. */
  argument: string;
}

export type ParseResult =
  | { ok: true; command: ParsedCommand }
  | { ok: false; message: string; usage?: string };

function usageOf(spec: CommandSpec): string {
  return `Usage: ${spec.usage}: ${spec.description}`;
}

/**
 * Parses "/brief tariffs 7d", "brief tariffs" or "newsdesk brief tariffs". Never throws: a malformed command
 * gives a message and, where the command is known, its usage.
 */
export function parseCommand(input: string): ParseResult {
  const text = input.replace(/[\s\u00a0]+/g, " ").trim();
  if (text === "") return { ok: false, message: "Type a command, for example /brief or /help." };
  const match = /^\/?(?:newsdesk\s+)?\/?([^\s/]+)(?:\s+(.*))?$/i.exec(text);
  const name = match?.[1] ?? "";
  const spec = findCommand(name);
  if (!spec) {
    const shown = name.length > 40 ? `${name.slice(0, 40)}…` : name;
    return { ok: false, message: `Unknown command "/${shown}". Try /help to see what newsdesk can do.` };
  }
  const argument = (match?.[2] ?? "").trim();
  if (argument.length > MAX_ARGUMENT_LENGTH) {
    return {
      ok: false,
      message: `That is ${argument.length} characters; /${spec.name} takes at most ${MAX_ARGUMENT_LENGTH}.`,
      usage: usageOf(spec),
    };
  }
  if (spec.argument === "required" && argument === "") {
    return {
      ok: false,
      message: `/${spec.name} needs ${spec.argumentName ?? "an argument"}.`,
      usage: usageOf(spec),
    };
  }
  if (spec.argument === "none" && argument !== "") {
    return { ok: false, message: `/${spec.name} takes no argument.`, usage: usageOf(spec) };
  }
  return { ok: true, command: { name: spec.name, argument } };
}
