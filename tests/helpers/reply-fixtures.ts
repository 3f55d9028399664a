/** Replies built by hand for renderer tests: large, hostile or unusual, with fictional text. */
import type { Citation, Reply } from "../../src/core/reply.js";

const WORDS = [
  "the",
  "river",
  "council",
  "of",
  "Tolm",
  "said",
  "pumping",
  "stations",
  "would",
  "reopen",
  "after",
  "talks",
];

/** `n` words of fictional text (deterministic). */
export function words(n: number, seed = 0): string {
  return Array.from({ length: n }, (_, i) => WORDS[(i * 7 + seed) % WORDS.length]).join(" ");
}

export function citations(n: number): Citation[] {
  return Array.from({ length: n }, (_, i) => ({
    n: i + 1,
    articleId: `a${String(i + 1).padStart(11, "0")}`,
    source: `Outlet ${i % 7}`,
    title: `Fictional headline number ${i + 1} about the ${words(6, i)}`,
    url: i % 2 === 0 ? `https://news.example/story/${i + 1}` : null,
    publishedAt: `2026-03-1${i % 10}`,
  }));
}

/** A brief-like reply with `sections` headed sections of `lines` lines of `lineWords` words each. */
export function bigReply(sections: number, lines: number, lineWords: number, cites = 30): Reply {
  return {
    kind: "brief",
    title: "Briefing",
    intro: `${sections} stories.`,
    sections: Array.from({ length: sections }, (_, s) => ({
      heading: `Story ${s + 1}: ${words(12, s)}`,
      subtitle: `${lines} articles`,
      lines: Array.from({ length: lines }, (_, l) => ({
        text: `${words(lineWords, s + l)}.`,
        cite: [(l % cites) + 1],
      })),
      sources: [1, 2, 3],
    })),
    citations: citations(cites),
    data: { topic: null, since: null, stories: [] },
  };
}

/** An answer whose text tries to ping everyone, mention users and roles, and inject links and markup. */
export function hostileReply(): Reply {
  return {
    kind: "answer",
    title: "@everyone look",
    intro: "Hey @here and <@123456789012345678> and <@&223456789012345678>!",
    sections: [
      {
        lines: [
          {
            text: "Click [here](https://evil.example/x) or **bold** `code` ||spoiler|| @everyone",
            cite: [1],
          },
          { text: "# Heading\n> quote\n- list", cite: [1], speaker: "@here <#323456789012345678>" },
        ],
      },
    ],
    citations: [
      {
        n: 1,
        articleId: "abc123",
        source: "@everyone Times",
        title: "A [fake](https://evil.example) title",
        url: "javascript:alert(1)",
        publishedAt: null,
      },
    ],
    note: "@everyone note",
    data: { question: "q", sentences: [] },
  };
}

/** An answer of `lines` unheaded sentences: everything goes into embed descriptions. */
export function proseReply(lines: number, lineWords: number): Reply {
  return {
    kind: "answer",
    title: "Question",
    sections: [
      { lines: Array.from({ length: lines }, (_, l) => ({ text: `${words(lineWords, l)}.`, cite: [1] })) },
    ],
    citations: citations(1),
    data: { question: "q", sentences: [] },
  };
}

/** Many small sections, alternating headed (fields) and unheaded (text): each switch starts a new embed. */
export function patchworkReply(sections: number): Reply {
  return {
    ...bigReply(0, 0, 0, 2),
    sections: Array.from({ length: sections }, (_, s) => ({
      ...(s % 2 === 0 ? { heading: `Part ${s}` } : {}),
      lines: [{ text: words(4, s), cite: [1] }],
    })),
  };
}
