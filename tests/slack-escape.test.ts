import { describe, expect, test } from "vitest";
import {
  commandLine,
  fromSlackNames,
  slackCommandName,
  slackUsage,
} from "../src/adapters/slack/command-names.js";
import { escapeMrkdwn, escapePlain, fitMrkdwn, link, safeUrl } from "../src/adapters/slack/escape.js";
import { decodeSlackText, mentionText } from "../src/adapters/slack/inbound.js";

describe("escaping content for Slack", () => {
  test("mentions, broadcasts and links in content are shown as typed, never parsed", () => {
    const out = escapeMrkdwn(
      "<!channel> <!here> <@U123> <#C9|ops> <!subteam^S1|@devs> <http://x.example|y> a & b",
    );
    expect(out).toBe(
      "&lt;!channel&gt; &lt;!here&gt; &lt;@U123&gt; &lt;#C9|ops&gt; &lt;!subteam^S1|@devs&gt; &lt;http://x.example|y&gt; a &amp; b",
    );
  });

  test("bare @channel, @here and @everyone get an invisible word joiner", () => {
    expect(escapeMrkdwn("ping @channel and @Here, @everyone")).toBe(
      "ping @\u2060channel and @\u2060Here, @\u2060everyone",
    );
  });

  test("already-escaped entities are escaped again, so they show literally", () => {
    expect(escapeMrkdwn("&lt;!channel&gt;")).toBe("&amp;lt;!channel&amp;gt;");
  });

  test("control characters and bidirectional overrides are dropped; line breaks fold to spaces", () => {
    expect(escapeMrkdwn("a\u0007b\u202ec\nd\r\n\te")).toBe("abc d e");
  });

  test("plain text (headers) replaces angle brackets with look-alikes", () => {
    expect(escapePlain("Tariffs <!here> & @channel")).toBe("Tariffs \uff1c!here\uff1e & @\u2060channel");
  });

  test("cutting to a length never splits an entity or a surrogate pair", () => {
    for (let max = 2; max < 40; max++) {
      const out = fitMrkdwn("<<<<<<<<<< &&&&&&&& 😀😀😀😀😀😀 words after", max);
      expect(out.length).toBeLessThanOrEqual(max);
      expect(out).not.toMatch(/&(?!amp;|lt;|gt;)/);
      expect(out).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    }
    expect(fitMrkdwn("short", 10)).toBe("short");
    expect(fitMrkdwn("one two three four five", 14)).toBe("one two three…");
  });
});

describe("links", () => {
  test("a URL with | or > is percent-encoded so the link syntax holds", () => {
    expect(safeUrl("https://x.example/a|b>c<d?q=1&r=2")).toBe("https://x.example/a%7Cb%3Ec%3Cd?q=1&amp;r=2");
    expect(link("https://x.example/a|b", "[1] Wire: <b>Title</b>")).toBe(
      "<https://x.example/a%7Cb|[1] Wire: &lt;b&gt;Title&lt;/b&gt;>",
    );
  });

  test("only http(s) URLs without credentials are linked", () => {
    expect(safeUrl("javascript:alert(1)")).toBeNull();
    expect(safeUrl("slack://channel?id=C1")).toBeNull();
    expect(safeUrl("https://user:pw@x.example/")).toBeNull();
    expect(safeUrl("not a url")).toBeNull();
    expect(safeUrl(`https://x.example/${"a".repeat(3000)}`)).toBeNull();
    expect(link(null, "[2] Post")).toBe("[2] Post");
  });
});

describe("text from Slack", () => {
  test("entities and Slack's link, user and channel syntax turn back into what was typed", () => {
    expect(decodeSlackText("tariffs &amp; steel &lt;2026&gt;")).toBe("tariffs & steel <2026>");
    expect(decodeSlackText("add <https://news.example/rss?a=1&amp;b=2|news.example/rss>")).toBe(
      "add https://news.example/rss?a=1&b=2",
    );
    expect(decodeSlackText("<@U123> in <#C1|general> for <!here> and <!subteam^S1|@devs>")).toBe(
      "@U123 in #general for @here and @devs",
    );
  });

  test("a mention's command is the text without the bot's mention", () => {
    expect(mentionText("<@UBOT> brief tariffs 7d", "UBOT")).toBe("brief tariffs 7d");
    expect(mentionText("  <@UBOT|newsdesk>   /stance water", "UBOT")).toBe("/stance water");
    expect(mentionText("hey <@UBOT> stories", "UBOT")).toBe("hey stories");
    expect(mentionText("<@UBOT>", "UBOT")).toBe("");
  });
});

describe("slash command names", () => {
  test("Slack's reserved names get a news- prefix; others keep their name", () => {
    expect(slackCommandName("search")).toBe("news-search");
    expect(slackCommandName("feed")).toBe("news-feed");
    expect(slackCommandName("brief")).toBe("brief");
    expect(slackUsage("/search <query>")).toBe("/news-search <query>");
    expect(slackUsage("/brief [topic]")).toBe("/brief [topic]");
  });

  test("a slash command, renamed or under the umbrella, becomes the newsdesk command line", () => {
    expect(commandLine("/brief", "tariffs 7d")).toBe("/brief tariffs 7d");
    expect(commandLine("/news-search", " dam ")).toBe("/search dam");
    expect(commandLine("/NEWSDESK", "stance water")).toBe("stance water");
    expect(commandLine("/newsdesk", "")).toBe("/help");
    expect(commandLine("/topics", "")).toBe("/topics");
  });

  test("the news- names shown in help also work under the umbrella, in mentions and in direct messages", () => {
    expect(commandLine("/newsdesk", "news-search dam")).toBe("search dam");
    expect(commandLine("/newsdesk", "/News-Feed list")).toBe("/feed list");
    expect(commandLine("/newsdesk", "newsdesk news-search dam")).toBe("newsdesk search dam");
    expect(fromSlackNames("news-search dam")).toBe("search dam");
    expect(fromSlackNames("/news-digest status")).toBe("/digest status");
    expect(fromSlackNames("news-brief tariffs")).toBe("brief tariffs");
    // Only newsdesk's command names lose the prefix: anything else stays as typed (and is then unknown).
    expect(fromSlackNames("news-bogus")).toBe("news-bogus");
    // Help about a command, by the name help showed.
    expect(commandLine("/help", "news-search")).toBe("/help search");
    expect(commandLine("/newsdesk", "help /news-feed")).toBe("help /feed");
    expect(fromSlackNames("news-help news-search")).toBe("help search");
    expect(fromSlackNames("brief news-search")).toBe("brief news-search");
  });
});
