import { describe, expect, it } from "vitest";
import { renderText, safeText } from "../src/adapters/console/render.js";
import { errorReply, type Reply } from "../src/core/reply.js";

const brief: Reply = {
  kind: "brief",
  title: "Briefing",
  intro: "1 story, most important first.",
  sections: [
    {
      heading: "Tarrow bridge closed",
      subtitle: "2 articles: Lindmoor Post",
      lines: [
        {
          text: "Engineers closed the Tarrow rail bridge on Friday after inspectors found cracks in two of its steel supports.",
          cite: [1],
        },
        { text: "Safety comes before the timetable", cite: [2], speaker: "Ilse Brandvik" },
      ],
      sources: [1, 2, 3],
    },
  ],
  citations: [
    {
      n: 1,
      articleId: "aaa111",
      source: "Lindmoor Post",
      title: "Bridge closed",
      url: "https://post.example/b",
      publishedAt: "2026-03-06T09:00:00Z",
    },
    {
      n: 2,
      articleId: "bbb222",
      source: "unknown",
      title: "Cracks in the Tarrow bridge",
      url: null,
      publishedAt: null,
    },
    {
      n: 3,
      articleId: "ccc333",
      source: "Esk Daily",
      title: "Buses replace trains",
      url: null,
      publishedAt: "2026-03-07",
    },
  ],
  data: { topic: null, since: null, stories: [] },
};

describe("terminal rendering", () => {
  it("shows every line with its citation numbers and lists the sources at the end", () => {
    const text = renderText(brief, { width: 80 });
    expect(text).toContain("■ Tarrow bridge closed");
    expect(text).toContain("steel supports. [1]");
    expect(text).toContain("“Safety comes before the timetable” (Ilse Brandvik) [2]");
    expect(text).toContain("Also: [3]");
    expect(text).toContain(
      "[1] Lindmoor Post: Bridge closed (2026-03-06) https://post.example/b · id aaa111",
    );
    expect(text).toContain("[2] Cracks in the Tarrow bridge · id bbb222");
  });

  it("wraps lines to the given width", () => {
    for (const line of renderText(brief, { width: 50 }).split("\n"))
      expect(line.length).toBeLessThanOrEqual(50);
  });

  it("strips terminal escape sequences and control characters from article text", () => {
    expect(safeText("ok\u001b[2J\u001b[31mred\u0007 bell\u202e")).toBe("okred bell");
    const hostile: Reply = { ...brief, title: "\u001b]0;pwned\u0007Briefing" };
    expect(renderText(hostile)).not.toContain("\u001b");
  });

  it("renders an error with its usage", () => {
    expect(renderText(errorReply("/stance needs topic.", "usage", "Usage: /stance <topic>"))).toBe(
      "✗ /stance needs topic.\n  Usage: /stance <topic>\n",
    );
  });
});
