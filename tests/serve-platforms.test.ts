import { readdirSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { FAKE_APP_ID, FAKE_TOKEN, type FakeDiscord, startFakeDiscord } from "./helpers/fake-discord.js";
import { GUILD_ID } from "./helpers/fake-discord-payloads.js";
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET, slackSignature } from "./helpers/fake-slack.js";
import { tempDir } from "./helpers/ingest-env.js";
import { cli } from "./helpers/run-cli.js";
import { slashBody } from "./helpers/slack-app.js";

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

async function postSlash(port: number, command: string, text: string, responseUrl: string): Promise<number> {
  const body = slashBody(command, text, responseUrl);
  const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: "POST",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      ...slackSignature(body, Math.floor(Date.now() / 1000)),
    },
    body,
  });
  await res.text();
  return res.status;
}

let slack: FakeSlack | null = null;
let discord: FakeDiscord | null = null;
afterEach(async () => {
  await slack?.close();
  await discord?.close();
  slack = null;
  discord = null;
});

describe("newsdesk serve with chat platforms configured", () => {
  it("serves Slack and Discord from one process, wires digests and chat URLs into both, and stops on shutdown", async () => {
    slack = await FakeSlack.start();
    discord = await startFakeDiscord();
    slack.users.set("U0USER01", { is_admin: true });
    const dir = tempDir().dir;
    const briefings = join(dir, "briefings");
    const port = await freePort();
    const env = {
      SLACK_BOT_TOKEN: BOT_TOKEN,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_PORT: String(port),
      SLACK_HOST: "127.0.0.1",
      SLACK_API_URL: slack.apiUrl,
      DISCORD_TOKEN: FAKE_TOKEN,
      DISCORD_APPLICATION_ID: FAKE_APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: discord.apiUrl,
      NEWSDESK_BRIEFINGS_DIR: briefings,
    };
    const shutdown = new AbortController();
    const serving = cli(["--db", join(dir, "serve.db"), "serve", "--demo"], {
      env,
      shutdown: shutdown.signal,
      now: () => new Date(),
    });
    try {
      // Discord: commands registered, gateway identified; then a slash command is answered.
      await discord.waitForFrame((f) => f.op === 2, 10_000);
      const { token } = discord.interact({ name: "brief", options: [] });
      const callback = await discord.waitForRequest((r) => r.path.endsWith(`/${token}/callback`), 10_000);
      expect(JSON.stringify(callback.body)).toContain("Briefing");

      // Slack: the same store answers, and /digest now goes through the running scheduler (archived).
      await slack.waitFor(() => slack?.callsTo("auth.test").length, 10_000);
      expect(await postSlash(port, "/brief", "", slack.responseUrl("brief"))).toBe(200);
      const brief = await slack.waitFor(() => slack?.responsesTo("brief")[0], 10_000);
      expect(JSON.stringify(brief.blocks)).toContain("Briefing");

      expect(await postSlash(port, "/digest", "now", slack.responseUrl("digest"))).toBe(200);
      await slack.waitFor(() => slack?.responsesTo("digest")[0], 10_000);
      const archived = readdirSync(briefings);
      expect(archived).toHaveLength(1);
      expect(archived[0]).toMatch(/^\d{4}-\d{2}-\d{2}-slack-C0CHAN01\.md$/);

      // /ingest is wired to the URL guard: a loopback URL from chat is refused.
      expect(await postSlash(port, "/ingest", "http://127.0.0.1:9/x", slack.responseUrl("ingest"))).toBe(200);
      const refused = await slack.waitFor(() => slack?.responsesTo("ingest")[0], 10_000);
      expect(refused.response_type).toBe("ephemeral");
      expect(JSON.stringify(refused)).toContain("loopback");
    } finally {
      shutdown.abort();
    }
    const result = await serving;
    expect(result.err).toContain("serving slack and discord");
    expect(result.code).toBe(0);
  }, 30_000);

  it("stops at startup with a message naming the variable when a platform setting is inconsistent", async () => {
    const dir = tempDir().dir;
    const r = await cli(["--db", join(dir, "x.db"), "serve"], { env: { DISCORD_TOKEN: FAKE_TOKEN } });
    expect(r.code).toBe(2);
    expect(r.err).toContain("DISCORD_APPLICATION_ID");
  });
});
