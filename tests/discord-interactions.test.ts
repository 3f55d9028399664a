import { describe, expect, test } from "vitest";
import { embedChars, LIMITS } from "../src/adapters/discord/embeds.js";
import type { CommandContext } from "../src/core/deps.js";
import type { Reply } from "../src/core/reply.js";
import { messageOf, requestsFor, type SentMessage, useBotTestEnv } from "./helpers/discord-bot.js";
import type { FakeDiscord } from "./helpers/fake-discord.js";
import { CHANNEL_ID, MANAGER_PERMISSIONS } from "./helpers/fake-discord-payloads.js";

const discord = useBotTestEnv();

const EPHEMERAL = 64;
const callbackOf = (f: FakeDiscord, token: string) =>
  f.waitForRequest((r) => r.method === "POST" && r.path.endsWith(`/${token}/callback`));

function expectWithinLimits(message: SentMessage): void {
  expect(message.embeds.length).toBeGreaterThan(0);
  expect(message.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  const total = message.embeds.reduce((n, e) => n + embedChars(e as never), 0);
  expect(total).toBeLessThanOrEqual(LIMITS.totalPerMessage);
  for (const e of message.embeds as Array<{ description?: string; fields?: Array<{ value: string }> }>) {
    expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
    expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
    for (const f of e.fields ?? []) expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
  }
  expect(message.allowed_mentions).toEqual({ parse: [] });
}

describe("Discord slash commands, through discord.js and a fake Discord", () => {
  test("a quick answer is a public reply (type 4) of embeds with empty allowed_mentions", async () => {
    const f = await discord.setup({ deferAfterMs: 60_000 });
    const { token } = f.interact({ name: "brief", options: [] });
    const callback = await callbackOf(f, token);
    const body = callback.body as { type: number; data: SentMessage };
    expect(body.type).toBe(4);
    expect((body.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(body.data.embeds[0]?.title).toBe("Briefing");
    expect(((body.data.embeds[0]?.fields ?? []) as unknown[]).length).toBeGreaterThan(0);
    expect(body.data.embeds.at(-1)?.title).toBe("Sources");
    expectWithinLimits(body.data);
  });

  test("a slow answer is deferred (type 5), then the original reply is edited with it", async () => {
    const f = await discord.setup({ deferAfterMs: 0 });
    const { token } = f.interact({
      name: "stance",
      options: [{ name: "topic", type: 3, value: "sovereignty" }],
    });
    const edit = await f.waitForRequest(
      (r) => r.method === "PATCH" && r.path.endsWith(`/${token}/messages/@original`),
    );
    const [callback] = requestsFor(f, token);
    const deferral = callback?.body as { type: number; data: { flags?: number } } | undefined;
    expect(deferral?.type).toBe(5);
    expect((deferral?.data.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(f.requests.indexOf(callback as never)).toBeLessThan(f.requests.indexOf(edit));
    const message = messageOf(edit);
    expect(message.embeds[0]?.title).toBe("Who stands where: sovereignty");
    expectWithinLimits(message);
  });

  test("usage errors and help are ephemeral replies", async () => {
    const f = await discord.setup({ deferAfterMs: 60_000 });
    const usage = f.interact({ name: "stance", options: [] });
    const help = f.interact({ name: "help", options: [] });
    const usageReply = messageOf(await callbackOf(f, usage.token));
    expect(usageReply.flags).toBe(EPHEMERAL);
    expect(usageReply.embeds[0]?.description).toContain("/stance needs topic");
    const helpReply = messageOf(await callbackOf(f, help.token));
    expect(helpReply.flags).toBe(EPHEMERAL);
    expect(helpReply.embeds[0]?.title).toBe("newsdesk commands");
  });

  test("an error after deferring replaces the public 'thinking' reply with an ephemeral follow-up", async () => {
    const f = await discord.setup({ deferAfterMs: 0 });
    const { token } = f.interact({ name: "stance", options: [] });
    const followUp = await f.waitForRequest(
      (r) => r.method === "POST" && r.path.endsWith(`/webhooks/${r.path.split("/")[2]}/${token}`),
    );
    const steps = requestsFor(f, token).map((r) => `${r.method} ${r.path.split("/").at(-1)}`);
    expect(steps).toEqual(["POST callback", "DELETE @original", `POST ${token}`]);
    expect(messageOf(followUp).flags).toBe(EPHEMERAL);
    expect(messageOf(followUp).embeds[0]?.description).toContain("/stance needs topic");
  });

  test("autocomplete answers (type 8) with stored topics matching what was typed", async () => {
    const f = await discord.setup();
    const { token } = f.interact({
      type: 4,
      name: "stance",
      options: [{ name: "topic", type: 3, value: "Cal", focused: true }],
    });
    const body = (await callbackOf(f, token)).body as { type: number; data: { choices: Choice[] } };
    expect(body.type).toBe(8);
    const values = body.data.choices.map((c) => c.value);
    expect(values).toContain("calderan");
    expect(values.length).toBeLessThanOrEqual(25);
    for (const v of values) expect(v.toLowerCase()).toContain("cal");
    expect(values[0]?.startsWith("cal")).toBe(true);
  });

  test("the quotes option autocompletes people from the store", async () => {
    const f = await discord.setup();
    const { token } = f.interact({
      type: 4,
      name: "quotes",
      options: [{ name: "query", type: 3, value: "korv", focused: true }],
    });
    const body = (await callbackOf(f, token)).body as { data: { choices: Choice[] } };
    expect(body.data.choices.map((c) => c.value)).toContain("Adela Korvin");
  });

  test("channel setup needs Manage Channels when it runs; a manager may subscribe the channel", async () => {
    const f = await discord.setup({ deferAfterMs: 60_000 });
    const options = [{ name: "topic", type: 3, value: "tolm" }];
    const member = f.interact({ name: "subscribe", options });
    const refused = messageOf(await callbackOf(f, member.token));
    expect(refused.flags).toBe(EPHEMERAL);
    expect(refused.embeds[0]?.description).toContain("Manage Channels");
    const manager = f.interact({ name: "subscribe", options, permissions: MANAGER_PERMISSIONS });
    const accepted = messageOf(await callbackOf(f, manager.token));
    expect((accepted.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(accepted.embeds[0]?.title).toBe("Subscribed");
    const channel = {
      platform: "discord" as const,
      workspaceId: "1300000000000000001",
      channelId: CHANNEL_ID,
    };
    expect((await discord.deps.store.channels.subscriptions(channel)).map((s) => s.topic)).toEqual(["tolm"]);
  });

  test("the core gets the command line, who asked and where; in a DM the user may set up the DM", async () => {
    const seen: Array<{ text: string; context: CommandContext }> = [];
    const answer = async (text: string, context: CommandContext): Promise<Reply> => {
      seen.push({ text, context });
      return { kind: "help", title: "ok", sections: [], citations: [], data: { commands: [] } };
    };
    const f = await discord.setup({ answer, deferAfterMs: 60_000 });
    const brief = f.interact({
      name: "brief",
      options: [
        { name: "since", type: 3, value: "7d" },
        { name: "topic", type: 3, value: "keld  dam" },
      ],
    });
    await callbackOf(f, brief.token);
    const dm = f.interact({ name: "subscriptions", guildId: null });
    await callbackOf(f, dm.token);
    const set = [
      { name: "timezone", type: 3, value: "Europe/Berlin" },
      { name: "time", type: 3, value: "08:00" },
    ];
    const digest = f.interact({ name: "digest", options: [{ name: "set", type: 1, options: set }] });
    await callbackOf(f, digest.token);
    const alerts = [
      { name: "topic", type: 3, value: "tolm" },
      { name: "alerts", type: 5, value: true },
    ];
    const subscribe = f.interact({ name: "subscribe", options: alerts, permissions: MANAGER_PERMISSIONS });
    await callbackOf(f, subscribe.token);
    expect(seen.map((s) => s.text)).toEqual([
      "/brief keld dam 7d",
      "/subscriptions",
      "/digest 08:00 Europe/Berlin",
      "/subscribe tolm alerts",
    ]);
    expect(seen[0]?.context).toMatchObject({
      platform: "discord",
      workspaceId: "1300000000000000001",
      channelId: CHANNEL_ID,
      canManageChannel: false,
    });
    expect(seen[1]?.context.workspaceId).toBeUndefined();
    expect(seen[1]?.context.canManageChannel).toBe(true);
    expect(seen[3]?.context.canManageChannel).toBe(true);
  });
});

interface Choice {
  name: string;
  value: string;
}
