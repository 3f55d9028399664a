import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { App, type Logger as BoltLogger, SocketModeReceiver, webApi } from "@slack/bolt";
import type { CoreDeps } from "../../core/deps.js";
import type { handleCommand } from "../../core/engine.js";
import { describeError, NewsdeskError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import type { RunningAdapter } from "../adapter.js";
import { boltLogger } from "./bolt-logger.js";
import type { SlackConfig } from "./config.js";
import { registerHandlers } from "./handlers.js";
import { createHttpReceiver, guardMalformed } from "./http-receiver.js";
import { AdminCheck } from "./permissions.js";
import { SlackPoster } from "./poster.js";
import { callWithRetry, type RetryDeps, realSleep, slackErrorDetail } from "./retry.js";
import { type SocketSupervisor, superviseSocket } from "./socket-reconnect.js";

type RetryOptions = NonNullable<webApi.WebClientOptions["retryConfig"]>;

export interface StartSlackOptions {
  config: SlackConfig;
  deps: CoreDeps;
  logger: Logger;
  /** WebClient retries of failed requests (network errors, 5xx); rate limits are handled by newsdesk. */
  retryConfig?: RetryOptions;
  /** How to wait for Retry-After; tests record the waits instead. */
  sleep?: (ms: number) => Promise<void>;
  /** Answers a command; handleCommand unless a test replaces it. */
  run?: typeof handleCommand;
  /** Socket Mode: how long to wait for a pong (ms). Default 5000. */
  socketPingTimeoutMs?: number;
  /** Socket Mode: the wait after a failed reconnection, doubled after each further failure (ms). Default 1000. */
  socketReconnectDelayMs?: number;
}

export interface SlackAdapter extends RunningAdapter {
  poster: SlackPoster;
  /** HTTP mode: the port the events endpoint listens on. */
  port?: number;
}

/** How long `stop()` waits for answers still being written. */
const DRAIN_MS = 10_000;
/** Longest wait between two Socket Mode reconnection attempts. */
const MAX_RECONNECT_DELAY_MS = 60_000;

/** Checks the bot token with auth.test: a clear startup error instead of failures on the first command. */
async function whoAmI(client: InstanceType<typeof webApi.WebClient>, config: SlackConfig, retry: RetryDeps) {
  try {
    const auth = await callWithRetry("auth.test", {}, () => client.auth.test(), retry);
    if (!auth.user_id || !auth.bot_id) {
      throw new NewsdeskError(
        "CONFIG_INVALID",
        "SLACK_BOT_TOKEN is not a bot token: auth.test named no bot user.",
      );
    }
    return { botUserId: auth.user_id, botId: auth.bot_id, teamId: auth.team_id };
  } catch (err) {
    if (err instanceof NewsdeskError) throw err;
    const detail = slackErrorDetail(err);
    const platform = (err as { code?: unknown }).code === webApi.ErrorCode.PlatformError;
    throw new NewsdeskError(
      "CONFIG_INVALID",
      platform
        ? `Slack refused SLACK_BOT_TOKEN (${detail}): set it to the app's Bot User OAuth Token (xoxb-…).`
        : `Could not reach the Slack Web API at ${config.apiUrl} (${detail}): check SLACK_API_URL and the network.`,
      { cause: err },
    );
  }
}

function receiverFor(
  config: SlackConfig,
  logger: BoltLogger,
  retryConfig: RetryOptions,
  pingTimeoutMs?: number,
) {
  if (config.mode === "http") return createHttpReceiver(config, logger);
  return new SocketModeReceiver({
    appToken: config.appToken ?? "",
    logger,
    // Reconnection is superviseSocket's: the client's own ends in an unhandled rejection when an attempt fails.
    autoReconnectEnabled: false,
    ...(pingTimeoutMs ? { clientPingTimeout: pingTimeoutMs } : {}),
    installerOptions: { clientOptions: { slackApiUrl: config.apiUrl, retryConfig } },
  });
}

/**
 * Connects newsdesk to Slack (Socket Mode or HTTP, per config) and serves every command, mention and direct
 * message until `stop()`. Resolves once connected (Socket Mode) or listening (HTTP). Throws CONFIG_INVALID when
 * Slack refuses the bot token.
 */
export async function startSlack(options: StartSlackOptions): Promise<SlackAdapter> {
  const { config, deps, logger } = options;
  const sleep = options.sleep ?? realSleep;
  const bolt = boltLogger(logger);
  const retryConfig = options.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes;
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.apiUrl,
    retryConfig,
    rejectRateLimitedCalls: true,
    logger: bolt,
  };
  const probe = new webApi.WebClient(config.botToken, clientOptions);
  const me = await whoAmI(probe, config, { sleep, logger });

  const receiver = receiverFor(config, bolt, retryConfig, options.socketPingTimeoutMs);
  const app = new App({
    token: config.botToken,
    botId: me.botId,
    botUserId: me.botUserId,
    receiver,
    logger: bolt,
    clientOptions,
  });
  app.error(async (err) => {
    logger.error({ error: slackErrorDetail(err) }, "Slack listener failed");
  });
  if (config.mode === "http") guardMalformed(receiver as ReturnType<typeof createHttpReceiver>, app);

  const retryDeps = { sleep, logger };
  const poster = new SlackPoster({ client: app.client, ...retryDeps });
  const admins = new AdminCheck({ client: app.client, now: deps.now, ...retryDeps });
  const handlers = registerHandlers(app, {
    core: deps,
    poster,
    admins,
    respond: retryDeps,
    logger,
    ...(options.run ? { run: options.run } : {}),
  });

  let server: Server | undefined;
  let supervisor: SocketSupervisor | undefined;
  if (receiver instanceof SocketModeReceiver) {
    await receiver.start().catch(async (err: unknown) => {
      await receiver.client.disconnect();
      const detail = slackErrorDetail(err);
      throw new NewsdeskError(
        "CONFIG_INVALID",
        `Could not open the Socket Mode connection (${detail}): set SLACK_APP_TOKEN to an app-level token with connections:write.`,
        { cause: err },
      );
    });
    supervisor = superviseSocket(receiver.client, {
      logger,
      baseDelayMs: options.socketReconnectDelayMs ?? 1000,
      maxDelayMs: MAX_RECONNECT_DELAY_MS,
    });
  } else {
    const listen = config.host ? { port: config.port, host: config.host } : { port: config.port };
    server = await receiver.start(listen).catch((err: unknown) => {
      throw new NewsdeskError(
        "CONFIG_INVALID",
        `Could not listen for Slack on ${config.host ?? "port"} ${config.port} (${describeError(err)}): set SLACK_PORT (or SLACK_HOST) to a free address.`,
        { cause: err },
      );
    });
  }
  const port = server ? (server.address() as AddressInfo).port : undefined;
  logger.info({ mode: config.mode, team: me.teamId, port }, "Slack connected");

  let stopped = false;
  return {
    name: "slack",
    poster,
    ...(port !== undefined ? { port } : {}),
    async stop() {
      if (stopped) return;
      stopped = true;
      if (receiver instanceof SocketModeReceiver) {
        supervisor?.stop();
        await receiver.client.disconnect();
      } else {
        // Every request was acknowledged at once: nothing is lost by dropping kept-alive connections.
        const closed = receiver.stop();
        server?.closeAllConnections();
        await closed;
      }
      await handlers.drain(DRAIN_MS);
    },
  };
}
