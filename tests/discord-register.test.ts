import { afterEach, describe, expect, test } from "vitest";
import { COMMANDS } from "../src/core/commands/registry.js";
import { FAKE_APP_ID, FAKE_TOKEN, type FakeDiscord, startFakeDiscord } from "./helpers/fake-discord.js";
import { GUILD_ID } from "./helpers/fake-discord-payloads.js";
import { cli } from "./helpers/run-cli.js";

let fake: FakeDiscord | null = null;

afterEach(async () => {
  await fake?.close();
  fake = null;
});

async function env(extra: NodeJS.ProcessEnv = {}): Promise<NodeJS.ProcessEnv> {
  fake = await startFakeDiscord();
  return {
    DISCORD_TOKEN: FAKE_TOKEN,
    DISCORD_APPLICATION_ID: FAKE_APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    ...extra,
  };
}

describe("newsdesk discord register", () => {
  test("registers every command in DISCORD_GUILD_ID with one PUT", async () => {
    const result = await cli(["discord", "register"], { env: await env({ DISCORD_GUILD_ID: GUILD_ID }) });
    expect(result.code).toBe(0);
    expect(result.out).toBe(
      `Registered ${COMMANDS.length} commands in server ${GUILD_ID}: they can be used there now.\n`,
    );
    const puts = fake?.requests.filter((r) => r.method === "PUT") ?? [];
    expect(puts.map((r) => r.path)).toEqual([`/applications/${FAKE_APP_ID}/guilds/${GUILD_ID}/commands`]);
    const body = puts[0]?.body as Array<{ name: string; description: string; options: unknown[] }>;
    expect(body.map((c) => c.name)).toEqual(COMMANDS.map((c) => c.name));
    expect(body.find((c) => c.name === "brief")?.options).toHaveLength(2);
  });

  test("without DISCORD_GUILD_ID the commands are registered globally", async () => {
    const result = await cli(["discord", "register"], { env: await env() });
    expect(result.code).toBe(0);
    expect(result.out).toContain("global commands");
    expect(fake?.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `PUT /applications/${FAKE_APP_ID}/commands`,
    ]);
  });

  test("missing settings exit with status 2 and name the variable to set", async () => {
    const none = await cli(["discord", "register"], { env: {} });
    expect(none.code).toBe(2);
    expect(none.err).toContain("DISCORD_TOKEN");
    const noApp = await cli(["discord", "register"], { env: { DISCORD_TOKEN: "abc" } });
    expect(noApp.code).toBe(2);
    expect(noApp.err).toContain("DISCORD_APPLICATION_ID");
    const bogus = await cli(["discord", "register", "--bogus"], { env: {} });
    expect(bogus.code).toBe(2);
    expect(bogus.err).toContain("unknown option '--bogus'");
  });

  test("a token Discord rejects exits with status 2 naming DISCORD_TOKEN", async () => {
    const result = await cli(["discord", "register"], { env: await env({ DISCORD_TOKEN: "stale.token" }) });
    expect(result.code).toBe(2);
    expect(result.err).toContain("Discord rejected DISCORD_TOKEN");
  });

  test("--dry-run prints the definitions without calling Discord", async () => {
    const result = await cli(["discord", "register", "--dry-run"], { env: {} });
    expect(result.code).toBe(0);
    const definitions = JSON.parse(result.out) as Array<{
      name: string;
      default_member_permissions?: string;
    }>;
    expect(definitions.map((d) => d.name)).toEqual(COMMANDS.map((c) => c.name));
    const manage = COMMANDS.filter((c) => c.manageChannel).map((c) => c.name);
    expect(definitions.filter((d) => d.default_member_permissions === "16").map((d) => d.name)).toEqual(
      manage,
    );
  });
});
