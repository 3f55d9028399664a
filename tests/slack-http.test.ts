import { describe, expect, test } from "vitest";
import type { CommandContext } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import { type Json, slackSignature } from "./helpers/fake-slack.js";
import { postToApp, slashBody, startTestApp, type TestApp, useSlackTestEnv } from "./helpers/slack-app.js";

const slack = useSlackTestEnv();

/** Runs handleCommand and records the context of each call. */
function recordingRun() {
  const contexts: CommandContext[] = [];
  const run: typeof handleCommand = (input, context, d) => {
    contexts.push(context);
    return handleCommand(input, context, d);
  };
  return { run, contexts };
}

const texts = (body: Json): string => JSON.stringify(body.blocks);

describe("Slack slash commands over HTTP", () => {
  test("a signed slash command gets HTTP 200 within 3 s, then its answer at the response_url in Block Kit", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const res = await postToApp(slack.app, slashBody("/brief", "", slack.fake.responseUrl("r1")));
    expect(res.status).toBe(200);
    expect(res.ms).toBeLessThan(3000);
    const [answer] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("r1").length > 0 && slack.fake.responsesTo("r1"),
    );
    expect(answer.response_type).toBe("in_channel");
    expect(answer.text).toMatch(/^Briefing/);
    expect(answer.blocks[0]).toEqual({
      type: "header",
      text: { type: "plain_text", text: "Briefing", emoji: false },
    });
    expect(answer.blocks.some((b: Json) => b.type === "divider")).toBe(true);
    const contexts = answer.blocks.filter((b: Json) => b.type === "context");
    expect(JSON.stringify(contexts)).toContain(
      "<https://meridian-wire.example/world/2026/03/17/calder-korvin-rejects-norvania-troops|[",
    );
    expect(texts(answer)).toContain("Korvin");
  });

  test("help and usage errors are ephemeral to the caller", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    await postToApp(slack.app, slashBody("/help", "", slack.fake.responseUrl("help")));
    await postToApp(slack.app, slashBody("/stance", "", slack.fake.responseUrl("usage")));
    const [help] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("help").length > 0 && slack.fake.responsesTo("help"),
    );
    const [usage] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("usage").length > 0 && slack.fake.responsesTo("usage"),
    );
    expect(help.response_type).toBe("ephemeral");
    expect(texts(help)).toContain("/news-search");
    expect(usage.response_type).toBe("ephemeral");
    expect(texts(usage)).toContain(":warning: /stance needs topic");
  });

  test("the umbrella /newsdesk and the renamed /news-search run the commands they name", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    await postToApp(slack.app, slashBody("/newsdesk", "stance sovereignty", slack.fake.responseUrl("u1")));
    await postToApp(slack.app, slashBody("/news-search", "troops", slack.fake.responseUrl("u2")));
    await postToApp(slack.app, slashBody("/newsdesk", "", slack.fake.responseUrl("u3")));
    const [stance] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("u1").length > 0 && slack.fake.responsesTo("u1"),
    );
    const [search] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("u2").length > 0 && slack.fake.responsesTo("u2"),
    );
    const [help] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("u3").length > 0 && slack.fake.responsesTo("u3"),
    );
    expect(stance.blocks[0].text.text).toBe("Who stands where: sovereignty");
    expect(search.blocks[0].text.text).toBe("Search: troops");
    expect(help.blocks[0].text.text).toBe("newsdesk commands");
  });

  test("an unknown command under the umbrella gets an ephemeral error pointing to help", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    await postToApp(slack.app, slashBody("/newsdesk", "frobnicate now", slack.fake.responseUrl("unk")));
    const [answer] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("unk").length > 0 && slack.fake.responsesTo("unk"),
    );
    expect(answer.response_type).toBe("ephemeral");
    expect(texts(answer)).toContain('Unknown command \\"/frobnicate\\". Try /help');
  });

  test("answers Slack's url_verification challenge when the request URL is saved", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const body = JSON.stringify({ token: "t", challenge: "c-123", type: "url_verification" });
    const res = await fetch(`http://127.0.0.1:${slack.app.adapter.port}/slack/events`, {
      method: "POST",
      headers: { "content-type": "application/json", ...slackSignature(body, Math.floor(Date.now() / 1000)) },
      body,
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ challenge: "c-123" });
  });

  test("a bad signature gets 401 and runs nothing", async () => {
    const { run, contexts } = recordingRun();
    slack.app = await startTestApp(slack.fake, slack.deps, "http", { run });
    const bad = await postToApp(slack.app, slashBody("/brief", "", slack.fake.responseUrl("bad")), {
      secret: "not-the-secret",
    });
    const unsigned = await postToApp(slack.app, slashBody("/brief", "", slack.fake.responseUrl("bad")), {
      unsigned: true,
    });
    expect(bad.status).toBe(401);
    expect(unsigned.status).toBe(401);
    await postToApp(slack.app, slashBody("/topics", "", slack.fake.responseUrl("good")));
    await slack.fake.waitFor(() => slack.fake.responsesTo("good").length > 0);
    expect(contexts).toHaveLength(1);
    expect(slack.fake.responsesTo("bad")).toEqual([]);
  });

  test("a request with a stale timestamp is rejected", async () => {
    const { run, contexts } = recordingRun();
    slack.app = await startTestApp(slack.fake, slack.deps, "http", { run });
    const stale = Math.floor(Date.now() / 1000) - 10 * 60;
    const res = await postToApp(slack.app, slashBody("/brief", "", slack.fake.responseUrl("old")), {
      timestamp: stale,
    });
    expect(res.status).toBe(401);
    await new Promise((r) => setTimeout(r, 100));
    expect(contexts).toHaveLength(0);
    expect(slack.fake.responsesTo("old")).toEqual([]);
  });

  test("malformed bodies get 4xx and the app keeps serving a dozen commands after them", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    const notJson = await postToApp(slack.app, "{not json", { contentType: "application/json" });
    const noUrl = await postToApp(slack.app, slashBody("/brief", "", "").replace(/&response_url=[^&]*/, ""));
    const ftpUrl = await postToApp(slack.app, slashBody("/brief", "", "ftp://127.0.0.1/x"));
    const noType = await postToApp(slack.app, JSON.stringify({ hello: "world" }), {
      contentType: "application/json",
    });
    const garbage = await postToApp(slack.app, "\u0000\u00ff garbage", {
      unsigned: true,
      contentType: "text/plain",
    });
    expect([notJson.status, noUrl.status, ftpUrl.status, noType.status]).toEqual([400, 400, 400, 400]);
    expect(garbage.status).toBe(401);
    const ids = Array.from({ length: 12 }, (_, i) => `after-${i}`);
    const results = await Promise.all(
      ids.map((id) => postToApp(slack.app as TestApp, slashBody("/sources", "", slack.fake.responseUrl(id)))),
    );
    expect(results.map((r) => r.status)).toEqual(ids.map(() => 200));
    await slack.fake.waitFor(() => ids.every((id) => slack.fake.responsesTo(id).length === 1));
    expect(slack.fake.responsesTo("after-11")[0].blocks[0].text.text).toBe("Sources");
  });

  test("manage commands get canManageChannel from users.info (admins and owners only), cached per user", async () => {
    const { run, contexts } = recordingRun();
    slack.fake.users.set("U0ADMIN1", { is_admin: true });
    slack.fake.users.set("U0USER01", {});
    slack.app = await startTestApp(slack.fake, slack.deps, "http", { run });
    await postToApp(slack.app, slashBody("/subscribe", "tariffs", slack.fake.responseUrl("s1"), "U0ADMIN1"));
    await slack.fake.waitFor(() => slack.fake.responsesTo("s1").length > 0);
    await postToApp(slack.app, slashBody("/subscribe", "tariffs", slack.fake.responseUrl("s2"), "U0USER01"));
    const [refused] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("s2").length > 0 && slack.fake.responsesTo("s2"),
    );
    await postToApp(
      slack.app,
      slashBody("/unsubscribe", "tariffs", slack.fake.responseUrl("s3"), "U0USER01"),
    );
    await slack.fake.waitFor(() => slack.fake.responsesTo("s3").length > 0);
    await postToApp(slack.app, slashBody("/brief", "", slack.fake.responseUrl("s4"), "U0USER01"));
    await slack.fake.waitFor(() => slack.fake.responsesTo("s4").length > 0);
    expect(contexts.map((c) => c.canManageChannel)).toEqual([true, false, false, undefined]);
    expect(contexts[0]).toMatchObject({
      platform: "slack",
      userId: "U0ADMIN1",
      channelId: "C0CHAN01",
      workspaceId: "T0TEAM01",
    });
    expect(slack.fake.callsTo("users.info").map((c) => c.body.user)).toEqual(["U0ADMIN1", "U0USER01"]);
    expect(refused.response_type).toBe("ephemeral");
    expect(texts(refused)).toContain("workspace admin");
  });

  test("a 429 from the response_url is retried after its Retry-After and delivered", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    slack.fake.fail("response", 429, { "retry-after": "2" });
    await postToApp(slack.app, slashBody("/topics", "", slack.fake.responseUrl("rl")));
    const [answer] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("rl").length > 0 && slack.fake.responsesTo("rl"),
    );
    expect(answer.blocks[0].text.text).toBe("Topics");
    expect(slack.app.sleeps).toEqual([2000]);
  });

  test("an answer that cannot be delivered is logged with the command, channel and status", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps);
    slack.fake.fail("response", 503, {}, 10);
    await postToApp(slack.app, slashBody("/topics", "", slack.fake.responseUrl("lost")));
    const entry = await slack.fake.waitFor(() =>
      slack.app?.logs.find((l) => l.msg === "Slack reply not delivered"),
    );
    expect(entry).toMatchObject({ command: "/topics", channel: "C0CHAN01", status: 503 });
    expect(slack.app.sleeps).toHaveLength(3);
    expect(slack.fake.responsesTo("lost")).toEqual([]);
  });
});
