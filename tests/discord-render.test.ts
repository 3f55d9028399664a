import type { APIEmbed } from "discord.js";
import { describe, expect, test } from "vitest";
import { type DiscordMessage, embedChars, LIMITS, renderReply } from "../src/adapters/discord/embeds.js";
import { chunk, escapeText, link, safeUrl } from "../src/adapters/discord/markdown.js";
import { isEphemeral } from "../src/adapters/discord/responder.js";
import { type Citation, errorReply, type Reply } from "../src/core/reply.js";
import {
  bigReply,
  citations,
  hostileReply,
  patchworkReply,
  proseReply,
  words,
} from "./helpers/reply-fixtures.js";

function expectWithinLimits(messages: DiscordMessage[]): void {
  for (const m of messages) {
    expect(m.embeds.length).toBeGreaterThan(0);
    expect(m.embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
    expect(m.embeds.reduce((n, e) => n + embedChars(e), 0)).toBeLessThanOrEqual(LIMITS.totalPerMessage);
    for (const e of m.embeds) {
      expect(e.title?.length ?? 0).toBeLessThanOrEqual(LIMITS.title);
      expect(e.description?.length ?? 0).toBeLessThanOrEqual(LIMITS.description);
      expect(e.fields?.length ?? 0).toBeLessThanOrEqual(LIMITS.fields);
      expect(e.footer?.text.length ?? 0).toBeLessThanOrEqual(LIMITS.footer);
      for (const f of e.fields ?? []) {
        expect(f.name.length).toBeGreaterThan(0);
        expect(f.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
        expect(f.value.length).toBeGreaterThan(0);
        expect(f.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      }
    }
  }
}

const allText = (messages: DiscordMessage[]) =>
  messages
    .flatMap((m) => m.embeds)
    .flatMap((e: APIEmbed) => [e.title, e.description, ...(e.fields ?? []).flatMap((f) => [f.name, f.value])])
    .join("\n");

describe("Reply → Discord embeds", () => {
  test("a brief becomes a titled embed with a field per story and a Sources embed with links", () => {
    const [message, ...rest] = renderReply(bigReply(3, 2, 12, 4));
    expect(rest).toEqual([]);
    const [main, sources] = message?.embeds ?? [];
    expect(main?.title).toBe("Briefing");
    expect(main?.description).toBe("3 stories.");
    expect(main?.fields?.map((f) => f.name)).toEqual(
      [1, 2, 3].map((n) => expect.stringContaining(`Story ${n}:`)),
    );
    expect(main?.fields?.[0]?.value).toContain("*2 articles*");
    expect(main?.fields?.[0]?.value).toMatch(/\[1\]\n.*\[2\]\nAlso: \[3\]$/s);
    expect(sources?.title).toBe("Sources");
    expect(sources?.description).toContain("**[1]** [Fictional headline number 1");
    expect(sources?.description).toContain("(https://news.example/story/1)");
    expect(sources?.footer?.text).toBe("Sources: Outlet 0, Outlet 1, Outlet 2, Outlet 3");
  });

  test("very long replies are split across messages, each within every Discord limit", () => {
    const replies = [
      bigReply(18, 6, 90, 60),
      bigReply(2, 1, 3000, 1),
      bigReply(60, 1, 5, 5),
      proseReply(200, 40),
      patchworkReply(120),
    ];
    for (const reply of replies) {
      const messages = renderReply(reply);
      expect(messages.length).toBeGreaterThan(1);
      expectWithinLimits(messages);
    }
  });

  test("no text is lost when a reply is split, as long as it fits in ten messages", () => {
    const reply = bigReply(16, 3, 80, 40);
    const messages = renderReply(reply);
    expect(messages.length).toBeLessThanOrEqual(10);
    const text = allText(messages);
    for (const s of reply.sections)
      for (const l of s.lines) for (const w of l.text.split(" ")) expect(text).toContain(w);
    for (const c of reply.citations) expect(text).toContain(`**[${c.n}]**`);
  });

  test("beyond the message cap the reply is cut and the footer says so", () => {
    const messages = renderReply(bigReply(80, 6, 90, 10), { maxMessages: 2 });
    expect(messages).toHaveLength(2);
    expectWithinLimits(messages);
    expect(messages[1]?.embeds.at(-1)?.footer?.text).toMatch(
      /^Shortened: \d+ more messages not shown · Sources:/,
    );
  });

  test("a single line longer than a field is split at word boundaries", () => {
    const reply: Reply = {
      ...bigReply(1, 1, 1, 1),
      sections: [{ heading: "Long", lines: [{ text: words(600), cite: [1] }] }],
    };
    const fields = renderReply(reply)[0]?.embeds[0]?.fields ?? [];
    expect(fields.length).toBeGreaterThan(2);
    expect(fields[1]?.name).toBe("Long (continued)");
    for (const f of fields.slice(0, -1)) expect(f.value).toMatch(/\S$/);
  });

  test("errors are red embeds with the message and usage, and are ephemeral", () => {
    const reply = errorReply("/stance needs topic.", "usage", "Usage: /stance <topic>: who stands where");
    const embed = renderReply(reply)[0]?.embeds[0];
    expect(embed?.color).toBe(0xef4444);
    expect(embed?.description).toBe("/stance needs topic.\n*Usage: /stance \\<topic\\>: who stands where*");
    expect(isEphemeral(reply)).toBe(true);
    expect(isEphemeral(bigReply(1, 1, 1))).toBe(false);
  });

  test("hostile text is escaped everywhere and only http(s) sources become links", () => {
    const text = allText(renderReply(hostileReply()));
    expect(text).not.toMatch(/@(everyone|here)/);
    expect(text).toContain("\\<@123456789012345678\\>");
    expect(text).toContain("\\[here\\](https://evil.example/x)");
    expect(text).toContain("\\# Heading");
    expect(text).not.toContain("javascript:");
    const footer = renderReply(hostileReply())[0]?.embeds.at(-1)?.footer?.text ?? "";
    expect(footer).toBe("@\u200beveryone note · Sources: @\u200beveryone Times");
  });
});

describe("markdown helpers", () => {
  test("escapeText makes markup literal and mass mentions harmless", () => {
    expect(escapeText("**a** _b_ ~~c~~ `d` ||e|| \\f")).toBe(
      "\\*\\*a\\*\\* \\_b\\_ \\~\\~c\\~\\~ \\`d\\` \\|\\|e\\|\\| \\\\f",
    );
    expect(escapeText("1. one\n- two\n> three")).toBe("1\\. one\n\\- two\n\\> three");
    expect(escapeText("hi @Everyone\u202e")).toBe("hi @\u200bEveryone");
  });

  test("links are made only for http(s) URLs, with parentheses encoded", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("ftp://x.example/a")).toBeNull();
    expect(safeUrl("https://x.example/a_(b)")).toBe("https://x.example/a_%28b%29");
    expect(link("A [b]", "https://x.example/")).toBe("[A \\[b\\]](https://x.example/)");
    expect(link("A", null)).toBe("A");
    expect(citations(2)[1]?.url).toBeNull();
  });

  test("chunk never cuts inside an escape and keeps every piece within the limit", () => {
    const text = escapeText("*".repeat(3000));
    const pieces = chunk(text, 1024);
    for (const p of pieces) {
      expect(p.length).toBeLessThanOrEqual(1024);
      expect((/\\+$/.exec(p)?.[0].length ?? 0) % 2).toBe(0);
    }
    expect(pieces.join("")).toBe(text);
  });
});

describe("edge cases of untrusted text", () => {
  const EMOJI = "\u{1F30A}"; // two UTF-16 code units
  const wellFormed = (s: string) =>
    !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s);
  const allStrings = (messages: DiscordMessage[]) =>
    messages.flatMap((m) =>
      m.embeds.flatMap((e) => [
        e.title ?? "",
        e.description ?? "",
        e.footer?.text ?? "",
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    );

  test("cutting a title, a heading, a long line or the footer never leaves half a surrogate pair", () => {
    const reply: Reply = {
      ...bigReply(1, 1, 1, 1),
      title: EMOJI.repeat(300),
      note: EMOJI.repeat(400),
      sections: [{ heading: EMOJI.repeat(300), lines: [{ text: EMOJI.repeat(1500), cite: [1] }] }],
    };
    const messages = renderReply(reply);
    expectWithinLimits(messages);
    for (const s of allStrings(messages)) expect(wellFormed(s)).toBe(true);
    expect(messages[0]?.embeds[0]?.title?.endsWith(`${EMOJI}…`)).toBe(true);
  });

  test("chunk and truncate keep surrogate pairs and combining marks whole", () => {
    for (const p of chunk(EMOJI.repeat(700), 1024)) {
      expect(wellFormed(p)).toBe(true);
      expect(p.length).toBeLessThanOrEqual(1024);
    }
    const accented = "e\u0301".repeat(600);
    for (const p of chunk(accented, 1023)) expect(p.startsWith("\u0301")).toBe(false);
  });

  test("a heading of invisible characters or white space still gives a field a name", () => {
    const reply: Reply = {
      ...bigReply(1, 1, 1, 1),
      sections: [
        { heading: "\u202e\u202c", lines: [{ text: "first", cite: [1] }] },
        { heading: "   ", lines: [{ text: "second", cite: [1] }] },
      ],
    };
    const fields = renderReply(reply)[0]?.embeds[0]?.fields ?? [];
    expect(fields).toHaveLength(2);
    for (const f of fields) expect(f.name.trim().length).toBeGreaterThan(0);
  });

  test("runs of blank lines never make an empty description or field value", () => {
    const blank = `${"\n".repeat(1100)}end`;
    const reply: Reply = {
      ...bigReply(1, 1, 1, 1),
      intro: blank,
      sections: [{ heading: "Story", lines: [{ text: blank, cite: [] }] }],
    };
    const messages = renderReply(reply);
    expectWithinLimits(messages);
    for (const e of messages.flatMap((m) => m.embeds)) {
      if (e.description !== undefined) expect(e.description.trim()).not.toBe("");
      for (const f of e.fields ?? []) expect(f.value.trim()).not.toBe("");
    }
  });

  test("a source with a very long URL is linked whole or not at all, never cut inside the link", () => {
    const url = `https://news.example/track?${"q=1&".repeat(400)}`;
    const reply: Reply = {
      ...bigReply(1, 1, 1, 1),
      citations: [{ ...(citations(1)[0] as Citation), url }],
    };
    const sources = renderReply(reply)[0]?.embeds.find((e) => e.title === "Sources");
    const text = sources?.description ?? "";
    expect(text).toContain("**[1]** Fictional headline number 1");
    expect(text).not.toContain("](");
    expectWithinLimits(renderReply(reply));
  });

  test("a citation with neither title nor source still shows a label, not an empty link", () => {
    const reply: Reply = {
      ...bigReply(1, 1, 1, 1),
      citations: [{ ...(citations(1)[0] as Citation), title: "", source: "" }],
    };
    const text = renderReply(reply)[0]?.embeds.find((e) => e.title === "Sources")?.description ?? "";
    expect(text).not.toContain("[](");
    expect(text).toMatch(/\*\*\[1\]\*\* \[untitled\]\(https:\/\/news\.example\/story\/1\)/);
  });
});
