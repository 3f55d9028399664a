import { DiscordAPIError, HTTPError, RateLimitError, REST, type RESTOptions, Routes } from "discord.js";
import { describeError, NewsdeskError } from "../../errors.js";
import { type CommandDefinition, commandDefinitions } from "./command-definitions.js";
import type { DiscordConfig } from "./config.js";

export interface Registration {
  count: number;
  /** Guild commands appear at once; global ones can take a while to reach every client. */
  scope: "guild" | "global";
}

/** A REST client for the configured API base URL and token. */
export function restFor(config: DiscordConfig, options: Partial<RESTOptions> = {}): REST {
  return new REST({ ...options, api: config.apiUrl }).setToken(config.token);
}

type RegisterConfig = Pick<DiscordConfig, "applicationId" | "guildId"> &
  Partial<Pick<DiscordConfig, "apiUrl">>;

/** Turns Discord's answers that mean "fix your settings" into a message naming the variable. */
function explain(err: unknown, config: RegisterConfig): unknown {
  if (err instanceof NewsdeskError || err instanceof HTTPError || err instanceof RateLimitError) return err;
  if (!(err instanceof DiscordAPIError)) {
    // No HTTP answer at all: a wrong address, DNS, a firewall or a timeout.
    return new NewsdeskError(
      "CONFIG_INVALID",
      `Could not reach the Discord API${config.apiUrl ? ` at ${config.apiUrl}` : ""} (${describeError(err)}): check DISCORD_API_URL (leave it unset for Discord itself) and the network.`,
      { cause: err },
    );
  }
  if (err.status === 401) {
    return new NewsdeskError(
      "CONFIG_INVALID",
      "Discord rejected DISCORD_TOKEN: set it to the bot's current token.",
      {
        cause: err,
      },
    );
  }
  if (err.status === 403 || err.status === 404) {
    const where = config.guildId
      ? "and DISCORD_GUILD_ID (is the bot invited to that server with the applications.commands scope?)"
      : "";
    return new NewsdeskError(
      "CONFIG_INVALID",
      `Discord refused to register the commands (${err.message}): check DISCORD_APPLICATION_ID ${where}`.trim(),
      { cause: err },
    );
  }
  return err;
}

/**
 * Replaces the application's slash commands with newsdesk's (one PUT): in DISCORD_GUILD_ID when set, globally
 * otherwise. Safe to repeat: Discord keeps commands whose definition did not change.
 */
export async function registerCommands(
  rest: REST,
  config: RegisterConfig,
  commands: CommandDefinition[] = commandDefinitions(),
): Promise<Registration> {
  const route = config.guildId
    ? Routes.applicationGuildCommands(config.applicationId, config.guildId)
    : Routes.applicationCommands(config.applicationId);
  try {
    const result = (await rest.put(route, { body: commands })) as unknown[];
    return {
      count: Array.isArray(result) ? result.length : commands.length,
      scope: config.guildId ? "guild" : "global",
    };
  } catch (err) {
    throw explain(err, config);
  }
}
