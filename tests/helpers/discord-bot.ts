/** Starts the real Discord adapter (discord.js) against the fake Discord, and stops both after each test. */
import type { RunningAdapter } from "../../src/adapters/adapter.js";
import { type DiscordStartOptions, startDiscord } from "../../src/adapters/discord/start.js";
import type { CoreDeps } from "../../src/core/deps.js";
import { silentLogger } from "../../src/logger.js";
import { FAKE_APP_ID, FAKE_TOKEN, type FakeDiscord, type RecordedRequest } from "./fake-discord.js";
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
