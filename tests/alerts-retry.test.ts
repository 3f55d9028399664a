import { afterEach, describe, expect, it } from "vitest";
import type { ChannelPoster } from "../src/core/channel.js";
import type { Reply } from "../src/core/reply.js";
import { silentLogger } from "../src/logger.js";
import { AlertNotifier } from "../src/schedule/alerts.js";
import type { ClaimTerms } from "../src/store/channels.js";
import type { Store } from "../src/store/store.js";
import {
  FROST,
  GRAIN,
  ingestFixtures,
  recordingPoster,
  SLACK_GENERAL,
  SLACK_NEWS,
  sourcesOf,
  useChannelEnvs,
} from "./helpers/channel-fixtures.js";

const MINUTE = 60_000;
const { env } = useChannelEnvs();

function notifier(store: Store, now: () => Date, poster: ChannelPoster) {
  return new AlertNotifier({ store, posters: [poster], now, logger: silentLogger });
}

describe("alerts that cannot be posted any more", () => {
  it("are given up, not retried every tick, once their subscription is gone", async () => {
    const { store, clock } = await env();
    await store.channels.subscribe(SLACK_GENERAL, "tariffs", true, clock.now().toISOString());
    const { poster, posts } = recordingPoster("slack", 1);
    const alerts = notifier(store, clock.now, poster);
    clock.advance(MINUTE);
    const ids = await ingestFixtures(store, clock.now, [GRAIN[0]]);
    clock.advance(MINUTE);
    expect(await alerts.tick()).toMatchObject({ posted: 0, failed: 1 });
    await store.channels.unsubscribe(SLACK_GENERAL, "tariffs");
    clock.advance(MINUTE);
    expect(await alerts.tick()).toMatchObject({ posted: 0, failed: 0 });
    expect(await store.channels.retryableAlerts(clock.now().toISOString(), 5)).toEqual([]);
    const [storyId = ""] = (await store.storiesOfArticles(ids)).values();
    expect(await store.channels.findAlert(SLACK_GENERAL, storyId, ids)).toMatchObject({ state: "abandoned" });
    expect(posts).toEqual([]);
  });

  it("of a platform this process does not serve are left to the process that does", async () => {
    const { store } = await env();
    const terms = (owner: string): ClaimTerms => ({
      owner,
      now: "2026-05-05T06:00:00.000Z",
      leaseMs: MINUTE,
      maxAttempts: 5,
    });
    const discord = { platform: "discord" as const, workspaceId: "G1", channelId: "42" };
    await store.channels.claimAlert(discord, "story-d", "tariffs", ["d1"], terms("a"));
    await store.channels.failAlert(discord, "story-d", "a", "down", "2026-05-05T06:00:01.000Z");
    await store.channels.claimAlert(SLACK_NEWS, "story-s", "tariffs", ["s1"], terms("a"));
    await store.channels.failAlert(SLACK_NEWS, "story-s", "a", "down", "2026-05-05T06:00:02.000Z");
    const now = "2026-05-05T06:01:00.000Z";
    expect((await store.channels.retryableAlerts(now, 5, ["slack"])).map((a) => a.storyId)).toEqual([
      "story-s",
    ]);
    expect((await store.channels.retryableAlerts(now, 5)).map((a) => a.storyId)).toEqual([
      "story-d",
      "story-s",
    ]);
  });
});

describe("an alert edit that fails", () => {
  it("is tried again, so a later outlet still reaches the post", async () => {
    const { store, clock } = await env();
    await store.channels.subscribe(SLACK_GENERAL, "grain tariffs", true, clock.now().toISOString());
    const recording = recordingPoster("slack");
    let editFailures = 1;
    const poster: ChannelPoster = {
      ...recording.poster,
      async edit(channel, message, reply) {
        if (editFailures-- > 0) throw new Error("the chat platform is unavailable");
        await recording.poster.edit(channel, message, reply);
      },
    };
    const alerts = notifier(store, clock.now, poster);
    clock.advance(MINUTE);
    expect((await alerts.process(await ingestFixtures(store, clock.now, [GRAIN[0]]))).posted).toBe(1);
    clock.advance(MINUTE);
    const second = await ingestFixtures(store, clock.now, [GRAIN[1]]);
    expect(await alerts.process(second)).toMatchObject({ edited: 0, failed: 1 });
    clock.advance(MINUTE);
    expect(await alerts.tick()).toMatchObject({ edited: 1, failed: 0 });
    expect(recording.edits.map((e) => sourcesOf(e.reply))).toEqual([["Lumen Gazette", "Vessa Daily"]]);
    expect(recording.posts.length).toBe(1);
  });
});

describe("re-grouping", () => {
  it("edits the alerted story's post after an import that re-groups every story, instead of posting it again", async () => {
    const { store, clock } = await env();
    await store.channels.subscribe(SLACK_GENERAL, "grain", true, clock.now().toISOString());
    const { poster, posts, edits } = recordingPoster("slack");
    const alerts = notifier(store, clock.now, poster);
    clock.advance(MINUTE);
    expect((await alerts.process(await ingestFixtures(store, clock.now, [GRAIN[2]]))).posted).toBe(1);
    clock.advance(MINUTE);
    // Four new articles out of five: the whole corpus is grouped again and the stories replaced.
    const more = await ingestFixtures(store, clock.now, [GRAIN[0], FROST, GRAIN[1]]);
    expect(await alerts.process(more)).toMatchObject({ posted: 0, edited: 1 });
    expect(await alerts.tick()).toMatchObject({ posted: 0, edited: 0 });
    expect(posts.length).toBe(1);
    expect(edits.map((e) => sourcesOf(e.reply)?.length)).toEqual([3]);
  });
});
