import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { escapeMarkdown, renderMarkdown } from "../src/adapters/markdown/render.js";
import type { CoreDeps } from "../src/core/deps.js";
import { buildDigest } from "../src/core/digest/build.js";
import type { Citation, Reply } from "../src/core/reply.js";
import { archiveDigest, archivePath } from "../src/schedule/archive.js";
import { DigestScheduler } from "../src/schedule/digest-scheduler.js";
import {
  channelEnv,
  FROST,
  GRAIN,
  ingestFixtures,
  SLACK_GENERAL,
  STEEL,
  type testClock,
} from "./helpers/channel-fixtures.js";
import { tempDir } from "./helpers/ingest-env.js";

const headlines = (reply: Reply) =>
  reply.kind === "brief" ? reply.data.stories.map((s) => s.sources) : null;

let deps: CoreDeps;
let clock: ReturnType<typeof testClock>;
beforeEach(async () => {
  ({ deps, clock } = await channelEnv("2026-05-05T06:00:00Z"));
  await ingestFixtures(deps.store, clock.now, [FROST, STEEL, ...GRAIN]);
  clock.set("2026-05-05T08:00:00Z");
});
afterEach(async () => {
  await deps.store.close();
});

const since = new Date("2026-05-04T08:00:00Z");

describe("buildDigest", () => {
  it("gives every story since the previous digest when the channel follows no topic", async () => {
    const reply = await buildDigest(SLACK_GENERAL, deps, { since, zone: "Europe/Berlin" });
    expect(reply).toMatchObject({
      kind: "brief",
      title: "Digest",
      intro: "3 stories since Mon 4 May 2026, 10:00 CEST, most important first.",
    });
    // The story covered by three outlets comes first.
    expect(headlines(reply)).toEqual([
      ["Lumen Gazette", "Vessa Daily", "Coastline Wire"],
      ["Esk Courier"],
      ["Varden Herald"],
    ]);
  });

  it("keeps to the channel's topics, honouring exclusions, with every statement cited", async () => {
    await deps.store.channels.subscribe(SLACK_GENERAL, "tariffs -steel", false, "2026-05-01T00:00:00Z");
    const reply = await buildDigest(SLACK_GENERAL, deps, { since, zone: "UTC" });
    expect(reply.title).toBe("Digest: tariffs -steel");
    expect(headlines(reply)).toEqual([["Lumen Gazette", "Vessa Daily", "Coastline Wire"]]);
    const lines = reply.sections.flatMap((s) => s.lines);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.cite.length).toBeGreaterThan(0);
    expect(reply.citations.map((c) => c.source).sort()).toEqual([
      "Coastline Wire",
      "Lumen Gazette",
      "Vessa Daily",
    ]);
    expect(reply.citations[0]?.url).toMatch(/^https:\/\/news\.example\//);
  });

  it("names each story's matching topics when the channel follows several", async () => {
    await deps.store.channels.subscribe(SLACK_GENERAL, "frost", false, "2026-05-01T00:00:00Z");
    await deps.store.channels.subscribe(SLACK_GENERAL, "steel", false, "2026-05-01T00:00:00Z");
    const reply = await buildDigest(SLACK_GENERAL, deps, { since, zone: "UTC" });
    expect(reply.sections.map((s) => s.subtitle?.split(" · on ")[1])).toEqual(["steel", "frost"]);
  });

  it("says there is no coverage of the topics since when, when nothing new matches", async () => {
    await deps.store.channels.subscribe(SLACK_GENERAL, '"harbor strike"', false, "2026-05-01T00:00:00Z");
    const reply = await buildDigest(SLACK_GENERAL, deps, { since, zone: "Europe/Berlin" });
    expect(reply).toMatchObject({
      kind: "brief",
      intro: 'No coverage of "harbor strike" since Mon 4 May 2026, 10:00 CEST.',
      sections: [],
      data: { stories: [] },
    });
  });

  it("leaves out what arrived before the window", async () => {
    const later = await buildDigest(SLACK_GENERAL, deps, {
      since: new Date("2026-05-05T07:00:00Z"),
      zone: "UTC",
    });
    expect(headlines(later)).toEqual([]);
  });
});

describe("/digest now through the scheduler", () => {
  it("archives the digest as Markdown with citation links and starts the next one where it ended", async () => {
    const dir = tempDir().dir;
    const scheduler = new DigestScheduler({
      store: deps.store,
      posters: [],
      now: clock.now,
      logger: deps.logger,
      briefingsDir: dir,
      graceMinutes: 120,
    });
    const first = await scheduler.runNow(SLACK_GENERAL);
    expect(headlines(first)?.length).toBe(3);
    expect((await deps.store.channels.getDigest(SLACK_GENERAL))?.lastSentAt).toBe("2026-05-05T08:00:00.000Z");
    clock.set("2026-05-05T09:00:00Z");
    const second = await scheduler.runNow(SLACK_GENERAL);
    expect(second.intro).toBe("No coverage of any news since Tue 5 May 2026, 08:00 UTC.");
    const text = readFileSync(join(dir, "2026-05-05-slack-C-general.md"), "utf8");
    expect(text).toMatch(/^# Digest\n/);
    expect(text).toMatch(/\[\\\[1\\\]\]\(https:\/\/news\.example\/grain-[a-z]+\)/);
    expect(text).toContain("## Sources");
    expect(text).toContain("1. ");
    expect(text).toContain("\n---\n\n# Digest\n");
  });
});

describe("Markdown archive", () => {
  const citation: Citation = {
    n: 1,
    articleId: "a1",
    source: "Outlet",
    title: "](javascript:x)",
    url: "javascript:alert(1)",
    publishedAt: "2026-05-04",
  };
  const hostile: Reply = {
    kind: "brief",
    title: "[click](javascript:alert(1)) <img src=x onerror=alert(1)>",
    intro: "# not a heading",
    sections: [
      {
        heading: "Visit www.evil.example or https://evil.example/x *now*",
        lines: [{ text: "1. Line\nwith a break and | pipes", cite: [1] }],
        sources: [1],
      },
    ],
    citations: [citation],
    data: { topic: null, since: null, stories: [] },
  };

  it("escapes untrusted text so it cannot add links, HTML, headings or lists", () => {
    const md = renderMarkdown(hostile);
    expect(md).not.toContain("[click](");
    expect(md).not.toContain("<img");
    // Every bracket from the text is escaped, so no "](" can open a link destination.
    expect(md).not.toMatch(/(^|[^\\])\]\(/m);
    expect(md).not.toMatch(/^# not a heading/m);
    expect(md).not.toMatch(/^- 1\. /m);
    expect(md).not.toContain("https://evil");
    expect(md).toContain("\\[click\\]");
    expect(md).toContain("&lt;img");
    expect(md).toContain("- 1\\. Line with a break and \\| pipes \\[1\\]");
  });

  it("links only http(s) URLs, encoded so they cannot close the link", () => {
    expect(escapeMarkdown("a_b*c")).toBe("a\\_b\\*c");
    const reply: Reply = {
      ...hostile,
      citations: [{ ...citation, url: "https://x.example/a b)(c" }],
    };
    expect(renderMarkdown(reply)).toContain("(https://x.example/a%20b%29%28c)");
  });

  it("names files by local date, platform and sanitised channel, and appends to the same day's file", async () => {
    const dir = tempDir().dir;
    const odd = { platform: "discord" as const, workspaceId: "G", channelId: "../../etc/passwd" };
    expect(archivePath(dir, "2026-05-05", odd)).toBe(join(dir, "2026-05-05-discord-etc_passwd.md"));
    const long = (tail: string) => ({
      platform: "slack" as const,
      workspaceId: "T",
      channelId: `C${"x".repeat(90)}${tail}`,
    });
    const [a, b] = [archivePath(dir, "2026-05-05", long("1")), archivePath(dir, "2026-05-05", long("2"))];
    expect(a).not.toBe(b);
    for (const p of [a, b]) expect(p.slice(dir.length).length).toBeLessThan(100);
    expect(archivePath(dir, "2026-05-05", { ...odd, channelId: "C1:..:C2" })).toBe(
      join(dir, "2026-05-05-discord-C1_C2.md"),
    );
    const path = await archiveDigest(dir, "2026-05-05", odd, hostile);
    await archiveDigest(dir, "2026-05-05", odd, hostile);
    expect(readFileSync(path, "utf8").split("\n---\n").length).toBe(2);
  });
});
