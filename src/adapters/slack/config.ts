import { NewsdeskError } from "../../errors.js";

/** How Slack reaches newsdesk: a WebSocket newsdesk opens (no public URL needed) or HTTP requests to /slack/events. */
export type SlackMode = "socket" | "http";

/** The Slack adapter's settings, read from the environment (see docs/slack-setup.md). */
export interface SlackConfig {
  mode: SlackMode;
  /** Bot token, xoxb-… (SLACK_BOT_TOKEN): every Web API call. */
  botToken: string;
  /** App-level token, xapp-… (SLACK_APP_TOKEN): opens the Socket Mode connection. Set in socket mode. */
  appToken?: string;
  /** Signing secret (SLACK_SIGNING_SECRET): verifies HTTP requests. Set in HTTP mode. */
  signingSecret?: string;
  /** Port of the HTTP endpoint (SLACK_PORT); HTTP mode only. 0 picks a free port (tests). */
  port: number;
  /** Interface to listen on (SLACK_HOST); undefined listens on all interfaces. HTTP mode only. */
  host?: string;
  /** Web API base URL ending in "/" (SLACK_API_URL), e.g. https://slack.com/api/. */
  apiUrl: string;
}

export const DEFAULT_SLACK_API_URL = "https://slack.com/api/";
export const DEFAULT_SLACK_PORT = 3000;
export const SLACK_EVENTS_PATH = "/slack/events";

const VARIABLES = [
  "SLACK_APP_TOKEN",
  "SLACK_SIGNING_SECRET",
  "SLACK_MODE",
  "SLACK_PORT",
  "SLACK_HOST",
  "SLACK_API_URL",
];

function invalid(message: string): NewsdeskError {
  return new NewsdeskError("CONFIG_INVALID", message);
}

function read(env: NodeJS.ProcessEnv, name: string): string {
  return (env[name] ?? "").trim();
}

function shown(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 40)}…` : raw;
}

function token(env: NodeJS.ProcessEnv, name: string, prefix: string, what: string): string | undefined {
  const raw = read(env, name);
  if (raw === "") return undefined;
  if (!raw.startsWith(prefix) || /\s/.test(raw)) {
    throw invalid(
      `Set ${name} to the ${what}, which starts with "${prefix}" (got "${shown(raw.slice(0, 5))}…").`,
    );
  }
  return raw;
}

function port(env: NodeJS.ProcessEnv): number {
  const raw = read(env, "SLACK_PORT");
  if (raw === "") return DEFAULT_SLACK_PORT;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isInteger(n) || n < 1 || n > 65535) {
    throw invalid(`Set SLACK_PORT to a port number between 1 and 65535 (got "${shown(raw)}").`);
  }
  return n;
}

function apiUrl(env: NodeJS.ProcessEnv): string {
  const raw = read(env, "SLACK_API_URL");
  if (raw === "") return DEFAULT_SLACK_API_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(
      `Set SLACK_API_URL to an http(s) URL such as ${DEFAULT_SLACK_API_URL} (got "${shown(raw)}").`,
    );
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(
      `Set SLACK_API_URL to an http(s) URL such as ${DEFAULT_SLACK_API_URL} (got "${shown(raw)}").`,
    );
  }
  if (url.search || url.hash || url.username || url.password) {
    throw invalid(`Set SLACK_API_URL without a query, fragment or credentials (got "${shown(raw)}").`);
  }
  // Method names are appended to it ("…/api/" + "chat.postMessage"), so it must end with a slash.
  return url.toString().replace(/\/*$/, "/");
}

function mode(
  env: NodeJS.ProcessEnv,
  appToken: string | undefined,
  signingSecret: string | undefined,
): SlackMode {
  const raw = read(env, "SLACK_MODE").toLowerCase();
  if (raw !== "" && raw !== "socket" && raw !== "http") {
    throw invalid(`Set SLACK_MODE to "socket" or "http", or leave it unset (got "${shown(raw)}").`);
  }
  const chosen: SlackMode | undefined =
    raw === "socket" || raw === "http" ? raw : appToken ? "socket" : signingSecret ? "http" : undefined;
  if (chosen === undefined) {
    throw invalid(
      "SLACK_BOT_TOKEN is set but neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is: set one of them.",
    );
  }
  if (chosen === "socket" && !appToken) {
    throw invalid(
      "SLACK_MODE is socket: set SLACK_APP_TOKEN to the app-level token (xapp-…) with connections:write.",
    );
  }
  if (chosen === "http" && !signingSecret) {
    throw invalid(
      "SLACK_MODE is http: set SLACK_SIGNING_SECRET to the app's signing secret (Basic Information).",
    );
  }
  return chosen;
}

/**
 * The Slack settings, or null when SLACK_BOT_TOKEN is not set (Slack is not configured). Throws a CONFIG_INVALID
 * error naming the variable to fix when Slack is half configured or a value is malformed.
 */
export function loadSlackConfig(env: NodeJS.ProcessEnv = process.env): SlackConfig | null {
  const botToken = token(env, "SLACK_BOT_TOKEN", "xoxb-", "bot token (OAuth & Permissions)");
  if (botToken === undefined) {
    const other = VARIABLES.find((n) => read(env, n) !== "");
    if (other)
      throw invalid(
        `${other} is set but SLACK_BOT_TOKEN is not: set SLACK_BOT_TOKEN to the bot token (xoxb-…).`,
      );
    return null;
  }
  const appToken = token(env, "SLACK_APP_TOKEN", "xapp-", "app-level token (Basic Information)");
  const signingSecret = read(env, "SLACK_SIGNING_SECRET") || undefined;
  if (signingSecret !== undefined && /\s/.test(signingSecret)) {
    throw invalid("Set SLACK_SIGNING_SECRET to the app's signing secret (it contains white space).");
  }
  const config: SlackConfig = {
    mode: mode(env, appToken, signingSecret),
    botToken,
    port: port(env),
    apiUrl: apiUrl(env),
  };
  if (appToken) config.appToken = appToken;
  if (signingSecret) config.signingSecret = signingSecret;
  const host = read(env, "SLACK_HOST");
  if (host) {
    if (/[\s/]/.test(host))
      throw invalid(`Set SLACK_HOST to a host name or IP address (got "${shown(host)}").`);
    config.host = host;
  }
  return config;
}
