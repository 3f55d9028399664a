import { once } from "node:events";
import { Client, DiscordjsErrorCodes, Events, GatewayIntentBits, type RESTOptions } from "discord.js";
import type { CoreDeps } from "../../core/deps.js";
import { NewsdeskError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import type { RunningAdapter } from "../adapter.js";
import type { DiscordConfig } from "./config.js";
import { type AnswerFn, handleAutocomplete, handleChatInput } from "./interactions.js";
import { createChannelPoster } from "./poster.js";
import { registerCommands } from "./register.js";

export interface DiscordStartOptions {
  config: DiscordConfig;
  deps: CoreDeps;
  logger: Pick<Logger, "debug" | "info" | "warn" | "error">;
  /** Defer a command's reply when no answer is ready after this many ms (default 1500; 0 defers at once). */
  deferAfterMs?: number;
  /** At most one progress edit per this many ms (default 1000). */
  progressIntervalMs?: number;
  /** @discordjs/rest options (retries, timeout, offset); the API URL always comes from the config. */
  rest?: Partial<RESTOptions>;
  /** Replaces the core's handleCommand (tests). */
  answer?: AnswerFn;
  /** Give up starting when the gateway session is not ready after this many ms (default 60000). */
  readyTimeoutMs?: number;
}

const READY_TIMEOUT_MS = 60_000;

/** Slash commands arrive as interactions whatever the intents; Guilds keeps discord.js's guild and channel caches whole. */
const INTENTS = [GatewayIntentBits.Guilds];

function isTokenInvalid(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === DiscordjsErrorCodes.TokenInvalid;
}

/**
 * Waits for the gateway session; discord.js keeps reconnecting to a gateway it cannot reach, so without a limit
 * startup would wait (and log reconnections) forever.
 */
async function untilReady(
  connected: Promise<unknown>,
  timeoutMs: number,
  gateway: () => string | null,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const where = gateway()?.replace(/\/$/, "");
      reject(
        new NewsdeskError(
          "CONFIG_INVALID",
          `Could not open a session on the Discord gateway${where ? ` at ${where}` : ""} within ${timeoutMs / 1000} s: check that outbound WebSocket connections are allowed (and DISCORD_API_URL, which hands out the gateway address).`,
        ),
      );
    }, timeoutMs);
  });
  try {
    await Promise.race([connected, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Connects newsdesk to Discord: registers the slash commands (in DISCORD_GUILD_ID, or globally), logs in over the
 * gateway and answers commands and autocomplete until `stop()`. discord.js resumes or re-identifies by itself when
 * the connection drops, and retries REST calls rate-limited with 429 after their Retry-After.
 */
export async function startDiscord(options: DiscordStartOptions): Promise<RunningAdapter> {
  const { config, deps, logger } = options;
  const client = new Client({
    intents: INTENTS,
    rest: { ...options.rest, api: config.apiUrl },
    allowedMentions: { parse: [] },
  });
  client.rest.setToken(config.token);
  const interactionOptions = {
    deps,
    deferAfterMs: options.deferAfterMs ?? 1500,
    progressIntervalMs: options.progressIntervalMs ?? 1000,
    ...(options.answer ? { answer: options.answer } : {}),
  };

  client.on(Events.InteractionCreate, (interaction) => {
    const handled = interaction.isChatInputCommand()
      ? handleChatInput(interaction, interactionOptions)
      : interaction.isAutocomplete()
        ? handleAutocomplete(interaction, interactionOptions)
        : null;
    handled?.catch((err: unknown) => logger.error({ err }, "discord interaction failed"));
  });
  client.on(Events.ClientReady, (c) =>
    logger.info({ user: c.user.tag, guilds: c.guilds.cache.size }, "discord ready"),
  );
  client.on(Events.ShardReconnecting, (shard) => logger.warn({ shard }, "discord gateway reconnecting"));
  client.on(Events.ShardResume, (shard, replayed) =>
    logger.info({ shard, replayed }, "discord gateway resumed"),
  );
  client.on(Events.ShardReady, (shard) => logger.info({ shard }, "discord gateway session ready"));
  client.on(Events.ShardDisconnect, (event, shard) =>
    logger.error({ shard, code: event.code }, "discord gateway closed and will not reconnect"),
  );
  client.on(Events.ShardError, (err, shard) => logger.warn({ err, shard }, "discord gateway error"));
  client.on(Events.Error, (err) => logger.error({ err }, "discord client error"));
  client.on(Events.Warn, (message) => logger.warn({ message }, "discord warning"));

  try {
    const registration = await registerCommands(client.rest, config);
    logger.info(registration, "discord commands registered");
    const ready = once(client, Events.ClientReady);
    // A failed login is reported by login() itself; this only keeps the waiting promise from going unhandled.
    ready.catch(() => undefined);
    const connected = client.login(config.token).then(() => ready);
    // Handled by the race below; once it has timed out, a late failure has nothing left to report.
    connected.catch(() => undefined);
    await untilReady(connected, options.readyTimeoutMs ?? READY_TIMEOUT_MS, () => client.ws.gateway);
  } catch (err) {
    await client.destroy();
    if (isTokenInvalid(err)) {
      throw new NewsdeskError(
        "CONFIG_INVALID",
        "Discord rejected DISCORD_TOKEN: set it to the bot's current token.",
        {
          cause: err,
        },
      );
    }
    throw err;
  }

  return {
    name: "discord",
    poster: createChannelPoster(client.rest),
    async stop() {
      client.removeAllListeners();
      await client.destroy();
    },
  };
}
