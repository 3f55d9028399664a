import { describe, expect, it } from "vitest";
import { markdownToBlocks, splitFrontMatter } from "../src/ingest/parse/markdown.js";
import { textToBlocks } from "../src/ingest/parse/text.js";

describe("textToBlocks", () => {
  it("makes every non-empty line a block when lines are not hard-wrapped", () => {
    const blocks = textToBlocks("Headline here\nFirst paragraph of the story.\n\n\nSecond one.\n   \n");
    expect(blocks.map((b) => b.text)).toEqual([
      "Headline here",
      "First paragraph of the story.",
      "Second one.",
    ]);
    expect(blocks.every((b) => b.kind === "line")).toBe(true);
  });

  it("joins hard-wrapped lines of one paragraph", () => {
    const text =
      "The council met on Tuesday evening to discuss the budget for the next\nyear and agreed to spend more on roads.\n\nNext paragraph.";
    expect(textToBlocks(text).map((b) => b.text)).toEqual([
      "The council met on Tuesday evening to discuss the budget for the next year and agreed to spend more on roads.",
      "Next paragraph.",
    ]);
  });

  it("keeps list items separate even when they are long", () => {
    const text =
      "- a long first item that goes on for more than fifty characters in all\n- a second item that is also quite long indeed, longer than fifty";
    expect(textToBlocks(text)).toHaveLength(2);
  });

  it("handles CRLF line endings and non-breaking spaces", () => {
    expect(textToBlocks("One\u00a0 line\r\nTwo\r\n").map((b) => b.text)).toEqual(["One line", "Two"]);
  });
});

describe("markdown", () => {
  it("reads title, source, url, published and author from YAML front matter", () => {
    const { meta, body } = splitFrontMatter(
      "---\ntitle: Bridge closed\nsource: The Lindmoor Post\nurl: https://post.example/bridge\npublished: 2026-03-02\nauthor: Ada Vell\n---\nBody text.",
    );
    expect(meta).toEqual({
      title: "Bridge closed",
      source: "The Lindmoor Post",
      url: "https://post.example/bridge",
      publishedAt: "2026-03-02",
      author: "Ada Vell",
    });
    expect(body).toBe("Body text.");
  });

  it("treats a file without front matter as all body", () => {
    expect(splitFrontMatter("# Title\n\nText").body).toBe("# Title\n\nText");
  });

  it("ignores front matter that is not valid YAML instead of failing", () => {
    const r = splitFrontMatter("---\n: : [\n---\nText");
    expect(r.meta).toEqual({});
  });

  it("turns headings, lists, quotes and wrapped paragraphs into typed blocks without markup", () => {
    const blocks = markdownToBlocks(
      "## A subhead\n\nFirst **bold** line\ncontinues [here](https://x.example).\n\n- fact one\n- fact *two*\n\n> “A quote,” she said.\n\n![photo](a.png)",
    );
    expect(blocks).toEqual([
      { kind: "heading", level: 2, text: "A subhead" },
      { kind: "paragraph", text: "First bold line continues here." },
      { kind: "list-item", text: "fact one" },
      { kind: "list-item", text: "fact two" },
      { kind: "quote", text: "“A quote,” she said." },
    ]);
  });
});
