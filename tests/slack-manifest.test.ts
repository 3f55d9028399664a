import { readFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { parse } from "yaml";
import { slackCommandName } from "../src/adapters/slack/command-names.js";
import { COMMANDS } from "../src/core/commands/registry.js";

interface Manifest {
  features: { slash_commands: Array<{ command: string; description: string; should_escape?: boolean }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; event_subscriptions: { bot_events: string[] } };
}

const manifest = parse(readFileSync(new URL("../slack-manifest.yml", import.meta.url), "utf8")) as Manifest;
const commands = manifest.features.slash_commands.map((c) => c.command);

describe("slack-manifest.yml", () => {
  test("lists every registry command under its Slack name, and the umbrella /newsdesk", () => {
    for (const spec of COMMANDS) expect(commands).toContain(`/${slackCommandName(spec.name)}`);
    expect(commands).toContain("/newsdesk");
  });

  test("lists the umbrella, then exactly the registry's commands in order, none of them a name Slack reserves", () => {
    expect(commands).toEqual(["/newsdesk", ...COMMANDS.map((c) => `/${slackCommandName(c.name)}`)]);
    expect(commands).toContain("/news-search");
    expect(commands).toContain("/news-feed");
    expect(commands).not.toContain("/search");
    expect(commands).not.toContain("/feed");
  });

  test("every command has a short description and passes text unescaped", () => {
    for (const c of manifest.features.slash_commands) {
      expect(c.description.length).toBeGreaterThan(5);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.should_escape).toBe(false);
    }
  });

  test("asks for the scopes and events the adapter uses, with Socket Mode on", () => {
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual(
      [
        "app_mentions:read",
        "chat:write",
        "commands",
        "im:history",
        "im:read",
        "im:write",
        "users:read",
      ].sort(),
    );
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_mention", "message.im"]);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
  });
});
