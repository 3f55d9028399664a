/** Starts the real Discord adapter (discord.js) against the fake Discord, and stops both after each test. */
import { afterEach, beforeAll } from "vitest";
import type { RunningAdapter } from "../../src/adapters/adapter.js";
import { type DiscordStartOptions, startDiscord } from "../../src/adapters/discord/start.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { silentLogger } from "../../src/logger.js";
import { demoDeps } from "./demo-store.js";
import {
  FAKE_APP_ID,
  FAKE_TOKEN,
  type FakeDiscord,
  type FakeDiscordOptions,
  type RecordedRequest,
  startFakeDiscord,
} from "./fake-discord.js";
import { GUILD_ID } from "./fake-discord-payloads.js";

export type BotOptions = Partial<Omit<DiscordStartOptions, "deps">>;

export async function startBot(
  fake: FakeDiscord,
  deps: CoreDeps,
  options: BotOptions = {},
): Promise<RunningAdapter> {
  return startDiscord({
    config: { token: FAKE_TOKEN, applicationId: FAKE_APP_ID, guildId: GUILD_ID, apiUrl: fake.apiUrl },
    deps,
    logger: silentLogger,
    rest: { retries: 1, timeout: 5000 },
    ...options,
  });
}

export interface BotTestEnv {
  /** The demo store's deps, opened before the file's tests. */
  deps: CoreDeps;
  /** The fake Discord the running test started, if any: closed after each test. */
  fake: FakeDiscord | null;
  /** The bot the running test started, if any: stopped after each test. */
  bot: RunningAdapter | null;
  /** Starts a fake Discord and the bot against it, with the file's default options and then `options`. */
  setup(options?: BotOptions, fakeOptions?: FakeDiscordOptions): Promise<FakeDiscord>;
}

/** The demo deps, a fake Discord and a bot for the tests of the calling file, with the hooks that open and stop them. */
export function useBotTestEnv(defaults: BotOptions = {}): BotTestEnv {
  const env: BotTestEnv = {
    deps: undefined as unknown as CoreDeps,
    fake: null,
    bot: null,
    async setup(options = {}, fakeOptions = {}) {
      const fake = await startFakeDiscord(fakeOptions);
      env.fake = fake;
      env.bot = await startBot(fake, env.deps, { ...defaults, ...options });
      return fake;
    },
  };
  beforeAll(async () => {
    env.deps = await demoDeps();
  });
  afterEach(async () => {
    await env.bot?.stop();
    await env.fake?.close();
    env.bot = null;
    env.fake = null;
  });
  return env;
}

/** Requests made for one interaction (its callback, and webhook edits and follow-ups with its token). */
export function requestsFor(fake: FakeDiscord, token: string): RecordedRequest[] {
  return fake.requests.filter((r) => r.path.split("/").includes(token));
}

export interface SentMessage {
  embeds: Array<Record<string, unknown>>;
  allowed_mentions?: { parse?: unknown[] };
  flags?: number;
}

/** The message in a callback (`data`) or in a webhook edit / follow-up body. */
export function messageOf(request: RecordedRequest): SentMessage {
  const body = request.body as { data?: SentMessage } & SentMessage;
  return request.path.endsWith("/callback") ? (body.data as SentMessage) : body;
}
