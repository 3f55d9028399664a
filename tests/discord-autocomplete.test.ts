import { beforeAll, describe, expect, test } from "vitest";
import { type Choice, MAX_CHOICES, sourceOf, suggest } from "../src/adapters/discord/autocomplete.js";
import { commandShape } from "../src/adapters/discord/command-shapes.js";
import type { ChannelRef } from "../src/core/channel.js";
import type { CommandName } from "../src/core/commands/registry.js";
import type { CoreDeps } from "../src/core/deps.js";
import { demoDeps } from "./helpers/demo-store.js";

let deps: CoreDeps;
const CHANNEL: ChannelRef = {
  platform: "discord",
  workspaceId: "1300000000000000001",
  channelId: "1300000000000000009",
};

beforeAll(async () => {
  deps = await demoDeps();
});

function expectValid(choices: Choice[]): void {
  expect(choices.length).toBeLessThanOrEqual(MAX_CHOICES);
  for (const c of choices) {
    expect(c.name.length).toBeGreaterThan(0);
    expect(c.name.length).toBeLessThanOrEqual(100);
    expect(c.value.length).toBeLessThanOrEqual(100);
  }
}

describe("autocomplete from the store", () => {
  test("with nothing typed, the 25 topics with the most coverage, with their article counts", async () => {
    const choices = await suggest("topics", "", deps.store);
    const top = await deps.store.topKeywords(MAX_CHOICES);
    expect(choices.map((c) => c.value)).toEqual(top.map((t) => t.term));
    expect(choices[0]?.name).toBe(`${top[0]?.term} · ${top[0]?.articles} articles`);
    expectValid(choices);
  });

  test("filters by what was typed, case-insensitively, word-prefix matches first", async () => {
    const values = (await suggest("topics", "  VESSA ", deps.store)).map((c) => c.value);
    expect(values.slice(0, 2)).toEqual(["vessa river", "vessa"]);
    for (const v of values) expect(v).toContain("vessa");
    const inner = (await suggest("topics", "ssa", deps.store)).map((c) => c.value);
    expect(inner).toEqual(expect.arrayContaining(["vessa river", "vessa"]));
    expect(await suggest("topics", "zzqx", deps.store)).toEqual([]);
  });

  test("people come before topics for /quotes, a surname finds the full name, duplicates are dropped", async () => {
    const choices = await suggest("people-and-topics", "korvin", deps.store);
    expect(choices[0]).toEqual({
      name: expect.stringMatching(/^Adela Korvin · \d+ quotes$/),
      value: "Adela Korvin",
    });
    // The keyword "adela korvin" is the same name as the speaker: offered once.
    expect(choices.map((c) => c.value)).toEqual(["Adela Korvin", "korvin"]);
  });

  test("unsubscribe offers this channel's subscriptions; feed remove offers followed feeds", async () => {
    const now = deps.now().toISOString();
    await deps.store.channels.subscribe(CHANNEL, "tolm", true, now);
    await deps.store.channels.subscribe(CHANNEL, "keld dam", false, now);
    await deps.store.feeds.add({
      url: "https://riverline.example/feed.xml",
      title: "Riverline",
      addedBy: CHANNEL,
      now,
    });
    const subscribed = await suggest("subscriptions", "", deps.store, CHANNEL);
    expect(subscribed).toHaveLength(2);
    expect(subscribed).toEqual(
      expect.arrayContaining([
        { name: "tolm · with alerts", value: "tolm" },
        { name: "keld dam", value: "keld dam" },
      ]),
    );
    expect(await suggest("subscriptions", "", deps.store, null)).toEqual([]);
    expect(await suggest("feeds", "riverline", deps.store)).toEqual([
      { name: "https://riverline.example/feed.xml · Riverline", value: "https://riverline.example/feed.xml" },
    ]);
  });

  test("terms longer than Discord's 100 characters are left out; names never ping", async () => {
    const long = "x".repeat(101);
    const store = {
      ...deps.store,
      topKeywords: async () => [
        { term: long, articles: 3 },
        { term: "@everyone", articles: 2 },
      ],
    };
    const choices = await suggest("topics", "", store);
    expect(choices).toEqual([{ name: "@\u200beveryone · 2 articles", value: "@everyone" }]);
  });

  test("a name that would show nothing is left out, and a long name is cut between whole characters", async () => {
    const wave = "\u{1F30A}";
    const store = {
      ...deps.store,
      topKeywords: async () => [
        { term: "\u202e\u202c", articles: 4 },
        { term: `${"a".repeat(99)}${wave}`.slice(0, 100), articles: 3 },
        { term: `${"b".repeat(98)}${wave}`, articles: 2 },
      ],
    };
    const choices = await suggest("topics", "", store);
    expectValid(choices);
    expect(choices.map((c) => c.value)).toEqual([`${"b".repeat(98)}${wave}`]);
    expect(choices[0]?.name).toBe(`${"b".repeat(98)}${wave}`);
    for (const c of choices) expect(c.name).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });

  test("an empty store or a query of odd characters gives no choices and no error", async () => {
    const empty = {
      ...deps.store,
      topKeywords: async () => [],
      topSpeakers: async () => [],
    };
    expect(await suggest("topics", "", empty)).toEqual([]);
    expect(await suggest("people-and-topics", "korv", empty)).toEqual([]);
    for (const odd of ["(", "[a-", "\\", "*", "\u202e", "🌊", "%_'\"", " ".repeat(99)]) {
      expectValid(await suggest("people-and-topics", odd, deps.store));
    }
  });

  test("each option knows where its choices come from", () => {
    expect(sourceOf("stance", null, "topic")).toBe("topics");
    expect(sourceOf("quotes", null, "query")).toBe("people-and-topics");
    expect(sourceOf("ask", null, "question")).toBeUndefined();
    const feed = commandShape({
      name: "feed" as CommandName,
      usage: "/feed",
      description: "feeds",
      argument: "required",
    });
    expect(sourceOf("feed", "remove", "url", feed)).toBe("feeds");
    expect(sourceOf("feed", "add", "url", feed)).toBeUndefined();
  });
});
