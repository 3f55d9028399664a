/** Starts the real Slack adapter against a FakeSlack, and speaks to it the way Slack does. */
import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, beforeAll, beforeEach } from "vitest";
import type { SlackConfig } from "../../src/adapters/slack/config.js";
import { type SlackAdapter, type StartSlackOptions, startSlack } from "../../src/adapters/slack/start.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { demoDeps } from "./demo-store.js";
import {
  APP_TOKEN,
  BOT_TOKEN,
  BOT_USER,
  FakeSlack,
  type Json,
  SIGNING_SECRET,
  slackSignature,
  TEAM,
} from "./fake-slack.js";

/** A pino logger that keeps its lines, to assert on what was logged. */
export function memoryLogger() {
  const lines: Json[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      for (const line of String(chunk).split("\n").filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: "warn" }, stream), lines };
}

export interface TestApp {
  adapter: SlackAdapter;
  /** Waits newsdesk asked for (Retry-After), in ms; nothing actually waits. */
  sleeps: number[];
  logs: Json[];
}

export async function startTestApp(
  fake: FakeSlack,
  deps: CoreDeps,
  mode: "http" | "socket" = "http",
  extra: Partial<StartSlackOptions> = {},
): Promise<TestApp> {
  const config: SlackConfig =
    mode === "http"
      ? {
          mode,
          botToken: BOT_TOKEN,
          signingSecret: SIGNING_SECRET,
          port: 0,
          host: "127.0.0.1",
          apiUrl: fake.apiUrl,
        }
      : { mode, botToken: BOT_TOKEN, appToken: APP_TOKEN, port: 0, apiUrl: fake.apiUrl };
  const sleeps: number[] = [];
  const { logger, lines } = memoryLogger();
  const adapter = await startSlack({
    config,
    deps,
    logger,
    retryConfig: { retries: 0 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...extra,
  });
  return { adapter, sleeps, logs: lines };
}

export interface SlackTestEnv {
  /** The demo store's deps, opened before the file's tests. */
  deps: CoreDeps;
  /** A new FakeSlack for each test (accepting Socket Mode connections when asked): closed after it. */
  fake: FakeSlack;
  /** The app the running test started, if any: stopped after each test. */
  app: TestApp | undefined;
}

/** The demo deps, a FakeSlack and the app under test for the tests of the calling file, with their hooks. */
export function useSlackTestEnv(options: { socket?: boolean } = {}): SlackTestEnv {
  const env: SlackTestEnv = {
    deps: undefined as unknown as CoreDeps,
    fake: undefined as unknown as FakeSlack,
    app: undefined,
  };
  beforeAll(async () => {
    env.deps = await demoDeps();
  });
  beforeEach(async () => {
    env.fake = await FakeSlack.start();
    if (options.socket) await env.fake.startSocket();
  });
  afterEach(async () => {
    await env.app?.adapter.stop();
    env.app = undefined;
    await env.fake.close();
  });
  return env;
}

/** The form body Slack posts for a slash command. */
export function slashBody(command: string, text: string, responseUrl: string, user = "U0USER01"): string {
  return new URLSearchParams({
    token: "verification-token",
    team_id: TEAM,
    team_domain: "newsroom",
    channel_id: "C0CHAN01",
    channel_name: "general",
    user_id: user,
    user_name: "ana",
    command,
    text,
    api_app_id: "A0TEST",
    is_enterprise_install: "false",
    response_url: responseUrl,
    trigger_id: "1.2.3",
  }).toString();
}

/** The JSON body of an Events API callback. */
export function eventBody(event: Json, eventId: string): string {
  return JSON.stringify({
    token: "verification-token",
    team_id: TEAM,
    api_app_id: "A0TEST",
    type: "event_callback",
    event_id: eventId,
    event_time: 1_700_000_000,
    authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
    event,
  });
}

export interface PostOptions {
  contentType?: string;
  /** Seconds; default now. */
  timestamp?: number;
  secret?: string;
  /** Send no signature headers at all. */
  unsigned?: boolean;
}

/** POSTs to the app's /slack/events the way Slack does, signed unless told otherwise. */
export async function postToApp(app: TestApp, body: string, options: PostOptions = {}) {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const headers: Record<string, string> = {
    "content-type": options.contentType ?? "application/x-www-form-urlencoded",
    ...(options.unsigned ? {} : slackSignature(body, timestamp, options.secret)),
  };
  const started = Date.now();
  const res = await fetch(`http://127.0.0.1:${app.adapter.port}/slack/events`, {
    method: "POST",
    headers,
    body,
  });
  await res.text();
  return { status: res.status, ms: Date.now() - started };
}
