import { describe, expect, it } from "vitest";
import { NewsdeskError } from "../src/errors.js";
import { parseFeed } from "../src/ingest/feed/parse.js";

function feedError(xml: string): NewsdeskError {
  try {
    parseFeed(xml, "https://example.com/feed.xml");
  } catch (err) {
    if (err instanceof NewsdeskError) return err;
    throw err;
  }
  throw new Error("parseFeed did not throw");
}

const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"
     xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>Example News &amp; Views</title>
    <link>https://example.com/</link>
    <atom:link href="https://example.com/feed.xml" rel="self" type="application/rss+xml"/>
    <description>Everything</description>
    <item>
      <title>Council approves budget</title>
      <link>https://example.com/news/budget</link>
      <guid isPermaLink="false">budget-2024</guid>
      <pubDate>Tue, 05 Mar 2024 10:00:00 +0100</pubDate>
      <dc:creator><![CDATA[Jane Doe]]></dc:creator>
      <description>&lt;p&gt;Short &amp;amp; sweet.&lt;/p&gt;</description>
      <content:encoded><![CDATA[<p>The full story, with <b>bold</b> text.</p>]]></content:encoded>
    </item>
    <item>
      <title>Relative link item</title>
      <link>/news/relative</link>
      <author>desk@example.com (News Desk)</author>
      <description>Teaser only</description>
    </item>
    <item>
      <title>Permalink guid</title>
      <guid>https://example.com/news/guid-link</guid>
    </item>
    <item>
      <title>Nothing to ingest</title>
    </item>
  </channel>
</rss>`;

describe("parseFeed: RSS 2.0", () => {
  const feed = parseFeed(RSS, "https://example.com/feed.xml");

  it("reads the channel title with entities decoded", () => {
    expect(feed.title).toBe("Example News & Views");
  });

  it("maps guid, link, pubDate, dc:creator, description and content:encoded", () => {
    expect(feed.items[0]).toEqual({
      id: "budget-2024",
      title: "Council approves budget",
      link: "https://example.com/news/budget",
      publishedAt: "2024-03-05T09:00:00.000Z",
      author: "Jane Doe",
      contentHtml: "<p>The full story, with <b>bold</b> text.</p>",
      summaryHtml: "<p>Short &amp; sweet.</p>",
    });
  });

  it("resolves a relative link against the feed URL, uses it as the id and takes the name from <author>", () => {
    expect(feed.items[1]).toMatchObject({
      id: "https://example.com/news/relative",
      link: "https://example.com/news/relative",
      author: "News Desk",
      summaryHtml: "Teaser only",
    });
  });

  it("uses a permalink guid as the link when there is no <link>", () => {
    expect(feed.items[2]?.link).toBe("https://example.com/news/guid-link");
  });

  it("skips an item with neither a link nor content", () => {
    expect(feed.items.map((i) => i.title)).not.toContain("Nothing to ingest");
    expect(feed.items).toHaveLength(3);
  });
});

describe("parseFeed: Atom 1.0", () => {
  const ATOM = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://blog.example.org/posts/">
  <title type="html">A &lt;em&gt;Small&lt;/em&gt; Blog</title>
  <id>urn:uuid:feed</id>
  <updated>2024-03-06T08:00:00Z</updated>
  <author><name>Feed Author</name></author>
  <link rel="self" href="/atom.xml"/>
  <entry>
    <title>First post</title>
    <id>tag:blog.example.org,2024:1</id>
    <link rel="edit" href="/api/1"/>
    <link rel="alternate" type="text/html" href="first-post.html"/>
    <published>2024-03-05T10:00:00-05:00</published>
    <updated>2024-03-06T10:00:00Z</updated>
    <author><name>Ann Writer</name></author>
    <summary>Plain &lt;summary&gt; text</summary>
    <content type="html">&lt;p&gt;Hello &amp;amp; welcome.&lt;/p&gt;</content>
  </entry>
  <entry>
    <title>Second post</title>
    <id>tag:blog.example.org,2024:2</id>
    <link href="/second"/>
    <updated>2024-03-07T10:00:00Z</updated>
    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline <b>markup</b></p></div></content>
  </entry>
</feed>`;
  const feed = parseFeed(ATOM, "https://blog.example.org/atom.xml");

  it("reads an html-typed feed title as plain text", () => {
    expect(feed.title).toBe("A Small Blog");
  });

  it("takes the alternate link, resolved against xml:base", () => {
    expect(feed.items[0]?.link).toBe("https://blog.example.org/posts/first-post.html");
    expect(feed.items[1]?.link).toBe("https://blog.example.org/second");
  });

  it("maps id, published, author, html content and a text summary", () => {
    expect(feed.items[0]).toMatchObject({
      id: "tag:blog.example.org,2024:1",
      title: "First post",
      publishedAt: "2024-03-05T15:00:00.000Z",
      author: "Ann Writer",
      contentHtml: "<p>Hello &amp; welcome.</p>",
      summaryHtml: "<p>Plain &lt;summary&gt; text</p>",
    });
  });

  it("falls back to updated and the feed's author, and keeps xhtml content as markup", () => {
    expect(feed.items[1]).toMatchObject({
      publishedAt: "2024-03-07T10:00:00.000Z",
      author: "Feed Author",
    });
    expect(feed.items[1]?.contentHtml).toContain("<p>Inline <b>markup</b></p>");
  });
});

describe("parseFeed: RSS 1.0 (RDF)", () => {
  const RDF = `<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://example.net/">
    <title>RDF Site</title>
    <items><rdf:Seq><rdf:li resource="https://example.net/a"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://example.net/a">
    <title>An RDF item</title>
    <link>https://example.net/a</link>
    <description>About &lt;i&gt;a&lt;/i&gt;</description>
    <dc:date>2024-03-05T10:00:00Z</dc:date>
    <dc:creator>Rita Dee</dc:creator>
  </item>
</rdf:RDF>`;

  it("reads items that sit beside the channel", () => {
    const feed = parseFeed(RDF);
    expect(feed.title).toBe("RDF Site");
    expect(feed.items).toEqual([
      {
        id: "https://example.net/a",
        title: "An RDF item",
        link: "https://example.net/a",
        publishedAt: "2024-03-05T10:00:00.000Z",
        author: "Rita Dee",
        summaryHtml: "About <i>a</i>",
      },
    ]);
  });
});

describe("parseFeed: errors and edge cases", () => {
  it("rejects malformed XML with FEED_MALFORMED and the line of the error", () => {
    const err = feedError("<rss><channel><title>Broken</channel></rss>");
    expect(err.code).toBe("FEED_MALFORMED");
    expect(err.message).toMatch(/^Not a valid RSS or Atom feed: XML error at line 1/);
  });

  it("rejects an HTML page given as a feed", () => {
    const err = feedError(
      "<!DOCTYPE html><html><head><title>Home</title></head><body><p>Hi<br></p></body></html>",
    );
    expect(err.code).toBe("FEED_MALFORMED");
    expect(err.message).toBe("Not a valid RSS or Atom feed: got an HTML page");
  });

  it("rejects well-formed XHTML given as a feed", () => {
    const err = feedError(`<?xml version="1.0"?><html xmlns="http://www.w3.org/1999/xhtml"><body/></html>`);
    expect(err.message).toBe("Not a valid RSS or Atom feed: got an HTML page");
  });

  it("rejects well-formed XML that is not a feed, naming its root element", () => {
    const err = feedError(`<?xml version="1.0"?><note><to>Tove</to></note>`);
    expect(err.message).toBe(
      "Not a valid RSS or Atom feed: the root element is <note>, not <rss>, <feed> or <rdf:RDF>",
    );
  });

  it("rejects an empty document and an RSS document without a channel", () => {
    expect(feedError("  ").message).toContain("empty");
    expect(feedError("<rss version='2.0'></rss>").message).toContain("no <channel>");
  });

  it("accepts a feed with no items", () => {
    expect(parseFeed(`<rss version="2.0"><channel><title>Quiet</title></channel></rss>`)).toEqual({
      title: "Quiet",
      items: [],
    });
    expect(parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><title>Empty</title></feed>`).items).toEqual(
      [],
    );
  });

  it("without a feed URL, resolves relative RSS links against the channel's link", () => {
    const feed = parseFeed(
      `<rss><channel><title>T</title><link>https://site.example/blog/</link><item><link>post-1</link></item></channel></rss>`,
    );
    expect(feed.items[0]?.link).toBe("https://site.example/blog/post-1");
  });

  it("tolerates a byte-order mark and leading white space before the XML declaration", () => {
    const feed = parseFeed(`\ufeff\n  <?xml version="1.0"?><rss><channel><title>T</title></channel></rss>`);
    expect(feed.title).toBe("T");
  });
});
