import { describe, expect, it } from "vitest";
import { MAX_ARGUMENT_LENGTH, parseCommand } from "../src/core/commands/parse.js";
import { COMMANDS } from "../src/core/commands/registry.js";
import { parseSince, splitTopicAndSince } from "../src/core/since.js";

describe("parseCommand", () => {
  it("reads the command name and its argument, with or without the slash or a /newsdesk prefix", () => {
    for (const input of [
      "/brief tariffs 7d",
      "brief tariffs 7d",
      "/newsdesk brief tariffs 7d",
      "  /BRIEF   tariffs\t7d ",
    ]) {
      expect(parseCommand(input)).toEqual({ ok: true, command: { name: "brief", argument: "tariffs 7d" } });
    }
  });

  it("rejects an unknown command with a pointer to /help", () => {
    const r = parseCommand("/frobnicate now");
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Unknown command "\/frobnicate".*\/help/),
    });
  });

  it("rejects a missing required argument with the command's usage", () => {
    expect(parseCommand("/stance")).toEqual({
      ok: false,
      message: "/stance needs topic.",
      usage: "Usage: /stance <topic>: who stands where on a topic, in their own quoted words",
    });
  });

  it("rejects an argument over 500 characters", () => {
    const r = parseCommand(`/ask ${"x".repeat(MAX_ARGUMENT_LENGTH + 1)}`);
    expect(r).toMatchObject({
      ok: false,
      message: expect.stringContaining("at most 500"),
      usage: expect.any(String),
    });
  });

  it("rejects an argument to a command that takes none", () => {
    expect(parseCommand("/topics everything")).toMatchObject({
      ok: false,
      message: "/topics takes no argument.",
    });
  });

  it("rejects empty input", () => {
    expect(parseCommand("   ")).toMatchObject({ ok: false });
  });

  it("knows every documented command", () => {
    expect(COMMANDS.map((c) => c.name)).toEqual([
      "brief",
      "stance",
      "quotes",
      "ask",
      "search",
      "summarize",
      "stories",
      "topics",
      "sources",
      "help",
      "subscribe",
      "unsubscribe",
      "subscriptions",
      "digest",
      "feed",
      "ingest",
    ]);
  });

  it("marks exactly the commands that change a channel's setup as needing Manage Channels", () => {
    expect(COMMANDS.filter((c) => c.manageChannel).map((c) => c.name)).toEqual([
      "subscribe",
      "unsubscribe",
      "digest",
      "feed",
    ]);
  });
});

describe("since", () => {
  const now = new Date("2026-05-10T12:00:00Z");

  it("parses hours, days, weeks and dates", () => {
    expect(parseSince("24h", now)?.toISOString()).toBe("2026-05-09T12:00:00.000Z");
    expect(parseSince("7d", now)?.toISOString()).toBe("2026-05-03T12:00:00.000Z");
    expect(parseSince("2w", now)?.toISOString()).toBe("2026-04-26T12:00:00.000Z");
    expect(parseSince("2026-05-01", now)?.toISOString()).toBe("2026-05-01T00:00:00.000Z");
  });

  it("rejects words that are not a duration or a real date", () => {
    for (const w of ["tariffs", "0d", "2026-02-30", "7y", ""]) expect(parseSince(w, now)).toBeUndefined();
  });

  it("splits a trailing since word off the topic", () => {
    expect(splitTopicAndSince("river water 7d", now)).toMatchObject({
      topic: "river water",
      sinceWord: "7d",
    });
    expect(splitTopicAndSince("river water", now)).toMatchObject({ topic: "river water", since: undefined });
    expect(splitTopicAndSince("24h", now)).toMatchObject({ topic: "", sinceWord: "24h" });
  });
});
