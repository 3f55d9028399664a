import { afterEach, beforeAll, beforeEach, describe, expect, test } from "vitest";
import type { CoreDeps } from "../src/core/deps.js";
import { demoDeps } from "./helpers/demo-store.js";
import { BOT_USER, FakeSlack, TEAM } from "./helpers/fake-slack.js";
import { startTestApp, type TestApp } from "./helpers/slack-app.js";

let deps: CoreDeps;
let fake: FakeSlack;
let app: TestApp | undefined;

beforeAll(async () => {
  deps = await demoDeps();
});

beforeEach(async () => {
  fake = await FakeSlack.start();
  await fake.startSocket();
});

afterEach(async () => {
  await app?.adapter.stop();
  app = undefined;
  await fake.close();
});

describe("Slack Socket Mode", () => {
  test("connects with the app token, acknowledges a slash command envelope and answers at the response_url", async () => {
    app = await startTestApp(fake, deps, "socket");
    const [open] = fake.callsTo("apps.connections.open");
    expect(open?.headers.authorization).toBe("Bearer xapp-test-app-token");
    fake.sendEnvelope({
      envelope_id: "env-1",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        token: "verification-token",
        team_id: TEAM,
        channel_id: "C0CHAN01",
        user_id: "U0USER01",
        command: "/stance",
        text: "sovereignty",
        response_url: fake.responseUrl("sock"),
        api_app_id: "A0TEST",
        trigger_id: "1.2.3",
      },
    });
    const ack = await fake.waitFor(() => fake.socketMessages.find((m) => m.envelope_id === "env-1"));
    expect(ack).toEqual({ envelope_id: "env-1", payload: {} });
    const [answer] = await fake.waitFor(
      () => fake.responsesTo("sock").length > 0 && fake.responsesTo("sock"),
    );
    expect(answer.response_type).toBe("in_channel");
    expect(answer.blocks[0].text.text).toBe("Who stands where: sovereignty");
  });

  test("acknowledges a mention envelope and answers in a thread", async () => {
    app = await startTestApp(fake, deps, "socket");
    fake.sendEnvelope({
      envelope_id: "env-2",
      type: "events_api",
      accepts_response_payload: false,
      payload: {
        team_id: TEAM,
        api_app_id: "A0TEST",
        type: "event_callback",
        event_id: "EvS1",
        event_time: 1_700_000_000,
        authorizations: [{ team_id: TEAM, user_id: BOT_USER, is_bot: true }],
        event: {
          type: "app_mention",
          user: "U0USER01",
          text: `<@${BOT_USER}> sources`,
          ts: "1700000100.000100",
          channel: "C0CHAN01",
          event_ts: "1700000100.000100",
        },
      },
    });
    await fake.waitFor(() => fake.socketMessages.find((m) => m.envelope_id === "env-2"));
    const [post] = await fake.waitFor(
      () => fake.callsTo("chat.postMessage").length > 0 && fake.callsTo("chat.postMessage"),
    );
    expect(post?.body).toMatchObject({ channel: "C0CHAN01", thread_ts: "1700000100.000100" });
    expect(post?.body.blocks[0].text.text).toBe("Sources");
  });

  test("reconnects when Slack asks it to, and serves commands on the new connection", async () => {
    app = await startTestApp(fake, deps, "socket", { socketPingTimeoutMs: 100 });
    fake.sendDisconnect();
    await fake.waitFor(() => fake.callsTo("apps.connections.open").length === 2);
    await fake.waitFor(() => fake.openSockets() === 1 && fake.connections === 2);
    fake.sendEnvelope({
      envelope_id: "env-3",
      type: "slash_commands",
      accepts_response_payload: true,
      payload: {
        team_id: TEAM,
        channel_id: "C0CHAN01",
        user_id: "U0USER01",
        command: "/topics",
        text: "",
        response_url: fake.responseUrl("again"),
      },
    });
    const [answer] = await fake.waitFor(
      () => fake.responsesTo("again").length > 0 && fake.responsesTo("again"),
    );
    expect(answer.blocks[0].text.text).toBe("Topics");
  });

  test("stop() closes the WebSocket connection", async () => {
    app = await startTestApp(fake, deps, "socket");
    await app.adapter.stop();
    app = undefined;
    await fake.waitFor(() => fake.openSockets() === 0);
  });
});
