import { describe, expect, it } from "vitest";
import type { ChannelRef } from "../src/core/channel.js";
import { buildDigest } from "../src/core/digest/build.js";
import type { Reply } from "../src/core/reply.js";
import { passagesOf, useModelTestEnv } from "./helpers/fake-openai.js";

const llm = useModelTestEnv();
const CHANNEL: ChannelRef = { platform: "slack", workspaceId: "T1", channelId: "C-digest" };
const ALL = { since: new Date("2000-01-01T00:00:00Z"), zone: "UTC" };

const lines = (r: Reply) => r.sections.flatMap((s) => s.lines.map((l) => l.text));

describe("digests written by the model", () => {
  it("writes a digest's stories through the model writer, cited, and a second identical digest costs no request", async () => {
    // The model answers each story with its last passage: not one of the extractive sentences.
    const written: string[] = [];
    const deps = await llm.withModel((req) => {
      const [id, text] = [...passagesOf(req)].at(-1) ?? ["P1", ""];
      written.push(text);
      return { content: `${text} [${id}]\n` };
    });
    const offline = await buildDigest(CHANNEL, llm.deps, ALL);
    const first = await buildDigest(CHANNEL, deps, ALL);
    const requests = llm.server?.requests.length ?? 0;
    expect(requests).toBeGreaterThan(1);
    expect(first.sections.length).toBe(requests);
    expect(lines(first).sort()).toEqual([...written].sort());
    expect(lines(first)).not.toEqual(lines(offline));
    expect(first.note).toBeUndefined();
    expect(first.sections.every((s) => s.lines.every((l) => l.cite.length > 0))).toBe(true);

    const second = await buildDigest(CHANNEL, deps, ALL);
    expect(llm.server?.requests.length).toBe(requests);
    expect(lines(second)).toEqual(lines(first));
  });

  it("falls back to the offline digest with a note when the model fails", async () => {
    const offline = await buildDigest(CHANNEL, llm.deps, ALL);
    const deps = await llm.withModel(() => ({ status: 500 }));
    const digest = await buildDigest(CHANNEL, deps, ALL);
    expect(lines(digest)).toEqual(lines(offline));
    expect(digest.note).toMatch(/offline/);
  });
});
