import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { RunningAdapter } from "../src/adapters/adapter.js";
import type { CoreDeps } from "../src/core/deps.js";
import { demoDeps } from "./helpers/demo-store.js";
import { startBot } from "./helpers/discord-bot.js";
import { type FakeDiscord, startFakeDiscord } from "./helpers/fake-discord.js";
import { type FakeOpenAi, fakeModelWriter, passageWith, startFakeOpenAi } from "./helpers/fake-openai.js";
import { FakeSlack } from "./helpers/fake-slack.js";
import { postToApp, slashBody, startTestApp } from "./helpers/slack-app.js";

let deps: CoreDeps;
let model: FakeOpenAi | null = null;
let discord: FakeDiscord | null = null;
let bot: RunningAdapter | null = null;
let slack: FakeSlack | null = null;
let slackApp: RunningAdapter | null = null;

beforeAll(async () => {
  deps = await demoDeps();
});
afterAll(async () => {
  await deps.store.close();
});
afterEach(async () => {
  await bot?.stop();
  await slackApp?.stop();
  await discord?.close();
  await slack?.close();
  await model?.close();
  bot = slackApp = discord = slack = model = null;
});

const STILL_WRITING = "Still writing";

/** A model that streams three supported sentences slowly, so partial answers can be shown. */
async function streamingModel(): Promise<CoreDeps> {
  model = await startFakeOpenAi((req) => {
    const korvin = passageWith(req, /Adela Korvin, on Tuesday rejected/);
    const osk = passageWith(req, "Maren Osk");
    return {
      chunkDelayMs: 60,
      content: `${[
        `Adela Korvin rejected the offer on Tuesday [${korvin}].`,
        `Maren Osk proposed stationing 300 Norvanian soldiers at Tolm, Brisk and Aun [${osk}].`,
      ].join("\n")}\n`,
    };
  });
  return { ...deps, writer: fakeModelWriter(model, deps.store, { timeoutMs: 10_000 }) };
}

describe("a model's answer streamed into chat", () => {
  it("Discord: the deferred reply is edited with verified partial answers, then with the final answer", async () => {
    const d = await streamingModel();
    discord = await startFakeDiscord();
    bot = await startBot(discord, d, { deferAfterMs: 0, progressIntervalMs: 10 });
    const { token } = discord.interact({
      name: "ask",
      options: [{ name: "question", type: 3, value: "How many soldiers did Norvania offer?" }],
    });
    const isEdit = (r: { method: string; path: string }) =>
      r.method === "PATCH" && r.path.endsWith(`/${token}/messages/@original`);
    const final = await discord.waitForRequest(
      (r) =>
        isEdit(r) &&
        JSON.stringify(r.body).includes("Tolm") &&
        !JSON.stringify(r.body).includes(STILL_WRITING),
      10_000,
    );
    const edits = discord.requests.filter(isEdit).map((r) => JSON.stringify(r.body));
    const partial = edits.find((e) => e.includes(STILL_WRITING));
    expect(partial).toBeDefined();
    expect(partial).toContain("Adela Korvin rejected the offer on Tuesday.");
    expect(partial).not.toContain("Tolm");
    expect(edits.indexOf(partial as string)).toBeLessThan(edits.indexOf(JSON.stringify(final.body)));
    expect((final.body as { allowed_mentions?: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it("Slack: the in-channel answer is replaced in place with verified partial answers, then the final one", async () => {
    const d = await streamingModel();
    slack = await FakeSlack.start();
    const app = await startTestApp(slack, d);
    slackApp = app.adapter;
    const res = await postToApp(
      app,
      slashBody("/ask", "How many soldiers did Norvania offer?", slack.responseUrl("ask")),
    );
    expect(res.status).toBe(200);
    const final = await slack.waitFor(
      () =>
        slack
          ?.responsesTo("ask")
          .find((b) => JSON.stringify(b).includes("Tolm") && !JSON.stringify(b).includes(STILL_WRITING)),
      10_000,
    );
    const bodies = slack.responsesTo("ask");
    const partial = bodies.find((b) => JSON.stringify(b).includes(STILL_WRITING));
    expect(partial).toBeDefined();
    expect(partial.response_type).toBe("in_channel");
    expect(bodies.indexOf(partial)).toBeLessThan(bodies.indexOf(final));
    expect(final.replace_original).toBe(true);
  });
});
