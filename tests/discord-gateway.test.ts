import { expect, test } from "vitest";
import { startDiscord } from "../src/adapters/discord/start.js";
import { COMMANDS } from "../src/core/commands/registry.js";
import { silentLogger } from "../src/logger.js";
import { messageOf, useBotTestEnv } from "./helpers/discord-bot.js";
import {
  FAKE_APP_ID,
  type FakeDiscord,
  type GatewayFrame,
  startFakeDiscord,
} from "./helpers/fake-discord.js";
import { GUILD_ID } from "./helpers/fake-discord-payloads.js";

const discord = useBotTestEnv({ deferAfterMs: 60_000 });

const isOp = (op: number) => (f: GatewayFrame) => f.op === op;

/** Runs /topics and returns the title of the answer Discord received. */
async function answerTitle(f: FakeDiscord): Promise<unknown> {
  const { token } = f.interact({ name: "topics" });
  const callback = await f.waitForRequest((r) => r.path.endsWith(`/${token}/callback`));
  return messageOf(callback).embeds[0]?.title;
}

test("logs in with the Guilds intent only, uncompressed JSON v10, and its heartbeats are acknowledged", async () => {
  const f = await discord.setup();
  const identify = (await f.waitForFrame(isOp(2))).d as { intents: number; compress: boolean; token: string };
  expect(identify.intents).toBe(1);
  expect(identify.compress).toBe(false);
  expect(identify.token).toBe("fake.bot.token");
  expect(f.upgrades[0]).toBe("/gateway?v=10&encoding=json");
  await f.waitForFrame(isOp(1), 3000);
  expect(await answerTitle(f)).toBe("Topics");
});

test("registers every registry command in the guild at startup", async () => {
  const f = await discord.setup();
  const put = f.requests.find((r) => r.method === "PUT");
  expect(put?.path).toBe(`/applications/${FAKE_APP_ID}/guilds/${GUILD_ID}/commands`);
  expect(put?.headers.authorization).toBe("Bot fake.bot.token");
  const names = ((put?.body ?? []) as Array<{ name: string }>).map((c) => c.name);
  expect(names).toEqual(COMMANDS.map((c) => c.name));
  // Registration comes before the gateway connection, so the commands exist when the bot answers.
  expect(f.requests.indexOf(put as never)).toBeLessThan(
    f.requests.findIndex((r) => r.path === "/gateway/bot"),
  );
});

test("after the gateway drops the connection, the client resumes its session and keeps answering", async () => {
  const logged: string[] = [];
  const log = (_data: unknown, message?: string) => void logged.push(message ?? "");
  const logger = { debug: log, info: log, warn: log, error: log };
  const f = await discord.setup({ logger });
  const ready = (await f.waitForFrame(isOp(2))).d;
  expect(ready).toBeDefined();
  f.dropConnection();
  const resume = (await f.waitForFrame(isOp(6))).d as { session_id: string; seq: number };
  expect(resume.session_id).toBe("fake-session-1");
  expect(resume.seq).toBeGreaterThanOrEqual(1);
  expect(f.connections()).toBe(2);
  expect(await answerTitle(f)).toBe("Topics");
  expect(logged).toEqual(expect.arrayContaining(["discord gateway reconnecting", "discord gateway resumed"]));
});

test("when the session cannot be resumed, the client identifies again and keeps answering", async () => {
  const f = await discord.setup({}, { acceptResume: false });
  f.dropConnection();
  await f.waitForFrame(isOp(6));
  // discord.js spaces identifies of one bucket 5 s apart (plus jitter), as Discord's max_concurrency requires.
  await f.waitForFrame((fr) => fr.op === 2 && f.frames.filter(isOp(2)).length === 2, 12_000);
  expect(await answerTitle(f)).toBe("Topics");
  expect(f.frames.filter(isOp(2))).toHaveLength(2);
});

test("a rejected token stops startup with a message naming DISCORD_TOKEN", async () => {
  discord.fake = await startFakeDiscord();
  const config = {
    token: "wrong.token",
    applicationId: FAKE_APP_ID,
    guildId: null,
    apiUrl: discord.fake.apiUrl,
  };
  const started = startDiscord({ config, deps: discord.deps, logger: silentLogger, rest: { retries: 0 } });
  await expect(started).rejects.toMatchObject({
    code: "CONFIG_INVALID",
    message: expect.stringContaining("DISCORD_TOKEN"),
  });
  expect(discord.fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`)).toEqual([
    `PUT /applications/${FAKE_APP_ID}/commands 401`,
  ]);
});

test("an unreachable Discord API stops startup with a message naming DISCORD_API_URL", async () => {
  const gone = await startFakeDiscord();
  const apiUrl = gone.apiUrl;
  await gone.close();
  const config = { token: "fake.bot.token", applicationId: FAKE_APP_ID, guildId: null, apiUrl };
  const started = startDiscord({ config, deps: discord.deps, logger: silentLogger, rest: { retries: 0 } });
  await expect(started).rejects.toMatchObject({
    code: "CONFIG_INVALID",
    message: expect.stringContaining("DISCORD_API_URL"),
  });
});

test("a gateway that cannot be reached stops startup after readyTimeoutMs instead of waiting forever", async () => {
  discord.fake = await startFakeDiscord({ gatewayUrl: "ws://127.0.0.1:9/gateway" });
  const config = {
    token: "fake.bot.token",
    applicationId: FAKE_APP_ID,
    guildId: null,
    apiUrl: discord.fake.apiUrl,
  };
  const started = startDiscord({
    config,
    deps: discord.deps,
    logger: silentLogger,
    rest: { retries: 0 },
    readyTimeoutMs: 1500,
  });
  await expect(started).rejects.toMatchObject({
    code: "CONFIG_INVALID",
    message: expect.stringMatching(/gateway.*ws:\/\/127\.0\.0\.1:9\/gateway.*1\.5 s/),
  });
});
