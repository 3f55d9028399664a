import { expect, test } from "vitest";
import { embedChars, LIMITS } from "../src/adapters/discord/embeds.js";
import type { CommandContext } from "../src/core/deps.js";
import type { Reply } from "../src/core/reply.js";
import { messageOf, requestsFor, startBot, useBotTestEnv } from "./helpers/discord-bot.js";
import { type FakeDiscord, type RecordedRequest, startFakeDiscord } from "./helpers/fake-discord.js";
import { CHANNEL_ID, GUILD_ID } from "./helpers/fake-discord-payloads.js";
import { bigReply, hostileReply } from "./helpers/reply-fixtures.js";
import { memoryLogger } from "./helpers/slack-app.js";

const discord = useBotTestEnv();

const always = (reply: Reply) => async () => reply;

/** Every text of the embeds: titles, descriptions, field names and values, footers. */
function textOf(embeds: Array<Record<string, unknown>>): string {
  return embeds
    .flatMap((e) => {
      const fields = (e.fields ?? []) as Array<{ name: string; value: string }>;
      const footer = (e.footer as { text?: string } | undefined)?.text;
      return [e.title, e.description, ...fields.flatMap((f) => [f.name, f.value]), footer];
    })
    .filter((t): t is string => typeof t === "string")
    .join("\n");
}

function messageChars(r: RecordedRequest): number {
  return messageOf(r).embeds.reduce((n, e) => n + embedChars(e as never), 0);
}

test("a reply too long for one message goes on in follow-ups, each within Discord's limits", async () => {
  const reply = bigReply(20, 4, 60);
  const f = await discord.setup({ deferAfterMs: 60_000, answer: always(reply) });
  const { token } = f.interact({ name: "brief" });
  await f.waitForRequest((r) => r.method === "POST" && r.path.endsWith(`/${token}`));
  // Let the remaining follow-ups arrive: the last one carries the footer.
  await f.waitForRequest(
    (r) => r.path.endsWith(`/${token}`) && JSON.stringify(r.body).includes("Sources: Outlet"),
  );
  const sent = requestsFor(f, token);
  expect(sent[0]?.path).toMatch(/\/callback$/);
  expect(sent.length).toBeGreaterThan(2);
  for (const r of sent) {
    const m = messageOf(r);
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(messageChars(r)).toBeLessThanOrEqual(LIMITS.totalPerMessage);
  }
  const all = JSON.stringify(sent.map((r) => messageOf(r).embeds));
  for (const section of reply.sections) expect(all).toContain(section.heading as string);
});

test("article text cannot ping anyone nor inject links or markup", async () => {
  const f = await discord.setup({ deferAfterMs: 60_000, answer: always(hostileReply()) });
  const { token } = f.interact({ name: "ask", options: [{ name: "question", type: 3, value: "x" }] });
  const message = messageOf(await f.waitForRequest((r) => r.path.endsWith(`/${token}/callback`)));
  expect(message.allowed_mentions).toEqual({ parse: [] });
  const text = textOf(message.embeds);
  expect(text).not.toMatch(/@(everyone|here)/);
  expect(text).toContain("@\u200beveryone");
  expect(text).toContain("\\<@123456789012345678\\>");
  expect(text).not.toMatch(/(?<!\\)<[@#]/);
  expect(text).not.toMatch(/(?<!\\)\]\(https:\/\/evil/);
  expect(text).not.toMatch(/(?<!\\)\*\*bold/);
  expect(text).not.toContain("javascript:");
});

test("progress edits the deferred reply at most once per interval, and the answer is the last edit", async () => {
  const partial = (n: number): Reply => ({ ...hostileReply(), title: `Writing ${n}` });
  let fakeRef: FakeDiscord | null = null;
  const answer = async (_text: string, context: CommandContext): Promise<Reply> => {
    context.onProgress?.(partial(1));
    // Once the first progress edit reached Discord, the next partials fall inside the interval.
    await fakeRef?.waitForRequest((r) => r.method === "PATCH");
    context.onProgress?.(partial(2));
    context.onProgress?.(partial(3));
    return { ...hostileReply(), title: "Done" };
  };
  const f = await discord.setup({ deferAfterMs: 60_000, progressIntervalMs: 60_000, answer });
  fakeRef = f;
  const { token } = f.interact({ name: "ask", options: [{ name: "question", type: 3, value: "x" }] });
  await f.waitForRequest((r) => r.method === "PATCH" && JSON.stringify(r.body).includes('"Done"'));
  const steps = requestsFor(f, token).map((r) => `${r.method} ${messageOf(r).embeds?.[0]?.title ?? ""}`);
  expect(steps).toEqual(["POST ", "PATCH Writing 1", "PATCH Done"]);
});

test("a rate-limited (429) follow-up is retried after Retry-After", async () => {
  const f = await discord.setup({ deferAfterMs: 60_000, answer: always(bigReply(12, 4, 60)) });
  f.rateLimit({ method: "POST", path: /^\/webhooks\//, retryAfter: 1 });
  const { token } = f.interact({ name: "brief" });
  const retried = await f.waitForRequest(
    (r) => r.method === "POST" && r.path.endsWith(`/${token}`) && r.status === 200,
  );
  const limited = f.requests.find((r) => r.status === 429);
  expect(limited?.path).toBe(retried.path);
  expect(retried.at - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
  expect(messageOf(retried).embeds.length).toBeGreaterThan(0);
});

test("the channel poster posts and edits channel messages with empty allowed_mentions", async () => {
  const f = await discord.setup();
  const channel = { platform: "discord" as const, workspaceId: GUILD_ID, channelId: CHANNEL_ID };
  const posted = await discord.bot?.poster.post(channel, bigReply(30, 4, 60));
  const posts = f.requests.filter(
    (r) => r.method === "POST" && r.path === `/channels/${CHANNEL_ID}/messages`,
  );
  expect(posts.length).toBeGreaterThan(1);
  expect(posted?.id.split(",")).toHaveLength(posts.length);
  for (const p of posts) {
    expect((p.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
    expect(p.headers.authorization).toBe("Bot fake.bot.token");
    expect(messageChars(p)).toBeLessThanOrEqual(LIMITS.totalPerMessage);
  }
  await discord.bot?.poster.edit(channel, posted ?? { id: "" }, hostileReply());
  const edits = f.requests.filter((r) => r.method === "PATCH");
  expect(edits.map((r) => r.path)).toEqual(
    posted?.id.split(",").map((id) => `/channels/${CHANNEL_ID}/messages/${id}`),
  );
  expect(JSON.stringify(edits[0]?.body)).toContain("@\u200beveryone look");
  expect(JSON.stringify(edits[1]?.body)).toContain("Updated: see the message above");
});

test("an answer ready after the interaction token expired is logged, and the bot keeps answering", async () => {
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on("unhandledRejection", onRejection);
  try {
    const { logger, lines } = memoryLogger();
    let release: () => void = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    const answer = async (text: string): Promise<Reply> => {
      if (text.startsWith("/ask")) await released;
      return { ...bigReply(1, 1, 5, 1), title: text };
    };
    const f = await startFakeDiscord();
    discord.fake = f;
    discord.bot = await startBot(f, { ...discord.deps, logger }, { deferAfterMs: 0, answer });
    const slow = f.interact({ name: "ask", options: [{ name: "question", type: 3, value: "x" }] });
    await f.waitForRequest((r) => r.path.endsWith(`/${slow.token}/callback`));
    f.expireToken(slow.token);
    release();
    const refused = await f.waitForRequest((r) => r.method === "PATCH" && r.path.includes(slow.token));
    expect(refused.status).toBe(401);
    const quick = f.interact({ name: "topics" });
    const edit = await f.waitForRequest((r) => r.method === "PATCH" && r.path.includes(quick.token));
    expect(messageOf(edit).embeds[0]?.title).toBe("/topics");
    await new Promise((r) => setTimeout(r, 50));
    const failure = lines.find((l) => l.msg === "discord response failed");
    expect(failure).toMatchObject({ command: "ask", step: "answer" });
    expect(rejections).toEqual([]);
  } finally {
    process.off("unhandledRejection", onRejection);
  }
});

test("an answer that cannot be rendered still gets an ephemeral error reply", async () => {
  const broken = (async () => ({
    kind: "brief",
    title: "Broken",
    citations: [],
  })) as unknown as () => Promise<Reply>;
  const f = await discord.setup({ deferAfterMs: 60_000, answer: broken });
  const { token } = f.interact({ name: "brief" });
  const callback = await f.waitForRequest((r) => r.path.endsWith(`/${token}/callback`));
  const message = messageOf(callback);
  expect(message.flags).toBe(64);
  expect(message.embeds[0]?.description).toContain("Something went wrong while writing the answer.");
});

test("every kind of reply, notices and no-coverage included, renders within Discord's limits", async () => {
  const kinds: Reply[] = [
    { ...hostileReply(), kind: "notice", data: { command: "subscribe", status: "ok" } } as Reply,
    { ...hostileReply(), kind: "notice", data: { command: "digest", status: "info" } } as Reply,
    {
      ...hostileReply(),
      kind: "no-coverage",
      data: { query: "x", suggestions: ["a"], articleCount: 3 },
    } as Reply,
    { ...hostileReply(), kind: "help", ephemeral: true, data: { commands: [] } } as Reply,
  ];
  const f = await discord.setup({ deferAfterMs: 60_000, answer: async () => kinds.shift() as Reply });
  const flags: number[] = [];
  for (let i = 0; i < 4; i++) {
    const { token } = f.interact({ name: "topics" });
    const m = messageOf(await f.waitForRequest((r) => r.path.endsWith(`/${token}/callback`)));
    expect(m.allowed_mentions).toEqual({ parse: [] });
    expect(textOf(m.embeds)).not.toMatch(/@(everyone|here)/);
    flags.push(m.flags ?? 0);
  }
  expect(flags).toEqual([0, 0, 0, 64]);
});

test("a partial answer that cannot be rendered is skipped without throwing from its timer", async () => {
  const thrown: unknown[] = [];
  const onThrow = (err: unknown) => thrown.push(err);
  process.on("uncaughtException", onThrow);
  try {
    const answer = async (_text: string, context: CommandContext): Promise<Reply> => {
      context.onProgress?.({ kind: "brief", title: "Half" } as unknown as Reply);
      await new Promise((r) => setTimeout(r, 100));
      return { ...bigReply(1, 1, 5, 1), title: "Whole" };
    };
    const f = await discord.setup({ deferAfterMs: 60_000, progressIntervalMs: 10, answer });
    const { token } = f.interact({ name: "brief" });
    const edit = await f.waitForRequest((r) => r.method === "PATCH" && r.path.includes(token));
    expect(messageOf(edit).embeds[0]?.title).toBe("Whole");
    expect(thrown).toEqual([]);
  } finally {
    process.off("uncaughtException", onThrow);
  }
});
