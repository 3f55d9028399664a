import { describe, expect, it } from "vitest";
import { extractHtml } from "../src/ingest/html/extract.js";
import { toIsoDate } from "../src/ingest/iso-date.js";

const sentence = (n: number) =>
  `Paragraph ${n}: the city council voted on Tuesday to approve a budget that expands bus service and repairs ` +
  `bridges, officials said after a debate that ran late into the night.`;

function page(head: string, body: string, lang = "en-GB"): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>${body}</body></html>`;
}

const NEWS_BODY = `
<header><div class="logo"><h1>The Daily Example</h1></div>
  <nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav>
</header>
<div class="ad">Advertisement: buy one, get one free!</div>
<main>
  <article>
    <h1>Council approves budget</h1>
    <p class="byline">By Jane Doe, <time datetime="2024-03-04">4 March</time></p>
    <p>${sentence(1)}</p>
    <p>${sentence(2)} <a href="/budget">Read the budget</a>.</p>
    <h2>What changes</h2>
    <ul><li>More buses on route 4</li><li>Two bridges <em>repaired</em></li></ul>
    <figure><img src="/chamber.jpg" alt="Chamber"><figcaption>The council chamber. Photo: A. Photographer</figcaption></figure>
    <blockquote><p>This is a good day for the city.</p></blockquote>
    <p>${sentence(3)}<br>A second line after a break.</p>
    <div>${sentence(4)} This sentence sits directly in a div.</div>
    <p>${sentence(5)}</p>
  </article>
  <aside class="related"><h3>Related stories</h3>
    <ul><li><a href="/a">Mayor opens bridge</a></li><li><a href="/b">Bus fares to rise</a></li></ul>
  </aside>
</main>
<footer><p>© 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy</a></footer>`;

describe("extractHtml: a news page", () => {
  const head = `
    <title>Council approves budget | The Daily Example</title>
    <meta property="og:title" content="Council approves budget">
    <meta property="og:site_name" content="The Daily Example">
    <meta name="author" content="Jane Doe">
    <meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
    <link rel="canonical" href="/news/council-budget">`;
  const result = extractHtml(
    page(head, NEWS_BODY),
    "https://www.example.com/news/council-budget?utm_source=x",
  );

  it("keeps only the article's blocks, with their kinds, in document order", () => {
    const texts = result.blocks.map((b) => b.text);
    expect(texts.join("\n")).not.toMatch(
      /Home|Advertisement|Related stories|Mayor opens bridge|All rights reserved/,
    );
    expect(result.blocks).toContainEqual({ kind: "heading", level: 2, text: "What changes" });
    expect(result.blocks).toContainEqual({ kind: "list-item", text: "More buses on route 4" });
    expect(result.blocks).toContainEqual({ kind: "list-item", text: "Two bridges repaired" });
    expect(result.blocks).toContainEqual({ kind: "quote", text: "This is a good day for the city." });
    expect(result.blocks).toContainEqual({ kind: "paragraph", text: `${sentence(2)} Read the budget.` });
    const order = [sentence(1), "What changes", "This is a good day for the city.", sentence(5)].map((t) =>
      texts.indexOf(t),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it("splits a paragraph at <br> and keeps text that sits directly in a div", () => {
    const texts = result.blocks.map((b) => b.text);
    expect(texts).toContain(sentence(3));
    expect(texts).toContain("A second line after a break.");
    expect(texts).toContain(`${sentence(4)} This sentence sits directly in a div.`);
  });

  it("drops the figure and its caption", () => {
    expect(result.blocks.some((b) => b.text.includes("council chamber"))).toBe(false);
  });

  it("reads metadata from og tags, meta author, published time, canonical link and <html lang>", () => {
    expect(result.meta).toEqual({
      title: "Council approves budget",
      source: "The Daily Example",
      url: "https://www.example.com/news/council-budget",
      author: "Jane Doe",
      publishedAt: "2024-03-05T09:00:00.000Z",
      language: "en",
    });
  });

  it("is an article", () => {
    expect(result.isArticle).toBe(true);
  });
});

describe("extractHtml: metadata fallbacks", () => {
  it("reads title, author, publisher and date from JSON-LD in a @graph, resolving @id references", () => {
    const head = `
      <title>Ignored title</title>
      <script type="application/ld+json">
        {"@context": "https://schema.org", "@graph": [
          {"@type": "WebPage", "@id": "https://n.example/#page", "name": "Page"},
          {"@type": ["NewsArticle"], "headline": "Floods close the valley road",
           "author": [{"@id": "https://n.example/#p1"}, {"@type": "Person", "name": "Bo Li"}],
           "publisher": {"@id": "https://n.example/#org"}, "datePublished": "2024-02-01T07:30:00Z"},
          {"@type": "Person", "@id": "https://n.example/#p1", "name": "Ana Ruiz"},
          {"@type": "Organization", "@id": "https://n.example/#org", "name": "Valley News"}
        ]}
      </script>`;
    const { meta } = extractHtml(page(head, `<article><p>${sentence(1)}</p></article>`));
    expect(meta).toMatchObject({
      title: "Floods close the valley road",
      author: "Ana Ruiz, Bo Li",
      source: "Valley News",
      publishedAt: "2024-02-01T07:30:00.000Z",
    });
  });

  it("reads a JSON-LD array and survives a broken JSON-LD block", () => {
    const head = `
      <script type="application/ld+json">{ "@type": "NewsArticle", "headline": "Broken, </script>
      <script type="application/ld+json">[{"@type": "BreadcrumbList"},
        {"@type": "BlogPosting", "headline": "Array headline", "author": "Sam Poe",}]</script>`;
    const { meta } = extractHtml(page(head, `<article><p>${sentence(1)}</p></article>`));
    expect(meta.title).toBe("Array headline");
    expect(meta.author).toBe("Sam Poe");
  });

  it("takes the date from <time datetime> in the article and the language from og:locale", () => {
    const head = `<meta property="og:locale" content="de_DE"><title>Wahl | Zeitung</title>`;
    const body = `<article><h1>Wahl</h1><time datetime="2024-05-06T12:00:00+02:00">6. Mai</time><p>${sentence(1)}</p></article>`;
    const { meta } = extractHtml(page(head, body, ""), "https://zeitung.example.de/wahl");
    expect(meta.publishedAt).toBe("2024-05-06T10:00:00.000Z");
    expect(meta.language).toBe("de");
    expect(meta.source).toBe("zeitung.example.de");
    expect(meta.url).toBe("https://zeitung.example.de/wahl");
  });

  it("strips a site suffix from <title> when nothing better names the article", () => {
    const body = `<div><p>${sentence(1)}</p></div>`;
    const title = (t: string, url?: string) => extractHtml(page(`<title>${t}</title>`, body), url).meta.title;
    expect(title("Storm hits the coast | Coastal Times")).toBe("Storm hits the coast");
    expect(title("Storm hits the coast - Coastal Times")).toBe("Storm hits the coast");
    expect(title("Storm hits the coast — example.com", "https://example.com/storm")).toBe(
      "Storm hits the coast",
    );
    expect(title("Coastal Times | Storm hits the coast", "https://coastaltimes.example/x")).toBe(
      "Storm hits the coast",
    );
    expect(title("Storm hits the coast - what we know so far")).toBe(
      "Storm hits the coast - what we know so far",
    );
  });

  it("strips the site name from og:title and ignores an author that is a URL", () => {
    const head = `
      <meta property="og:title" content="Budget passes - The Daily Example">
      <meta property="og:site_name" content="The Daily Example">
      <meta property="article:author" content="https://facebook.com/dailyexample">
      <meta name="dc.date" content="2024-03-05">`;
    const { meta } = extractHtml(page(head, `<article><p>${sentence(1)}</p></article>`));
    expect(meta.title).toBe("Budget passes");
    expect(meta.author).toBeUndefined();
    expect(meta.publishedAt).toBe("2024-03-05");
  });
});

describe("extractHtml: pages that are not articles", () => {
  it("a login page is not an article", () => {
    const body = `<main><h1>Sign in</h1><form><label>Email <input name="email"></label>
      <label>Password <input type="password" name="pw"></label><button>Sign in</button></form>
      <p>Forgot your password? <a href="/reset">Reset it</a>.</p></main>`;
    expect(extractHtml(page("<title>Sign in | Example</title>", body)).isArticle).toBe(false);
  });

  it("an index page of links is not an article", () => {
    const links = Array.from(
      { length: 30 },
      (_, i) =>
        `<li><a href="/story/${i}">Headline number ${i} about the latest developments in town</a></li>`,
    ).join("");
    const body = `<main><h1>Latest news</h1><ul>${links}</ul></main>`;
    expect(extractHtml(page("<title>Latest</title>", body)).isArticle).toBe(false);
  });

  it("an empty page gives no blocks", () => {
    const result = extractHtml("<html><body></body></html>");
    expect(result.blocks).toEqual([]);
    expect(result.isArticle).toBe(false);
  });

  it("ignores scripts, styles, comments and inline SVG, but keeps custom elements with similar names", () => {
    const body = `<article><p>${sentence(1)}<script>var hidden = "script text";</script></p>
      <style>.x { color: red }</style><!-- a comment --><svg><text>svg text</text></svg>
      <p>${sentence(2)}</p><svg-caption>Custom element text.</svg-caption><p>${sentence(3)}</p></article>`;
    const text = extractHtml(page("", body))
      .blocks.map((b) => b.text)
      .join("\n");
    expect(text).not.toMatch(/script text|color: red|a comment|svg text/);
    expect(text).toContain("Custom element text.");
    expect(text).toContain(sentence(3));
  });

  it("drops nested asides and navigation inside the article but keeps the text after them", () => {
    const body = `<article><p>${sentence(1)}</p>
      <aside>Pull quote<aside>Nested aside</aside> still aside</aside>
      <p>${sentence(2)}</p><nav><a href="#a">Contents</a></nav><p>${sentence(3)}</p></article>`;
    const texts = extractHtml(page("", body)).blocks.map((b) => b.text);
    expect(texts).toEqual([sentence(1), sentence(2), sentence(3)]);
  });

  it("accepts a fragment without <html> or <body>", () => {
    const result = extractHtml(`<p>${sentence(1)}</p><p>${sentence(2)}</p><p>${sentence(3)}</p>`);
    expect(result.blocks.map((b) => b.text)).toEqual([sentence(1), sentence(2), sentence(3)]);
    expect(result.isArticle).toBe(true);
  });
});

describe("toIsoDate (shared by pages and feeds)", () => {
  it("normalizes ISO, RFC 822 and English dates; keeps a date without a time as a date", () => {
    expect(toIsoDate("2024-03-05T10:00:00+01:00")).toBe("2024-03-05T09:00:00.000Z");
    expect(toIsoDate("Tue, 05 Mar 2024 10:00:00 GMT")).toBe("2024-03-05T10:00:00.000Z");
    expect(toIsoDate("Tue, 5 Mar 24 10:00:00 EST")).toBe("2024-03-05T15:00:00.000Z");
    expect(toIsoDate("Tue, 05 Mar 2024 10:00:00 CEST")).toBe("2024-03-05T08:00:00.000Z");
    expect(toIsoDate("2024-03-05")).toBe("2024-03-05");
    expect(toIsoDate("March 5, 2024")).toBe("2024-03-05");
    expect(toIsoDate("1709632800")).toBe("2024-03-05T10:00:00.000Z");
  });

  it("reads a time without a zone as UTC, whatever the machine's time zone", () => {
    expect(toIsoDate("2024-03-05 10:00:00")).toBe("2024-03-05T10:00:00.000Z");
    expect(toIsoDate("Mar 5, 2024 10:00 AM")).toBe("2024-03-05T10:00:00.000Z");
  });

  it("rejects what is not a date", () => {
    for (const value of ["", "yesterday", "2024", "2024-02-30", "0000-01-01T00:00:00Z"]) {
      expect(toIsoDate(value)).toBeUndefined();
    }
  });
});

describe("extractHtml: speed", () => {
  it("extracts every paragraph of a large page and none of its 150 navigation and footer links", () => {
    const nav = Array.from({ length: 150 }, (_, i) => `<li><a href="/s/${i}">Section ${i}</a></li>`).join("");
    const paragraphs = Array.from({ length: 40 }, (_, i) => `<p>${sentence(i)}</p>`).join("");
    const html = page(
      "<title>Big page</title>",
      `<nav><ul>${nav}</ul></nav><article><h1>Big</h1>${paragraphs}</article><footer>${nav}</footer>`,
    );
    const { blocks } = extractHtml(html);
    expect(blocks.filter((b) => b.kind === "paragraph")).toHaveLength(40);
    expect(blocks.some((b) => b.text.startsWith("Section"))).toBe(false);
  });
});
