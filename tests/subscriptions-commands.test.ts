import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CommandContext, CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Reply } from "../src/core/reply.js";
import { channelEnv, SLACK_GENERAL } from "./helpers/channel-fixtures.js";

const admin = (channelId: string): CommandContext => ({
  platform: "slack",
  workspaceId: "T1",
  channelId,
  canManageChannel: true,
});

function lines(reply: Reply): string[] {
  return reply.sections.flatMap((s) => s.lines.map((l) => l.text));
}

let deps: CoreDeps;
beforeEach(async () => {
  ({ deps } = await channelEnv());
});
afterEach(async () => {
  await deps.store.close();
});

describe("/subscribe, /unsubscribe, /subscriptions", () => {
  it("stores a topic for the channel in canonical form and answers with a notice", async () => {
    const reply = await handleCommand('/subscribe Tariffs -steel "trade war"', admin("C-general"), deps);
    expect(reply).toMatchObject({
      kind: "notice",
      title: "Subscribed",
      data: { command: "subscribe", status: "ok" },
    });
    expect(lines(reply)[0]).toBe('This channel now follows "trade war" tariffs -steel.');
    const subs = await deps.store.channels.subscriptions(SLACK_GENERAL);
    expect(subs.map((s) => [s.topic, s.alertsSince])).toEqual([['"trade war" tariffs -steel', null]]);
  });

  it("turns alerts on with a trailing `alerts`, and off again when subscribed without it", async () => {
    await handleCommand("/subscribe grain tariffs alerts", admin("C-general"), deps);
    let [sub] = await deps.store.channels.subscriptions(SLACK_GENERAL);
    expect(sub?.alertsSince).toBe("2026-05-05T06:00:00.000Z");
    const again = await handleCommand("/subscribe tariffs grain", admin("C-general"), deps);
    expect(again.title).toBe("Subscription updated");
    expect(lines(again)[1]).toContain("Alerts off");
    [sub] = await deps.store.channels.subscriptions(SLACK_GENERAL);
    expect(sub?.alertsSince).toBeNull();
  });

  it("keeps two channels' subscriptions apart", async () => {
    await handleCommand("/subscribe tariffs", admin("C-general"), deps);
    await handleCommand("/subscribe frost", admin("C-news"), deps);
    const general = await handleCommand("/subscriptions", admin("C-general"), deps);
    const news = await handleCommand("/subscriptions", admin("C-news"), deps);
    expect(lines(general)[0]).toBe("tariffs");
    expect(lines(general)).not.toContain("frost");
    expect(lines(news)[0]).toBe("frost");
    const elsewhere = await handleCommand("/unsubscribe tariffs", admin("C-news"), deps);
    expect(elsewhere).toMatchObject({ kind: "error", reason: "not-found" });
    expect((await deps.store.channels.subscriptions(SLACK_GENERAL)).length).toBe(1);
  });

  it("unsubscribes by the same topic written differently, or with its `alerts` word", async () => {
    await handleCommand('/subscribe tariffs -steel "trade war" alerts', admin("C-general"), deps);
    const reply = await handleCommand(
      '/unsubscribe -STEEL "Trade  War" tariffs alerts',
      admin("C-general"),
      deps,
    );
    expect(reply).toMatchObject({ kind: "notice", title: "Unsubscribed" });
    expect(await deps.store.channels.subscriptions(SLACK_GENERAL)).toEqual([]);
  });

  it("treats a topic written with singulars or plurals (which match the same stories) as the one followed", async () => {
    await handleCommand('/subscribe tariffs "trade wars"', admin("C-general"), deps);
    const again = await handleCommand('/subscribe "Trade War" tariff alerts', admin("C-general"), deps);
    expect(again).toMatchObject({ kind: "notice", title: "Subscription updated" });
    expect(lines(again)[0]).toBe('This channel follows "trade wars" tariffs.');
    const subs = await deps.store.channels.subscriptions(SLACK_GENERAL);
    expect(subs.map((s) => [s.topic, s.alertsSince !== null])).toEqual([['"trade wars" tariffs', true]]);
    const removed = await handleCommand('/unsubscribe tariff "trade war"', admin("C-general"), deps);
    expect(lines(removed)[0]).toBe('This channel no longer follows "trade wars" tariffs.');
    expect(await deps.store.channels.subscriptions(SLACK_GENERAL)).toEqual([]);
  });

  it("says which topics the channel follows when unsubscribing from an unknown one", async () => {
    await handleCommand("/subscribe tariffs", admin("C-general"), deps);
    const reply = await handleCommand("/unsubscribe frost", admin("C-general"), deps);
    expect(reply).toMatchObject({ kind: "error", reason: "not-found" });
    expect(reply.kind === "error" && reply.message).toContain("It follows: tariffs.");
  });

  it("lists topics with their alerts and the digest schedule", async () => {
    await handleCommand("/subscribe tariffs alerts", admin("C-general"), deps);
    await handleCommand("/digest 07:30 Europe/Berlin weekdays", admin("C-general"), deps);
    const reply = await handleCommand("/subscriptions", admin("C-general"), deps);
    expect(reply).toMatchObject({
      kind: "notice",
      title: "This channel follows 1 topic",
      data: { status: "info" },
    });
    expect(lines(reply)).toEqual(["tariffs · alerts on", "Digest: weekdays at 07:30 (Europe/Berlin)."]);
  });

  it("refuses to change a channel's setup without the permission (forbidden), but lists for anyone", async () => {
    const member: CommandContext = {
      platform: "discord",
      workspaceId: "G1",
      channelId: "42",
      canManageChannel: false,
    };
    for (const command of [
      "/subscribe tariffs",
      "/unsubscribe tariffs",
      "/digest 08:00",
      "/digest off",
      "/digest now",
    ]) {
      expect(await handleCommand(command, member, deps)).toMatchObject({
        kind: "error",
        reason: "forbidden",
      });
    }
    expect(await handleCommand("/subscriptions", member, deps)).toMatchObject({ kind: "notice" });
    expect(await handleCommand("/digest status", member, deps)).toMatchObject({ kind: "notice" });
    expect(await handleCommand("/digest", member, deps)).toMatchObject({ kind: "notice" });
    const channel = { platform: "discord" as const, workspaceId: "G1", channelId: "42" };
    expect(await deps.store.channels.subscriptions(channel)).toEqual([]);
  });

  it("gives usage errors for bad topics and when no channel is known", async () => {
    const bad = await handleCommand("/subscribe -steel", admin("C-general"), deps);
    expect(bad).toMatchObject({
      kind: "error",
      reason: "usage",
      usage: expect.stringContaining("/subscribe <topic>"),
    });
    const noChannel = await handleCommand(
      "/subscribe tariffs",
      { platform: "slack", canManageChannel: true },
      deps,
    );
    expect(noChannel).toMatchObject({
      kind: "error",
      reason: "usage",
      message: expect.stringContaining("channel"),
    });
  });

  it("files terminal and `newsdesk chat` subscriptions under the local terminal channel", async () => {
    await handleCommand("/subscribe frost", { platform: "console", canManageChannel: true }, deps);
    await handleCommand("/subscribe tariffs", { platform: "cli", canManageChannel: true }, deps);
    const terminal = { platform: "console" as const, workspaceId: "local", channelId: "terminal" };
    expect((await deps.store.channels.subscriptions(terminal)).map((s) => s.topic)).toEqual([
      "frost",
      "tariffs",
    ]);
  });

  it("keeps a Discord direct message (no guild) as a channel of its own", async () => {
    const dm: CommandContext = { platform: "discord", channelId: "D55", canManageChannel: true };
    await handleCommand("/subscribe frost", dm, deps);
    const direct = { platform: "discord" as const, workspaceId: "direct", channelId: "D55" };
    expect((await deps.store.channels.subscriptions(direct)).map((s) => s.topic)).toEqual(["frost"]);
    const listed = await handleCommand("/subscriptions", { ...dm, canManageChannel: false }, deps);
    expect(lines(listed)[0]).toBe("frost");
  });

  it("caps the topics of one channel", async () => {
    for (let i = 0; i < 25; i++) await handleCommand(`/subscribe topic${i}`, admin("C-general"), deps);
    const reply = await handleCommand("/subscribe one too many", admin("C-general"), deps);
    expect(reply).toMatchObject({ kind: "error", message: expect.stringContaining("25 topics") });
    expect(await handleCommand("/subscribe topic3 alerts", admin("C-general"), deps)).toMatchObject({
      kind: "notice",
    });
  });
});
