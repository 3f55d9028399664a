import {
  type AutocompleteInteraction,
  type BaseInteraction,
  type ChatInputCommandInteraction,
  PermissionFlagsBits,
} from "discord.js";
import { channelOfContext } from "../../core/channel-ref.js";
import type { CommandContext, CoreDeps } from "../../core/deps.js";
import { handleCommand } from "../../core/engine.js";
import { errorReply, type Reply } from "../../core/reply.js";
import { describeError } from "../../errors.js";
import { type Choice, sourceOf, suggest } from "./autocomplete.js";
import { commandLine } from "./options-to-command.js";
import { InteractionResponder } from "./responder.js";

/** How a command is answered: the core's `handleCommand` (replaceable in tests). */
export type AnswerFn = (text: string, context: CommandContext, deps: CoreDeps) => Promise<Reply>;

export interface InteractionOptions {
  deps: CoreDeps;
  /** Defer when no answer is ready after this many ms (Discord wants a response within 3 s); 0 defers at once. */
  deferAfterMs: number;
  /** At most one progress edit per this many ms. */
  progressIntervalMs: number;
  answer?: AnswerFn;
}

/**
 * Who asked and where (the guild is the workspace; a DM has none). Channel setup needs Manage Channels in the
 * channel (Administrator implies it); in a DM with the bot, the DM's user may set up that DM.
 */
export function contextOf(interaction: BaseInteraction): CommandContext {
  const inGuild = interaction.guildId !== null;
  const context: CommandContext = {
    platform: "discord",
    userId: interaction.user.id,
    canManageChannel: inGuild
      ? interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) === true
      : true,
  };
  if (interaction.guildId) context.workspaceId = interaction.guildId;
  if (interaction.channelId) context.channelId = interaction.channelId;
  return context;
}

/** Answers a slash command: the core's Reply as embeds, deferred when it takes long, errors only to the caller. */
export async function handleChatInput(
  interaction: ChatInputCommandInteraction,
  options: InteractionOptions,
): Promise<void> {
  const { deps } = options;
  const text = commandLine(interaction.commandName, interaction.options.data);
  const responder = new InteractionResponder(interaction, options.progressIntervalMs, deps.logger);
  const context = contextOf(interaction);
  context.onProgress = (partial) => responder.progress(partial);
  let timer: NodeJS.Timeout | null = null;
  if (options.deferAfterMs <= 0) responder.defer();
  else timer = setTimeout(() => responder.defer(), options.deferAfterMs);
  let reply: Reply;
  try {
    reply = await (options.answer ?? handleCommand)(text, context, deps);
  } catch (err) {
    deps.logger.error({ err, command: interaction.commandName }, "discord command failed");
    reply = errorReply(
      `Something went wrong while running /${interaction.commandName}: ${describeError(err)}`,
      "failed",
    );
  } finally {
    if (timer) clearTimeout(timer);
  }
  await responder.finish(reply);
}

/** Answers an autocomplete request with choices from the store (none when the option has no source). */
export async function handleAutocomplete(
  interaction: AutocompleteInteraction,
  options: Pick<InteractionOptions, "deps">,
): Promise<void> {
  const { logger, store } = options.deps;
  let choices: Choice[] = [];
  try {
    const focused = interaction.options.getFocused(true);
    const source = sourceOf(interaction.commandName, interaction.options.getSubcommand(false), focused.name);
    if (source)
      choices = await suggest(source, String(focused.value), store, channelOfContext(contextOf(interaction)));
  } catch (err) {
    logger.warn({ err, command: interaction.commandName }, "discord autocomplete failed");
  }
  try {
    await interaction.respond(choices);
  } catch (err) {
    logger.warn({ err, command: interaction.commandName }, "discord autocomplete response failed");
  }
}
