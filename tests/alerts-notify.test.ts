import { join } from "node:path";
import { PassThrough } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { consolePoster } from "../src/adapters/console/poster.js";
import { TERMINAL_CHANNEL } from "../src/core/channel-ref.js";
import type { Reply } from "../src/core/reply.js";
import { silentLogger } from "../src/logger.js";
import { AlertNotifier } from "../src/schedule/alerts.js";
import { startSchedules } from "../src/schedule/start-schedules.js";
import { openStore } from "../src/store/open-store.js";
import type { Store } from "../src/store/store.js";
import {
  FROST,
  GRAIN,
  ingestFixtures,
  recordingPoster,
  SLACK_GENERAL,
  SLACK_NEWS,
  STEEL,
  sourcesOf,
  useChannelEnvs,
} from "./helpers/channel-fixtures.js";
import { tempDir } from "./helpers/ingest-env.js";

const MINUTE = 60_000;
const { env, defer } = useChannelEnvs();

function notifier(store: Store, now: () => Date, poster = recordingPoster("slack"), owner?: string) {
  const alerts = new AlertNotifier({
    store,
    posters: [poster.poster],
    now,
    logger: silentLogger,
    ...(owner ? { owner } : {}),
  });
  return { alerts, ...poster };
}

describe("story alerts", () => {
  it("posts a story once when three outlets cover it one after another, then edits that post", async () => {
    const { store, clock } = await env();
    await store.channels.subscribe(SLACK_GENERAL, "grain tariffs", true, clock.now().toISOString());
    const { alerts, posts, edits } = notifier(store, clock.now);
    const reports = [];
    for (const article of GRAIN) {
      clock.advance(10 * MINUTE);
      reports.push(await alerts.process(await ingestFixtures(store, clock.now, [article])));
    }
    expect(reports.map((r) => [r.posted, r.edited])).toEqual([
      [1, 0],
      [0, 1],
      [0, 1],
    ]);
    expect(posts.length).toBe(1);
    expect(posts[0]?.reply).toMatchObject({ kind: "brief", title: "New story on grain tariffs" });
    expect(sourcesOf(posts[0]?.reply)).toEqual(["Lumen Gazette"]);
    expect(edits.map((e) => e.id)).toEqual(["m1", "m1"]);
    expect(edits.map((e) => sourcesOf(e.reply))).toEqual([
      ["Lumen Gazette", "Vessa Daily"],
      ["Lumen Gazette", "Vessa Daily", "Coastline Wire"],
    ]);
    expect(edits[1]?.reply.citations.length).toBe(3);
    // Seeing the same articles again changes nothing.
    expect(await alerts.process(await store.allIds())).toEqual({ posted: 0, edited: 0, failed: 0 });
  });

  it("does not alert on a story that appeared before the subscription, even when it grows", async () => {
    const { store, clock } = await env();
    await ingestFixtures(store, clock.now, [GRAIN[0]]);
    clock.advance(10 * MINUTE);
    await store.channels.subscribe(SLACK_GENERAL, "tariffs", true, clock.now().toISOString());
    const { alerts, posts } = notifier(store, clock.now);
    clock.advance(10 * MINUTE);
    await alerts.process(await ingestFixtures(store, clock.now, [GRAIN[1]]));
    expect(posts).toEqual([]);
    clock.advance(10 * MINUTE);
    await alerts.process(await ingestFixtures(store, clock.now, [STEEL]));
    expect(posts.map((p) => sourcesOf(p.reply))).toEqual([["Esk Courier"]]);
  });

  it("alerts only on matching stories, honouring exclusions, and only for subscriptions with alerts on", async () => {
    const { store, clock } = await env();
    await store.channels.subscribe(SLACK_GENERAL, "tariffs -steel", true, clock.now().toISOString());
    await store.channels.subscribe(SLACK_NEWS, "frost", false, clock.now().toISOString());
    const { alerts, posts } = notifier(store, clock.now);
    clock.advance(MINUTE);
    await alerts.process(await ingestFixtures(store, clock.now, [FROST, STEEL, GRAIN[0]]));
    expect(posts.map((p) => [p.channel.channelId, sourcesOf(p.reply)])).toEqual([
      ["C-general", ["Lumen Gazette"]],
    ]);
  });

  it("posts once per channel: two channels on the same story get a post each", async () => {
    const { store, clock } = await env();
    await store.channels.subscribe(SLACK_GENERAL, "wheat", true, clock.now().toISOString());
    await store.channels.subscribe(SLACK_GENERAL, "grain", true, clock.now().toISOString());
    await store.channels.subscribe(SLACK_NEWS, "tariffs", true, clock.now().toISOString());
    const { alerts, posts } = notifier(store, clock.now);
    clock.advance(MINUTE);
    await alerts.process(await ingestFixtures(store, clock.now, [GRAIN[0]]));
    expect(posts.map((p) => p.channel.channelId).sort()).toEqual(["C-general", "C-news"]);
  });

  it("retries a failed alert on the next tick and posts it exactly once", async () => {
    const { store, clock } = await env();
    await store.channels.subscribe(SLACK_GENERAL, "tariffs", true, clock.now().toISOString());
    const { alerts, posts } = notifier(store, clock.now, recordingPoster("slack", 1));
    clock.advance(MINUTE);
    await ingestFixtures(store, clock.now, [GRAIN[0]]);
    clock.advance(MINUTE);
    expect(await alerts.tick()).toMatchObject({ posted: 0, failed: 1 });
    clock.advance(MINUTE);
    expect(await alerts.tick()).toMatchObject({ posted: 1 });
    clock.advance(MINUTE);
    expect(await alerts.tick()).toMatchObject({ posted: 0, failed: 0 });
    expect(posts.length).toBe(1);
  });

  it("posts once when two processes on one database see the same new story at the same time", async () => {
    const path = join(tempDir().dir, "alerts.db");
    const { clock } = await env();
    const [a, b] = [await openStore(path), await openStore(path)];
    defer(async () => {
      await a.close();
      await b.close();
    });
    await a.channels.subscribe(SLACK_GENERAL, "tariffs", true, clock.now().toISOString());
    clock.advance(MINUTE);
    const ids = await ingestFixtures(a, clock.now, [GRAIN[0]]);
    const one = notifier(a, clock.now, recordingPoster("slack"), "process-a");
    const two = notifier(b, clock.now, recordingPoster("slack"), "process-b");
    await Promise.all([one.alerts.process(ids), two.alerts.process(ids)]);
    expect(one.posts.length + two.posts.length).toBe(1);
    clock.advance(MINUTE);
    const more = await ingestFixtures(b, clock.now, [GRAIN[1]]);
    await Promise.all([one.alerts.process(more), two.alerts.process(more)]);
    expect(one.edits.length + two.edits.length).toBe(1);
  });
});

describe("startSchedules on the terminal", () => {
  it("prints alerts for the terminal channel into the prompt's output on the next tick", async () => {
    const { store, clock } = await env();
    const output = new PassThrough();
    let printed = "";
    output.on("data", (chunk: Buffer) => {
      printed += chunk.toString("utf8");
    });
    const running = await startSchedules({
      store,
      posters: [consolePoster(output, { columns: 100 })],
      config: { digestGraceMinutes: 120, briefingsDir: tempDir().dir },
      logger: silentLogger,
      now: clock.now,
    });
    defer(() => running.stop());
    await store.channels.subscribe(TERMINAL_CHANNEL, "tariffs", true, clock.now().toISOString());
    clock.advance(MINUTE);
    await ingestFixtures(store, clock.now, [GRAIN[0]]);
    clock.advance(MINUTE);
    await running.digests.tick();
    expect(printed).toContain("New story on tariffs");
    expect(printed).toContain("Lumen Gazette");
    clock.advance(MINUTE);
    await ingestFixtures(store, clock.now, [GRAIN[1]]);
    clock.advance(MINUTE);
    await running.digests.tick();
    expect(printed).toContain("(update of console-1)");
    expect(printed.match(/New story on tariffs/g)?.length).toBe(2);
  });
});
