import {
  type APIApplicationCommandBasicOption,
  type APIApplicationCommandSubcommandOption,
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import { MAX_ARGUMENT_LENGTH } from "../../core/commands/parse.js";
import { COMMANDS, type CommandSpec } from "../../core/commands/registry.js";
import { type CommandShape, commandShape, type OptionShape, type SubcommandShape } from "./command-shapes.js";

export type CommandDefinition = RESTPostAPIChatInputApplicationCommandsJSONBody;

/** Manage Channels, as the decimal bit string Discord expects in `default_member_permissions`. */
export const MANAGE_CHANNELS = PermissionFlagsBits.ManageChannels.toString();

function optionJson(option: OptionShape): APIApplicationCommandBasicOption {
  if (option.type === "boolean") {
    return {
      type: ApplicationCommandOptionType.Boolean,
      name: option.name,
      description: option.description,
      required: option.required === true,
    };
  }
  const base = {
    type: ApplicationCommandOptionType.String as const,
    name: option.name,
    description: option.description,
    required: option.required === true,
    max_length: MAX_ARGUMENT_LENGTH,
  };
  if (option.choices) return { ...base, choices: option.choices.map((c) => ({ name: c, value: c })) };
  if (option.autocomplete) return { ...base, autocomplete: true };
  return base;
}

/** Discord wants required options before optional ones. */
function ordered(options: OptionShape[]): OptionShape[] {
  return [...options.filter((o) => o.required), ...options.filter((o) => !o.required)];
}

function subcommandJson(sub: SubcommandShape): APIApplicationCommandSubcommandOption {
  return {
    type: ApplicationCommandOptionType.Subcommand,
    name: sub.name,
    description: sub.description,
    options: ordered(sub.options).map(optionJson),
  };
}

/** The application command JSON for one command shape. */
export function definitionOf(shape: CommandShape): CommandDefinition {
  const definition: CommandDefinition = {
    type: ApplicationCommandType.ChatInput,
    name: shape.name,
    description: shape.description,
    options:
      shape.subcommands.length > 0
        ? shape.subcommands.map(subcommandJson)
        : ordered(shape.options).map(optionJson),
    // Installed in servers; usable there and in the bot's DMs (where the DM's user sets up their own DM channel).
    integration_types: [ApplicationIntegrationType.GuildInstall],
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  };
  // Channel setup is hidden from members without Manage Channels by default; server admins can widen it in
  // Server Settings → Integrations. The permission is checked again when the command runs.
  if (shape.manageChannel) definition.default_member_permissions = MANAGE_CHANNELS;
  return definition;
}

/** Every registry command as application command JSON, for the registration PUT. */
export function commandDefinitions(commands: readonly CommandSpec[] = COMMANDS): CommandDefinition[] {
  return commands.map((spec) => definitionOf(commandShape(spec)));
}
