import { describe, expect, test } from "vitest";
import { DEFAULT_DISCORD_API_URL, loadDiscordConfig } from "../src/adapters/discord/config.js";

const BASE = { DISCORD_TOKEN: "abc.def.ghi", DISCORD_APPLICATION_ID: "123456789012345678" };

function failure(env: NodeJS.ProcessEnv): { code?: string; message?: string } {
  try {
    loadDiscordConfig(env);
  } catch (err) {
    return err as { code?: string; message?: string };
  }
  throw new Error("expected loadDiscordConfig to throw");
}

describe("loadDiscordConfig", () => {
  test("Discord is off (null) when DISCORD_TOKEN is unset or blank", () => {
    expect(loadDiscordConfig({})).toBeNull();
    expect(loadDiscordConfig({ DISCORD_TOKEN: "  " })).toBeNull();
  });

  test("reads the token, application id, optional guild and the default API URL", () => {
    expect(loadDiscordConfig({ ...BASE, DISCORD_TOKEN: "Bot abc.def.ghi" })).toEqual({
      token: "abc.def.ghi",
      applicationId: "123456789012345678",
      guildId: null,
      apiUrl: DEFAULT_DISCORD_API_URL,
    });
    expect(loadDiscordConfig({ ...BASE, DISCORD_GUILD_ID: "223456789012345678" })?.guildId).toBe(
      "223456789012345678",
    );
  });

  test("a missing application id stops startup naming DISCORD_APPLICATION_ID", () => {
    const err = failure({ DISCORD_TOKEN: "abc" });
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toContain("DISCORD_APPLICATION_ID");
  });

  test("an application or guild id without a token names DISCORD_TOKEN", () => {
    expect(failure({ DISCORD_APPLICATION_ID: "123456789012345678" }).message).toContain("DISCORD_TOKEN");
    expect(failure({ DISCORD_GUILD_ID: "123456789012345678" }).message).toContain("DISCORD_TOKEN");
  });

  test("ids that are not snowflakes are rejected, naming the variable", () => {
    expect(failure({ ...BASE, DISCORD_APPLICATION_ID: "my-app" }).message).toContain(
      "DISCORD_APPLICATION_ID",
    );
    expect(failure({ ...BASE, DISCORD_GUILD_ID: "12345" }).message).toContain("DISCORD_GUILD_ID");
  });

  test("DISCORD_API_URL must be http(s) without the version; a trailing slash is dropped", () => {
    expect(loadDiscordConfig({ ...BASE, DISCORD_API_URL: "http://127.0.0.1:9000/api/" })?.apiUrl).toBe(
      "http://127.0.0.1:9000/api",
    );
    for (const bad of [
      "ftp://proxy/api",
      "not a url",
      "https://discord.com/api/v10",
      "https://u:p@proxy/api",
    ]) {
      const err = failure({ ...BASE, DISCORD_API_URL: bad });
      expect(err.code).toBe("CONFIG_INVALID");
      expect(err.message).toContain("DISCORD_API_URL");
    }
  });

  test("a token with white space inside is rejected", () => {
    expect(failure({ ...BASE, DISCORD_TOKEN: "abc def" }).message).toContain("DISCORD_TOKEN");
  });
});
