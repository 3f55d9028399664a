import { describe, expect, test } from "vitest";
import { BOT_USER, TEAM } from "./helpers/fake-slack.js";
import { startTestApp, useSlackTestEnv } from "./helpers/slack-app.js";

const slack = useSlackTestEnv({ socket: true });

/** Delivers a /topics slash command over the socket and checks it is answered at its response_url. */
async function expectTopicsAnswered(envelopeId: string, responseId: string): Promise<void> {
  slack.fake.sendEnvelope({
    envelope_id: envelopeId,
    type: "slash_commands",
    accepts_response_payload: true,
    payload: {
      team_id: TEAM,
      channel_id: "C0CHAN01",
      user_id: "U0USER01",
      command: "/topics",
      text: "",
      response_url: slack.fake.responseUrl(responseId),
    },
  });
  const [answer] = await slack.fake.waitFor(
    () => slack.fake.responsesTo(responseId).length > 0 && slack.fake.responsesTo(responseId),
  );
  expect(answer.blocks[0].text.text).toBe("Topics");
}

describe("Slack Socket Mode", () => {
  test("connects with the app token, acknowledges a slash command envelope and answers at the response_url", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps, "socket");
    const [open] = slack.fake.callsTo("apps.connections.open");
    expect(open?.headers.authorization).toBe("Bearer xapp-test-app-token");
    slack.fake.sendEnvelope({
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
        response_url: slack.fake.responseUrl("sock"),
        api_app_id: "A0TEST",
        trigger_id: "1.2.3",
      },
    });
    const ack = await slack.fake.waitFor(() =>
      slack.fake.socketMessages.find((m) => m.envelope_id === "env-1"),
    );
    expect(ack).toEqual({ envelope_id: "env-1", payload: {} });
    const [answer] = await slack.fake.waitFor(
      () => slack.fake.responsesTo("sock").length > 0 && slack.fake.responsesTo("sock"),
    );
    expect(answer.response_type).toBe("in_channel");
    expect(answer.blocks[0].text.text).toBe("Who stands where: sovereignty");
  });

  test("acknowledges a mention envelope and answers in a thread", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps, "socket");
    slack.fake.sendEnvelope({
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
    await slack.fake.waitFor(() => slack.fake.socketMessages.find((m) => m.envelope_id === "env-2"));
    const [post] = await slack.fake.waitFor(
      () => slack.fake.callsTo("chat.postMessage").length > 0 && slack.fake.callsTo("chat.postMessage"),
    );
    expect(post?.body).toMatchObject({ channel: "C0CHAN01", thread_ts: "1700000100.000100" });
    expect(post?.body.blocks[0].text.text).toBe("Sources");
  });

  test("reconnects when Slack asks it to, and serves commands on the new connection", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps, "socket", { socketPingTimeoutMs: 100 });
    slack.fake.sendDisconnect();
    await slack.fake.waitFor(() => slack.fake.callsTo("apps.connections.open").length === 2);
    await slack.fake.waitFor(() => slack.fake.openSockets() === 1 && slack.fake.connections === 2);
    await expectTopicsAnswered("env-3", "again");
  });

  test("when reconnecting fails, it logs, keeps trying and serves commands again once Slack is back", async () => {
    const rejections: unknown[] = [];
    const onRejection = (reason: unknown) => rejections.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
      slack.app = await startTestApp(slack.fake, slack.deps, "socket", {
        socketPingTimeoutMs: 100,
        socketReconnectDelayMs: 20,
      });
      // Slack's API is down for the next two reconnection attempts.
      slack.fake.fail("apps.connections.open", 500, {}, 2);
      slack.fake.sendDisconnect();
      await slack.fake.waitFor(() => slack.fake.callsTo("apps.connections.open").length === 4, 8000);
      await slack.fake.waitFor(() => slack.fake.openSockets() === 1 && slack.fake.connections === 2, 8000);
      await expectTopicsAnswered("env-4", "back");
      expect(rejections).toEqual([]);
      expect(slack.app.logs.filter((l) => l.msg === "Slack Socket Mode reconnection failed")).toHaveLength(2);
    } finally {
      process.off("unhandledRejection", onRejection);
    }
  });

  test("stop() closes the WebSocket connection", async () => {
    slack.app = await startTestApp(slack.fake, slack.deps, "socket");
    await slack.app.adapter.stop();
    slack.app = undefined;
    await slack.fake.waitFor(() => slack.fake.openSockets() === 0);
  });
});
