import { describe, expect, test } from "vitest";
import { handleCommand } from "../src/core/engine.js";
import { errorReply, type Reply } from "../src/core/reply.js";
import { BOT_USER, type Json } from "./helpers/fake-slack.js";
import { eventBody, postToApp, slashBody, startTestApp, useSlackTestEnv } from "./helpers/slack-app.js";

const slack = useSlackTestEnv();

const mention = (text: string, ts = "1700000001.000100", extra: Json = {}) => ({
  type: "app_mention",
  user: "U0USER01",
  text,
  ts,
  channel: "C0CHAN01",
  event_ts: ts,
  ...extra,
});

const posted = () => slack.fake.callsTo("chat.postMessage");

describe("Slack mentions and direct messages", () => {
  test("a mention is answered in a thread under it, in Block Kit", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const res = await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> brief`), "Ev1"), {
      contentType: "application/json",
    });
    expect(res.status).toBe(200);
    const [call] = await slack.fake.waitFor(() => posted().length > 0 && posted());
    expect(call?.body).toMatchObject({
      channel: "C0CHAN01",
      thread_ts: "1700000001.000100",
      unfurl_links: "false",
    });
    expect(call?.body.blocks[0].text.text).toBe("Briefing");
    expect(call?.headers.authorization).toBe("Bearer xoxb-test-bot-token");
  });

  test("a mention naming a command by its Slack name (news-search) runs that command", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> news-search troops`), "EvNews"), {
      contentType: "application/json",
    });
    const [call] = await slack.fake.waitFor(() => posted().length > 0 && posted());
    expect(call?.body.blocks[0].text.text).toBe("Search: troops");
  });

  test("a mention inside a thread is answered in that thread", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const ev = mention(`<@${BOT_USER}> topics`, "1700000009.000100", { thread_ts: "1700000002.000100" });
    await postToApp(slack.app, eventBody(ev, "Ev2"), { contentType: "application/json" });
    const [call] = await slack.fake.waitFor(() => posted().length > 0 && posted());
    expect(call?.body.thread_ts).toBe("1700000002.000100");
  });

  test("help asked by mention is shown only to the caller", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}>`), "Ev3"), {
      contentType: "application/json",
    });
    const [call] = await slack.fake.waitFor(
      () => slack.fake.callsTo("chat.postEphemeral").length > 0 && slack.fake.callsTo("chat.postEphemeral"),
    );
    expect(call?.body).toMatchObject({
      channel: "C0CHAN01",
      user: "U0USER01",
      thread_ts: "1700000001.000100",
    });
    expect(call?.body.blocks[0].text.text).toBe("newsdesk commands");
    expect(posted()).toHaveLength(0);
  });

  test("a direct message is answered in a thread, errors included", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const dm = (text: string, ts: string) => ({
      type: "message",
      channel_type: "im",
      channel: "D0DM0001",
      user: "U0USER01",
      text,
      ts,
      event_ts: ts,
    });
    await postToApp(slack.app, eventBody(dm("stance sovereignty", "1700000003.000100"), "Ev4"), {
      contentType: "application/json",
    });
    await postToApp(slack.app, eventBody(dm("frobnicate", "1700000004.000100"), "Ev5"), {
      contentType: "application/json",
    });
    await slack.fake.waitFor(() => posted().length >= 2);
    const byThread = new Map(posted().map((c) => [c.body.thread_ts, c.body]));
    expect(byThread.get("1700000003.000100")?.blocks[0].text.text).toBe("Who stands where: sovereignty");
    expect(JSON.stringify(byThread.get("1700000004.000100")?.blocks)).toContain("Unknown command");
  });

  test("bot messages, edits and channel messages without a mention are ignored", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const base = {
      type: "message",
      channel: "D0DM0001",
      user: "U0USER01",
      text: "brief",
      ts: "1700000005.000100",
    };
    await postToApp(slack.app, eventBody({ ...base, channel_type: "im", bot_id: "B0OTHER" }, "Ev6"), {
      contentType: "application/json",
    });
    await postToApp(
      slack.app,
      eventBody({ ...base, channel_type: "im", subtype: "message_changed" }, "Ev7"),
      {
        contentType: "application/json",
      },
    );
    await postToApp(slack.app, eventBody({ ...base, channel_type: "channel", channel: "C0CHAN01" }, "Ev8"), {
      contentType: "application/json",
    });
    await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> sources`), "Ev9"), {
      contentType: "application/json",
    });
    const [call] = await slack.fake.waitFor(() => posted().length > 0 && posted());
    expect(call?.body.blocks[0].text.text).toBe("Sources");
    await new Promise((r) => setTimeout(r, 100));
    expect(posted()).toHaveLength(1);
  });

  test("a command that throws still gets an answer: an ephemeral error, and a log line", async () => {
    const throwing: typeof handleCommand = async () => {
      throw new Error("disk on fire");
    };
    slack.app = await startTestApp(slack.fake, slack.deps, "http", { run: throwing });
    await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> brief`), "EvT"), {
      contentType: "application/json",
    });
    const [call] = await slack.fake.waitFor(
      () => slack.fake.callsTo("chat.postEphemeral").length > 0 && slack.fake.callsTo("chat.postEphemeral"),
    );
    expect(JSON.stringify(call?.body.blocks)).toContain("Something went wrong: disk on fire");
    expect(slack.app.logs.find((l) => l.msg === "Slack command failed")).toMatchObject({
      channel: "C0CHAN01",
      user: "U0USER01",
    });
  });

  test("an answer that cannot be rendered is logged and replaced by an error, never an unhandled rejection", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      // A Reply without sections: rendering it throws.
      const broken = (async () => ({
        kind: "brief",
        title: "Broken",
        citations: [],
      })) as unknown as typeof handleCommand;
      slack.app = await startTestApp(slack.fake, slack.deps, "http", { run: broken });
      await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> brief`), "EvBroken"), {
        contentType: "application/json",
      });
      const app = slack.app;
      const logged = await slack.fake.waitFor(() =>
        app.logs.find((l) => l.msg === "Slack reply not rendered"),
      );
      expect(logged).toMatchObject({ channel: "C0CHAN01", user: "U0USER01" });
      const [call] = await slack.fake.waitFor(
        () => slack.fake.callsTo("chat.postEphemeral").length > 0 && slack.fake.callsTo("chat.postEphemeral"),
      );
      expect(JSON.stringify(call?.body.blocks)).toContain("Something went wrong while writing the answer.");
      expect(posted()).toHaveLength(0);
      await new Promise((r) => setTimeout(r, 50));
      expect(rejections).toEqual([]);
      expect(app.logs.find((l) => l.msg === "Slack listener failed")).toBeUndefined();
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });

  test("editing a message that mentions the bot does not answer it again; an edit that adds the mention does", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const json = { contentType: "application/json" };
    const edited = { edited: { user: "U0USER01", ts: "1700000050.000000" } };
    await postToApp(
      slack.app,
      eventBody(mention(`<@${BOT_USER}> sources`, "1700000040.000100"), "EvE1"),
      json,
    );
    await slack.fake.waitFor(() => posted().length === 1);
    // Slack sends a new app_mention, with a new event id, when that message is edited.
    const again = mention(`<@${BOT_USER}> topics`, "1700000040.000100", edited);
    await postToApp(slack.app, eventBody(again, "EvE2"), json);
    // A message first written without the mention, then edited to add it.
    const added = mention(`<@${BOT_USER}> topics`, "1700000041.000100", edited);
    await postToApp(slack.app, eventBody(added, "EvE3"), json);
    await slack.fake.waitFor(() => posted().length === 2);
    await new Promise((r) => setTimeout(r, 100));
    expect(posted().map((c) => c.body.thread_ts)).toEqual(["1700000040.000100", "1700000041.000100"]);
  });

  test("an event Slack delivers twice is answered once", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const body = eventBody(mention(`<@${BOT_USER}> sources`), "EvSame");
    await postToApp(slack.app, body, { contentType: "application/json" });
    await postToApp(slack.app, body, { contentType: "application/json" });
    await slack.fake.waitFor(() => posted().length > 0);
    await new Promise((r) => setTimeout(r, 100));
    expect(posted()).toHaveLength(1);
  });

  test("a 429 on chat.postMessage is retried after its Retry-After and the answer delivered", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    slack.fake.fail("chat.postMessage", 429, { "retry-after": "1" });
    await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> sources`), "Ev10"), {
      contentType: "application/json",
    });
    await slack.fake.waitFor(() => posted().length === 2);
    expect(slack.app.sleeps).toEqual([1000]);
    expect(posted()[1]?.body.blocks[0].text.text).toBe("Sources");
  });

  test("a mention answer that Slack keeps refusing is logged with the channel", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    slack.fake.fail("chat.postMessage", 429, { "retry-after": "1" }, 10);
    await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> sources`), "Ev11"), {
      contentType: "application/json",
    });
    const entry = await slack.fake.waitFor(() =>
      slack.app?.logs.find((l) => l.msg === "Slack reply not delivered"),
    );
    expect(entry).toMatchObject({ event: "app_mention", channel: "C0CHAN01" });
    expect(slack.app.logs.find((l) => l.msg === "Slack Web API call failed")).toMatchObject({
      method: "chat.postMessage",
      attempt: 4,
    });
    expect(posted()).toHaveLength(4);
  });
});

describe("Slack progress updates", () => {
  /** A command that reports three partial answers 0.6 s apart (on the injected clock), then answers. */
  function slowRun(clock: { t: number }): typeof handleCommand {
    return async (input, context, d) => {
      const final = await handleCommand(input, context, d);
      for (let i = 1; i <= 4; i++) {
        context.onProgress?.({ ...final, title: `Writing ${i}` } as Reply);
        clock.t += 600;
      }
      return final;
    };
  }

  test("a slash command's partial answers replace each other in place, at most one a second, two in all", async () => {
    const clock = { t: Date.parse("2026-03-20T12:00:00Z") };
    const slow = { ...slack.deps, now: () => new Date(clock.t) };
    slack.app = await startTestApp(slack.fake, slow, "http", { run: slowRun(clock) });
    await postToApp(slack.app, slashBody("/sources", "", slack.fake.responseUrl("p")));
    await slack.fake.waitFor(() => slack.fake.responsesTo("p").length === 3);
    const bodies = slack.fake.responsesTo("p");
    expect(bodies.map((b) => b.blocks[0].text.text)).toEqual(["Writing 1", "Writing 3", "Sources"]);
    expect(bodies.map((b) => b.replace_original)).toEqual([false, true, true]);
    expect(bodies.every((b) => b.response_type === "in_channel")).toBe(true);
  });

  /** A command that reports a partial answer, then fails. */
  const failingRun: typeof handleCommand = async (_input, context, d) => {
    const partial = await handleCommand("/sources", context, d);
    context.onProgress?.({ ...partial, title: "Writing" });
    return errorReply("The model stopped answering.", "failed");
  };

  test("a slash command whose partial answer was public but whose answer is an error removes the partial one", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps, "http", { run: failingRun });
    await postToApp(slack.app, slashBody("/ask", "why", slack.fake.responseUrl("f")));
    await slack.fake.waitFor(() => slack.fake.responsesTo("f").length === 3);
    const [partial, removal, error] = slack.fake.responsesTo("f");
    expect(partial.response_type).toBe("in_channel");
    expect(removal.delete_original).toBe(true);
    expect(error.response_type).toBe("ephemeral");
    expect(JSON.stringify(error.blocks)).toContain("The model stopped answering.");
  });

  test("a mention whose answer is an error deletes the partial answer and tells only the caller", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps, "http", { run: failingRun });
    await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> ask why`), "EvF"), {
      contentType: "application/json",
    });
    await slack.fake.waitFor(() => slack.fake.callsTo("chat.postEphemeral").length === 1);
    expect(slack.fake.callsTo("chat.delete").map((c) => c.body.ts)).toEqual([posted()[0]?.answer.ts]);
    expect(slack.fake.callsTo("chat.postEphemeral")[0]?.body.user).toBe("U0USER01");
  });

  test("a mention's partial answers are one message, edited in place, then replaced by the answer", async () => {
    const clock = { t: Date.parse("2026-03-20T12:00:00Z") };
    const slow = { ...slack.deps, now: () => new Date(clock.t) };
    slack.app = await startTestApp(slack.fake, slow, "http", { run: slowRun(clock) });
    await postToApp(slack.app, eventBody(mention(`<@${BOT_USER}> sources`), "EvP"), {
      contentType: "application/json",
    });
    await slack.fake.waitFor(() => slack.fake.callsTo("chat.update").length === 2);
    expect(posted().map((c) => c.body.blocks[0].text.text)).toEqual(["Writing 1"]);
    const updates = slack.fake.callsTo("chat.update");
    expect(updates.map((c) => c.body.blocks[0].text.text)).toEqual(["Writing 3", "Sources"]);
    const progressTs = posted()[0]?.answer.ts;
    expect(updates.map((c) => c.body.ts)).toEqual([progressTs, progressTs]);
    expect(updates[0]?.body.channel).toBe("C0CHAN01");
  });
});
