import { beforeAll, describe, expect, test } from "vitest";
import { renderReply } from "../src/adapters/slack/blocks.js";
import type { SlackMessage } from "../src/adapters/slack/types.js";
import type { CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Citation, Reply, ReplySection } from "../src/core/reply.js";
import { errorReply } from "../src/core/reply.js";
import { demoDeps } from "./helpers/demo-store.js";
import { expectHarmless, expectWithinLimits, mrkdwnTexts } from "./helpers/slack-limits.js";

/** Text an attacker could plant in an article, a title or a command argument. */
const HOSTILE =
  "<!channel> <!here> <!everyone> <@U0VICTIM> <#C0SECRET|secret> <!subteam^S0TEAM|@team> @channel @here " +
  "&amp; & <b>bold</b> <https://evil.example|click me> \u202etxet\u202c line\nbreak";
const long = (n: number) =>
  `${HOSTILE} ${"lorem ipsum dolor sit amet ".repeat(Math.ceil(n / 27))}`.slice(0, n);

function citations(n: number): Citation[] {
  return Array.from({ length: n }, (_, i) => ({
    n: i + 1,
    articleId: `a${i + 1}`,
    source: `Outlet ${i + 1} <!here>`,
    title: `${HOSTILE} ${i + 1}`.repeat(2),
    url: i % 3 === 0 ? `https://news.example/a|b>c?x=1&y=<${i}>` : i % 3 === 1 ? "javascript:alert(1)" : null,
    publishedAt: "2026-03-17",
  }));
}

function stories(count: number, sources: number): ReplySection[] {
  return Array.from({ length: count }, () => ({
    heading: long(400),
    subtitle: long(700),
    lines: [
      { text: long(4000), cite: [1, 2] },
      { text: long(900), cite: [3] },
    ],
    sources: Array.from({ length: sources }, (_, j) => j + 1),
  }));
}

const lines = (count: number, size: number, speaker?: string): ReplySection[] => [
  {
    lines: Array.from({ length: count }, (_, i) => ({
      text: long(size),
      cite: [(i % 40) + 1],
      ...(speaker ? { speaker } : {}),
    })),
  },
];

const base = { title: long(400), intro: long(5000), note: long(3000), citations: citations(40) };

/** One oversized, hostile Reply of every kind. */
const KINDS: Record<Reply["kind"], Reply> = {
  brief: {
    ...base,
    kind: "brief",
    sections: stories(60, 40),
    data: { topic: HOSTILE, since: null, stories: [] },
  },
  stories: { ...base, kind: "stories", sections: stories(80, 12), data: { topic: null, stories: [] } },
  stance: {
    ...base,
    kind: "stance",
    sections: stories(30, 0).map((s) => ({ ...s, lines: lines(12, 800, HOSTILE)[0]?.lines ?? [] })),
    data: { topic: HOSTILE, relatedTerms: [], actors: [] },
  },
  quotes: {
    ...base,
    kind: "quotes",
    sections: lines(300, 700, long(200)),
    data: { query: HOSTILE, quotes: [] },
  },
  answer: { ...base, kind: "answer", sections: lines(200, 1200), data: { question: HOSTILE, sentences: [] } },
  search: { ...base, kind: "search", sections: stories(120, 1), data: { query: HOSTILE, results: [] } },
  summary: { ...base, kind: "summary", sections: lines(40, 3500), data: { articleId: "a1", sentences: [] } },
  topics: { ...base, kind: "topics", sections: lines(500, 120), data: { topics: [] } },
  sources: { ...base, kind: "sources", sections: lines(400, 150), data: { sources: [] } },
  help: {
    ...base,
    kind: "help",
    sections: lines(80, 100),
    data: {
      commands: Array.from({ length: 80 }, (_, i) => ({
        name: `c${i}`,
        usage: `/search ${long(300)}`,
        description: long(600),
      })),
    },
  },
  "no-coverage": {
    ...base,
    kind: "no-coverage",
    sections: lines(50, 300),
    data: { query: HOSTILE, suggestions: [], articleCount: 3 },
  },
  notice: {
    ...base,
    kind: "notice",
    sections: lines(100, 400),
    data: { command: "subscribe", status: "ok" },
  },
  error: { ...errorReply(long(6000), "usage", `Usage: /search ${long(900)}`) },
};

const allText = (messages: SlackMessage[]) => messages.flatMap(mrkdwnTexts).join("\n");

describe("Block Kit rendering of every Reply kind, oversized and hostile", () => {
  test.each(Object.keys(KINDS))("%s stays inside Slack's limits and pings no one", (kind) => {
    const reply = KINDS[kind as Reply["kind"]];
    const messages = renderReply(reply);
    expectWithinLimits(messages);
    expect(messages.length).toBeLessThanOrEqual(3);
    const text = allText(messages);
    expect(text).toContain("&lt;!channel&gt;");
    expect(text).toContain("&lt;@U0VICTIM&gt;");
    expect(text).toContain("&amp;amp; &amp;");
    expect(text).not.toContain("\u202e");
  });

  test("a reply too long for three messages is cut with a count of what was left out", () => {
    const messages = renderReply(KINDS.brief);
    expect(messages).toHaveLength(3);
    const shown = messages
      .flatMap((m) => m.blocks)
      .filter((b) => b.type === "section" && b.text.text.startsWith("*")).length;
    const more = messages[2]?.blocks.at(-1);
    expect(more?.type).toBe("context");
    const hidden = Number(/… and (\d+) more stories/.exec(JSON.stringify(more))?.[1]);
    expect(shown + hidden).toBe(60);
  });

  test("a long reply continues in further messages, each with notification text", () => {
    const reply = { ...KINDS.topics, intro: "Topics", note: undefined } as Reply;
    const messages = renderReply(reply, { maxMessages: 5 });
    expect(messages.length).toBeGreaterThan(1);
    expect(messages[0]?.blocks[0]?.type).toBe("header");
    expect(messages[1]?.text).toMatch(/\(continued\)$/);
    expect(messages[1]?.blocks[0]?.type).not.toBe("header");
  });

  test("maxMessages 1 keeps everything in one message", () => {
    for (const reply of Object.values(KINDS)) expect(renderReply(reply, { maxMessages: 1 })).toHaveLength(1);
  });

  test("a story's sources are a context block of at most ten links, the rest counted", () => {
    const [first] = renderReply(KINDS.brief);
    const context = first?.blocks.find((b) => b.type === "context");
    expect(context?.type === "context" && context.elements).toHaveLength(10);
    expect(JSON.stringify(context)).toContain("… and 32 more sources");
  });

  test("citations link to safe URLs only; | and > in a URL cannot break the link", () => {
    const text = allText(renderReply(KINDS.answer));
    expect(text).toContain("<https://news.example/a%7Cb%3Ec?x=1&amp;y=%3C0%3E|[1]>");
    expect(text).not.toContain("javascript:");
    expect(text).toMatch(/ \[2\]/);
  });
});

describe("Block Kit rendering of real answers", () => {
  let deps: CoreDeps;
  beforeAll(async () => {
    deps = await demoDeps();
  });
  const render = async (command: string) =>
    renderReply(await handleCommand(command, { platform: "slack" }, deps));

  test("a briefing: header, each story a section with its sources below, dividers between stories", async () => {
    const [m, ...rest] = await render("/brief");
    expect(rest).toHaveLength(0);
    expectWithinLimits([m as SlackMessage]);
    const types = m?.blocks.map((b) => b.type);
    expect(types?.[0]).toBe("header");
    expect(types?.filter((t) => t === "divider")).toHaveLength(2);
    expect(types?.filter((t) => t === "context").length).toBeGreaterThanOrEqual(3);
    const story = m?.blocks.find((b) => b.type === "section" && b.text.text.startsWith("*Calder's Korvin"));
    expect(story?.type === "section" && story.text.text).toMatch(
      /\n• The Calderan president.* <https:\/\/meridian-wire\.example\/[^|]+\|\[1\]>/,
    );
    expect(m?.text).toBe("Briefing: 3 stories, most important first.");
  });

  test("stance quotes are shown as quotes with their speaker; answers list their sources", async () => {
    const stance = await render("/stance sovereignty");
    expectWithinLimits(stance);
    expect(allText(stance)).toMatch(/“Calder will not accept foreign troops.*” — _Adela Korvin_/);
    const answer = await render("/ask How many soldiers did Norvania offer?");
    expectWithinLimits(answer);
    expect(allText(answer)).toMatch(/\*Sources\*/);
    expect(allText(answer)).toContain(
      "|[1] Meridian Wire: Calder's Korvin rejects Norvanian offer of troops at river pumping stations>",
    );
  });

  test.each([
    "/search troops",
    "/stories",
    "/topics",
    "/sources",
    "/help",
    "/quotes Korvin",
    "/brief nothingburger",
    "/summarize zzz",
  ])("%s renders inside the limits", async (command) => {
    const messages = await render(command);
    expectWithinLimits(messages);
    for (const m of messages) expectHarmless(m);
  });
});

describe("Block Kit rendering of awkward content", () => {
  const base = (extra: Partial<Reply>): Reply =>
    ({
      kind: "brief",
      title: "Briefing",
      sections: [],
      citations: [],
      data: { topic: null, since: null, stories: [] },
      ...extra,
    }) as Reply;
  const sections = (messages: SlackMessage[]) =>
    messages.flatMap((m) => m.blocks).flatMap((b) => (b.type === "section" ? [b.text.text] : []));
  const contexts = (messages: SlackMessage[]) =>
    messages
      .flatMap((m) => m.blocks)
      .flatMap((b) => (b.type === "context" ? b.elements.map((e) => e.text) : []));

  test("*, _, ~ and ` in content cannot bold, italicise, strike or code anything, nor break newsdesk's own markup", () => {
    const reply = base({
      intro: "> looks like a quote *and* bold",
      note: "~5% to ~7%",
      sections: [
        {
          heading: "Tariffs *rise* ~5% to ~7% `now` _really_",
          subtitle: "_3 articles_",
          lines: [{ text: "He said *never* and `rm -rf` ~twice~", cite: [], speaker: "_Ana_ *B*" }],
        },
      ],
    });
    const messages = renderReply(reply);
    expectWithinLimits(messages);
    const [intro, story] = sections(messages);
    expect(intro?.startsWith("&gt;")).toBe(false);
    expect(intro).not.toMatch(/[*_~`]/);
    expect(story).toMatch(/^\*[^*]+\*\n/);
    expect(story?.split("\n")[1]).toMatch(/^• “[^*_~`]+” — _[^*_~`]+_$/);
    for (const text of contexts(messages)) expect(text).not.toMatch(/[*_~`]/);
  });

  test("a blank or invisible title, intro, note, subtitle or heading never makes an empty block", () => {
    const blank = "\u202e \u202c";
    const reply = base({
      title: blank,
      intro: "   ",
      note: blank,
      sections: [{ heading: blank, subtitle: " ", lines: [{ text: "Something happened.", cite: [] }] }],
    });
    const messages = renderReply(reply);
    expectWithinLimits(messages);
    for (const text of [...sections(messages), ...contexts(messages)]) expect(text.trim()).not.toBe("");
    for (const text of sections(messages)) expect(text).not.toMatch(/^\*\*/);
  });

  test("a line citing several articles with very long URLs stays within a section's 3,000 characters", () => {
    const url = (i: number) => `https://news.example/${i}/${"abcdefgh/".repeat(200)}`;
    const cites = Array.from({ length: 4 }, (_, i) => ({
      n: i + 1,
      articleId: `a${i}`,
      source: "Wire",
      title: `Title ${i}`,
      url: url(i),
      publishedAt: null,
    }));
    const reply = base({
      sections: [{ lines: [{ text: "word ".repeat(290), cite: [1, 2, 3, 4] }] }],
      citations: cites,
    });
    const messages = renderReply(reply);
    expectWithinLimits(messages);
    expect(sections(messages).join("\n")).toContain("[1]");
  });

  test("many sources with very long URLs stay within every limit, spread over context blocks", () => {
    const cites = Array.from({ length: 40 }, (_, i) => ({
      n: i + 1,
      articleId: `a${i}`,
      source: "Wire",
      title: `Title ${i} ${"long words ".repeat(40)}`,
      url: `https://news.example/${i}/${"abcdefgh/".repeat(200)}`,
      publishedAt: null,
    }));
    const reply = base({
      sections: [
        { heading: "Story", lines: [{ text: "A line.", cite: [1] }], sources: cites.map((c) => c.n) },
      ],
      citations: cites,
    });
    const messages = renderReply(reply, { maxMessages: 10 });
    expectWithinLimits(messages);
    const links = contexts(messages).filter((t) => t.startsWith("<https://news.example/"));
    expect(links.length).toBeGreaterThan(8);
  });

  test("a forbidden error is a warning with the reason, and nothing else", () => {
    const reply = errorReply(
      "/subscribe changes this channel's setup, so it needs the Manage Channels permission (Discord) or a workspace admin (Slack).",
      "forbidden",
    );
    const [m, ...rest] = renderReply(reply);
    expect(rest).toEqual([]);
    expectWithinLimits([m as SlackMessage]);
    expect(m?.blocks).toHaveLength(1);
    expect(sections([m as SlackMessage])[0]).toMatch(/^:warning: \/subscribe changes this channel's setup/);
    expect(m?.text).toMatch(/^Sorry: \/subscribe changes/);
  });
});
