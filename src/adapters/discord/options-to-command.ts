import { ApplicationCommandOptionType } from "discord.js";
import { type CommandShape, findShape, type OptionShape } from "./command-shapes.js";

/** An interaction option as discord.js gives it (`interaction.options.data`). */
export interface InteractionOption {
  name: string;
  type: number;
  value?: string | number | boolean | undefined;
  options?: readonly InteractionOption[] | undefined;
}

function isSubcommand(o: InteractionOption): boolean {
  return (
    o.type === ApplicationCommandOptionType.Subcommand ||
    o.type === ApplicationCommandOptionType.SubcommandGroup
  );
}

function word(option: InteractionOption, shape: OptionShape | undefined): string {
  const { value } = option;
  if (value === undefined) return "";
  if (typeof value === "boolean" || shape?.type === "boolean") return value === true ? option.name : "";
  return String(value).replace(/\s+/g, " ").trim();
}

/**
 * A boolean option is a trailing word of the text command ("/subscribe tariffs alerts"). When it is off, a value
 * that itself ends in that word ("security alerts") would turn it on: the word moves to the front instead, which
 * names the same topic (its words are unordered).
 */
function keepFlagOff(out: string[], flag: string): void {
  const last = out.findLastIndex((v) => v !== "");
  const value = out[last];
  if (value === undefined) return;
  const m = new RegExp(`^(.*?\\S)((?:\\s+${flag})+)$`, "i").exec(value);
  if (m?.[1] && m[2]) out[last] = `${m[2].trim()} ${m[1]}`;
}

/** Values in the order the command's definition lists its options (users may fill them in any order). */
function words(given: readonly InteractionOption[], shapes: readonly OptionShape[]): string[] {
  const out: string[] = [];
  for (const shape of shapes) {
    const option = given.find((o) => o.name === shape.name);
    const value = option ? word(option, shape) : "";
    if (shape.type === "boolean" && value === "") keepFlagOff(out, shape.name);
    if (option) out.push(value);
  }
  // Options the current shape does not know (commands registered by another version) still reach the core.
  for (const option of given) {
    if (!shapes.some((s) => s.name === option.name) && !isSubcommand(option))
      out.push(word(option, undefined));
  }
  return out;
}

/**
 * The text command for a slash command and its options, as typed in the terminal:
 * `/brief topic:tariffs since:7d` → "/brief tariffs 7d", `/digest set time:08:00` → "/digest 08:00",
 * `/subscribe topic:tariffs alerts:true` → "/subscribe tariffs alerts".
 */
export function commandLine(
  commandName: string,
  options: readonly InteractionOption[],
  shape: CommandShape | undefined = findShape(commandName),
): string {
  const parts: string[] = [`/${commandName}`];
  const sub = options.find(isSubcommand);
  if (sub) {
    const subShape = shape?.subcommands.find((s) => s.name === sub.name);
    parts.push(subShape ? subShape.words : sub.name);
    parts.push(...words(sub.options ?? [], subShape?.options ?? []));
  } else {
    parts.push(...words(options, shape?.options ?? []));
  }
  return parts.filter((p) => p !== "").join(" ");
}
