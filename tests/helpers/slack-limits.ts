/** Assertions that rendered Slack messages stay inside Block Kit's limits and carry nothing that could ping anyone. */
import { expect } from "vitest";
import { blockChars, type SlackMessage } from "../../src/adapters/slack/types.js";

/** Every mrkdwn text of a message, the notification text included. */
export function mrkdwnTexts(m: SlackMessage): string[] {
  const out = [m.text];
  for (const b of m.blocks) {
    if (b.type === "section") out.push(b.text.text);
    if (b.type === "context") out.push(...b.elements.map((e) => e.text));
  }
  return out;
}

/** Slack's limits: 50 blocks, header 150, section 3,000, context 10 elements, ~12,000 characters in all. */
export function expectWithinLimits(messages: SlackMessage[]): void {
  expect(messages.length).toBeGreaterThan(0);
  for (const m of messages) {
    expect(m.text.trim().length).toBeGreaterThan(0);
    expect(m.text.length).toBeLessThanOrEqual(500);
    expect(m.blocks.length).toBeGreaterThan(0);
    expect(m.blocks.length).toBeLessThanOrEqual(50);
    expect(m.blocks.reduce((n, b) => n + blockChars(b), 0)).toBeLessThanOrEqual(12_000);
    expect(m.blocks[0]?.type).not.toBe("divider");
    expect(m.blocks.at(-1)?.type).not.toBe("divider");
    for (const b of m.blocks) {
      if (b.type === "header") {
        expect(b.text.type).toBe("plain_text");
        expect(b.text.text.length).toBeGreaterThan(0);
        expect(b.text.text.length).toBeLessThanOrEqual(150);
      }
      if (b.type === "section") {
        expect(b.text.text.length).toBeGreaterThan(0);
        expect(b.text.text.length).toBeLessThanOrEqual(3000);
      }
      if (b.type === "context") {
        expect(b.elements.length).toBeGreaterThan(0);
        expect(b.elements.length).toBeLessThanOrEqual(10);
        for (const e of b.elements) expect(e.text.length).toBeLessThanOrEqual(2000);
      }
    }
    expectHarmless(m);
  }
}

/** No mention, broadcast or channel link can be parsed out of the message, and every `<…>` is a web link. */
export function expectHarmless(m: SlackMessage): void {
  const json = JSON.stringify(m);
  expect(json).not.toMatch(/<[!@#]/);
  expect(json).not.toMatch(/@(channel|here|everyone)/i);
  for (const text of mrkdwnTexts(m)) {
    // Bare & < > only in the links newsdesk wrote; content is &amp; &lt; &gt;.
    expect(text).not.toMatch(/&(?!amp;|lt;|gt;)/);
    const outside = text.replace(/<https?:\/\/[^\s|<>]+\|[^<>]*>/g, "");
    expect(outside).not.toMatch(/[<>]/);
  }
  for (const b of m.blocks) if (b.type === "header") expect(b.text.text).not.toMatch(/[<>]/);
}
