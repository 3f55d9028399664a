import { describe, expect, it, vi } from "vitest";
import { serialize } from "../src/ingest/serialize.js";
import { FERRY_POST, rss } from "./helpers/feed-fixtures.js";
import { usePollerEnv, xml } from "./helpers/poller-env.js";

const setup = usePollerEnv();

describe("the polling schedule", () => {
  it("polls once on start, then on every tick of the job, and stops the job on stop", async () => {
    const jobs: Array<{ expression: string; run: () => Promise<void>; destroyed: boolean }> = [];
    const t = await setup(
      () => ({
        "/post.xml": xml(
          rss("Harlow Post", [{ guid: "p1", title: "Ferry", link: "http://x.example/1", text: FERRY_POST }]),
        ),
      }),
      {
        schedule: (expression, run) => {
          const job = { expression, run, destroyed: false };
          jobs.push(job);
          return {
            destroy: () => {
              job.destroyed = true;
            },
          };
        },
      },
    );
    await t.add("/post.xml");
    t.poller.start();
    t.poller.start();
    expect(jobs.map((j) => j.expression)).toEqual(["* * * * *"]);
    await vi.waitFor(() => expect(t.ingested).toHaveLength(1));
    expect(t.srv.hits("/post.xml")).toBe(1);
    await jobs[0]?.run();
    expect(t.srv.hits("/post.xml")).toBe(1);
    t.clock.advanceMinutes(15);
    await jobs[0]?.run();
    expect(t.srv.hits("/post.xml")).toBe(2);
    await t.poller.stop();
    expect(jobs[0]?.destroyed).toBe(true);
  });

  it("registers a real node-cron job and removes it on stop", async () => {
    const { getTasks } = await import("node-cron");
    const t = await setup(() => ({}));
    const before = getTasks().size;
    t.poller.start();
    const names = [...getTasks().values()].map((task) => task.name);
    expect(names).toContain("newsdesk-feed-poll");
    await t.poller.stop();
    expect(getTasks().size).toBe(before);
  });
});

describe("serialize", () => {
  it("runs tasks on one key one after another, even when one fails, and tasks on other keys at once", async () => {
    const log: string[] = [];
    const gate =
      (name: string, fail = false) =>
      async () => {
        log.push(`start ${name}`);
        await new Promise((resolve) => setImmediate(resolve));
        log.push(`end ${name}`);
        if (fail) throw new Error(name);
        return name;
      };
    const a = {};
    const b = {};
    const results = await Promise.allSettled([
      serialize(a, gate("a1", true)),
      serialize(a, gate("a2")),
      serialize(b, gate("b1")),
    ]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "fulfilled", "fulfilled"]);
    expect(log.indexOf("start a2")).toBeGreaterThan(log.indexOf("end a1"));
    expect(log.indexOf("start b1")).toBeLessThan(log.indexOf("end a1"));
  });
});
