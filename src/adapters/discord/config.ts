import { NewsdeskError } from "../../errors.js";

/** The Discord adapter's settings, read from the environment (see docs/discord-setup.md). */
export interface DiscordConfig {
  /** Bot token (DISCORD_TOKEN). */
  token: string;
  /** Application id (DISCORD_APPLICATION_ID): the owner of the slash commands. */
  applicationId: string;
  /** Guild to register the commands in (DISCORD_GUILD_ID); null registers them globally. */
  guildId: string | null;
  /** REST base URL without the version (DISCORD_API_URL), e.g. https://discord.com/api. */
  apiUrl: string;
}

export const DEFAULT_DISCORD_API_URL = "https://discord.com/api";

/** Discord ids are snowflakes: 64-bit integers written in decimal. */
const SNOWFLAKE = /^\d{17,20}$/;

function invalid(message: string): NewsdeskError {
  return new NewsdeskError("CONFIG_INVALID", message);
}

function snowflake(env: NodeJS.ProcessEnv, name: string, what: string): string | null {
  const raw = env[name]?.trim() ?? "";
  if (raw === "") return null;
  if (!SNOWFLAKE.test(raw)) {
    throw invalid(`Set ${name} to the ${what} (a number of 17 to 20 digits; got "${raw.slice(0, 40)}").`);
  }
  return raw;
}

function apiUrl(env: NodeJS.ProcessEnv): string {
  const raw = env.DISCORD_API_URL?.trim() ?? "";
  if (raw === "") return DEFAULT_DISCORD_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`Set DISCORD_API_URL to an http(s) URL such as ${DEFAULT_DISCORD_API_URL} (got "${raw}").`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(`Set DISCORD_API_URL to an http(s) URL such as ${DEFAULT_DISCORD_API_URL} (got "${raw}").`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalid(`Set DISCORD_API_URL without a query, fragment or credentials (got "${raw}").`);
  }
  const base = url.toString().replace(/\/+$/, "");
  if (/\/v\d+$/.test(base)) {
    throw invalid(
      `Set DISCORD_API_URL without the API version: newsdesk adds /v10 itself (got "${raw}", try "${base.replace(/\/v\d+$/, "")}").`,
    );
  }
  return base;
}

/**
 * The Discord settings, or null when DISCORD_TOKEN is not set (Discord is not configured). Throws a CONFIG_INVALID
 * error naming the variable to fix when Discord is half configured or a value is malformed.
 */
export function loadDiscordConfig(env: NodeJS.ProcessEnv = process.env): DiscordConfig | null {
  const token = (env.DISCORD_TOKEN ?? "").trim().replace(/^Bot\s+/i, "");
  if (token === "") {
    const other = ["DISCORD_APPLICATION_ID", "DISCORD_GUILD_ID"].find((n) => (env[n] ?? "").trim() !== "");
    if (other)
      throw invalid(`${other} is set but DISCORD_TOKEN is not: set DISCORD_TOKEN to the bot's token.`);
    return null;
  }
  if (/\s/.test(token)) throw invalid("Set DISCORD_TOKEN to the bot's token (it contains white space).");
  const applicationId = snowflake(env, "DISCORD_APPLICATION_ID", "application id from the Developer Portal");
  if (!applicationId) {
    throw invalid(
      "Set DISCORD_APPLICATION_ID to the application id from the Discord Developer Portal (General Information).",
    );
  }
  return {
    token,
    applicationId,
    guildId: snowflake(env, "DISCORD_GUILD_ID", "id of the server (guild) to register the commands in"),
    apiUrl: apiUrl(env),
  };
}
