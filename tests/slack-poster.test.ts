import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, test } from "vitest";
import { boltLogger } from "../src/adapters/slack/bolt-logger.js";
import { AdminCheck } from "../src/adapters/slack/permissions.js";
import { SlackPoster } from "../src/adapters/slack/poster.js";
import { ProgressGate } from "../src/adapters/slack/progress.js";
import { postResponse, ResponseUrlError } from "../src/adapters/slack/respond.js";
import type { ChannelRef } from "../src/core/channel.js";
import type { Reply } from "../src/core/reply.js";
import { silentLogger } from "../src/logger.js";
import { BOT_TOKEN, FakeSlack, NOT_IN_CHANNEL } from "./helpers/fake-slack.js";
import { memoryLogger } from "./helpers/slack-app.js";
import { expectWithinLimits } from "./helpers/slack-limits.js";

let fake: FakeSlack;
let sleeps: number[];
const sleep = async (ms: number) => {
  sleeps.push(ms);
};

beforeEach(async () => {
  fake = await FakeSlack.start();
  sleeps = [];
});

afterEach(async () => {
  await fake.close();
});

const client = () =>
  new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    logger: boltLogger(silentLogger),
  });

const channel: ChannelRef = { platform: "slack", workspaceId: "T0TEAM01", channelId: "C0DIGEST" };

/** A notice with `n` lines of about 900 characters: about 12 fit in one message. */
function notice(n: number, title = "Digest"): Reply {
  const lines = Array.from({ length: n }, (_, i) => ({ text: `Line ${i} ${"word ".repeat(180)}`, cite: [] }));
  return {
    kind: "notice",
    title,
    sections: [{ lines }],
    citations: [],
    data: { command: "digest", status: "info" },
  };
}

describe("SlackPoster (scheduled posts)", () => {
  test("post() sends a reply with chat.postMessage, split over several messages when long", async () => {
    const poster = new SlackPoster({ client: client(), sleep, logger: silentLogger });
    const posted = await poster.post(channel, notice(30));
    const calls = fake.callsTo("chat.postMessage");
    expect(calls.length).toBeGreaterThan(1);
    expect(posted.id).toBe(calls.map((c) => c.answer.ts).join(","));
    expect(calls.every((c) => c.body.channel === "C0DIGEST" && c.body.text)).toBe(true);
    expect(calls[0]?.body.blocks[0].text.text).toBe("Digest");
    expectWithinLimits(calls.map((c) => ({ text: c.body.text, blocks: c.body.blocks })));
  });

  test("edit() replaces each message in place and deletes the ones the new version no longer needs", async () => {
    const poster = new SlackPoster({ client: client(), sleep, logger: silentLogger });
    const posted = await poster.post(channel, notice(30));
    const ids = posted.id.split(",");
    await poster.edit(channel, posted, notice(1, "Digest, updated"));
    const updates = fake.callsTo("chat.update");
    expect(updates).toHaveLength(1);
    expect(updates[0]?.body).toMatchObject({ channel: "C0DIGEST", ts: ids[0] });
    expect(updates[0]?.body.blocks[0].text.text).toBe("Digest, updated");
    expect(fake.callsTo("chat.delete").map((c) => c.body.ts)).toEqual(ids.slice(1));
  });

  test("edit() keeps the new version within the old number of messages", async () => {
    const poster = new SlackPoster({ client: client(), sleep, logger: silentLogger });
    const posted = await poster.post(channel, notice(1));
    await poster.edit(channel, posted, notice(60));
    const updates = fake.callsTo("chat.update");
    expect(updates).toHaveLength(1);
    expect(JSON.stringify(updates[0]?.body.blocks)).toMatch(/… and \d+ more lines/);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(1);
  });

  test("a 429 is waited out for its Retry-After, then the post goes through", async () => {
    const poster = new SlackPoster({ client: client(), sleep, logger: silentLogger });
    fake.fail("chat.postMessage", 429, { "retry-after": "3" }, 2);
    await poster.post(channel, notice(1));
    expect(sleeps).toEqual([3000, 3000]);
    expect(fake.callsTo("chat.postMessage")).toHaveLength(3);
  });

  test("a post Slack refuses is logged with the channel and thrown, not dropped", async () => {
    const { logger, lines } = memoryLogger();
    const poster = new SlackPoster({ client: client(), sleep, logger });
    await expect(poster.post({ ...channel, channelId: NOT_IN_CHANNEL }, notice(1))).rejects.toThrow(
      /not_in_channel/,
    );
    expect(lines).toContainEqual(
      expect.objectContaining({
        msg: "Slack Web API call failed",
        method: "chat.postMessage",
        channel: NOT_IN_CHANNEL,
        error: "not_in_channel",
      }),
    );
  });
});

describe("AdminCheck", () => {
  test("admins and owners may manage channels; answers are cached for the TTL; failures mean no", async () => {
    let t = Date.parse("2026-03-20T12:00:00Z");
    fake.users.set("U0OWNER", { is_owner: true });
    fake.users.set("U0MEMBER", {});
    const admins = new AdminCheck({
      client: client(),
      now: () => new Date(t),
      sleep,
      logger: silentLogger,
      ttlMs: 60_000,
    });
    expect(await admins.canManageChannel("U0OWNER", "T1")).toBe(true);
    expect(await admins.canManageChannel("U0MEMBER", "T1")).toBe(false);
    expect(await admins.canManageChannel("U0GHOST", "T1")).toBe(false);
    fake.users.set("U0MEMBER", { is_admin: true });
    expect(await admins.canManageChannel("U0MEMBER", "T1")).toBe(false);
    t += 61_000;
    expect(await admins.canManageChannel("U0MEMBER", "T1")).toBe(true);
    expect(fake.callsTo("users.info").map((c) => c.body.user)).toEqual([
      "U0OWNER",
      "U0MEMBER",
      "U0GHOST",
      "U0MEMBER",
    ]);
  });
});

describe("postResponse (response_url)", () => {
  const message = { text: "hi", blocks: [] };

  test("retries a 5xx, honouring an HTTP-date Retry-After", async () => {
    fake.fail("response", 502, { "retry-after": new Date(Date.now() + 5000).toUTCString() });
    await postResponse(fake.responseUrl("x"), message, { sleep, logger: silentLogger });
    expect(fake.responsesTo("x")).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(2000);
    expect(sleeps[0]).toBeLessThanOrEqual(5000);
  });

  test("does not retry a 404 (an expired response_url) and reports its status", async () => {
    fake.fail("response", 404);
    const err = await postResponse(fake.responseUrl("y"), message, { sleep, logger: silentLogger }).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ResponseUrlError);
    expect((err as ResponseUrlError).status).toBe(404);
    expect(sleeps).toEqual([]);
  });

  test("gives up when Retry-After asks for more than a minute", async () => {
    fake.fail("response", 429, { "retry-after": "600" });
    const err = await postResponse(fake.responseUrl("z"), message, { sleep, logger: silentLogger }).catch(
      (e) => e,
    );
    expect((err as ResponseUrlError).status).toBe(429);
    expect(sleeps).toEqual([]);
  });

  test("does not retry a request that timed out: Slack may have posted it, and a retry would post it twice", async () => {
    let calls = 0;
    const timingOut = (async () => {
      calls++;
      throw new DOMException("The operation was aborted due to timeout", "TimeoutError");
    }) as unknown as typeof fetch;
    const err = await postResponse(fake.responseUrl("slow"), message, {
      sleep,
      logger: silentLogger,
      fetch: timingOut,
    }).catch((e) => e);
    expect(err).toBeInstanceOf(ResponseUrlError);
    expect((err as ResponseUrlError).message).toMatch(/timed out/);
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test("retries a refused connection, then reports it", async () => {
    const url = fake.responseUrl("gone");
    await fake.close();
    const err = await postResponse(url, message, { sleep, logger: silentLogger }).catch((e) => e);
    fake = await FakeSlack.start();
    expect(err).toBeInstanceOf(ResponseUrlError);
    expect(sleeps).toEqual([1000, 2000, 3000]);
  });
});

describe("ProgressGate", () => {
  test("sends at most one update per interval and maxUpdates in all; close waits for them", async () => {
    let t = 0;
    const sent: string[] = [];
    const gate = new ProgressGate(
      async (partial) => {
        await new Promise((r) => setTimeout(r, 5));
        sent.push(partial.title);
      },
      { now: () => new Date(t), intervalMs: 1000, maxUpdates: 3, logger: silentLogger },
    );
    for (let i = 0; i < 10; i++) {
      gate.offer(notice(1, `p${i}`));
      t += 400;
    }
    expect(await gate.close()).toBe(3);
    expect(sent).toEqual(["p0", "p3", "p6"]);
    gate.offer(notice(1, "late"));
    expect(sent).toHaveLength(3);
  });

  test("a failed update is logged and not counted as shown", async () => {
    const gate = new ProgressGate(
      async () => {
        throw new Error("boom");
      },
      { now: () => new Date(0), intervalMs: 1000, maxUpdates: 3, logger: silentLogger },
    );
    gate.offer(notice(1));
    expect(await gate.close()).toBe(0);
  });
});
