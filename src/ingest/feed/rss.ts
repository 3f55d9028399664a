import { toIsoDate } from "../iso-date.js";
import { type FeedItem, makeItem, type ParsedFeed, resolveLink } from "./feed-item.js";
import { decodeEntities, decodeRawXmlText } from "./html-text.js";
import { attr, child, children, text, type XmlValue } from "./xml-node.js";

/** RSS `<author>` is "jane@example.com (Jane Doe)"; the name is the useful part. */
function rssAuthor(value: string): string {
  return /^\S+@\S+\s*\((.+)\)$/.exec(value)?.[1]?.trim() ?? value;
}

/** An RSS title: plain text, though some feeds escape their entities twice ("&amp;#8217;"). */
function plainTitle(value: string): string | undefined {
  return decodeEntities(value).replace(/\s+/g, " ").trim() || undefined;
}

function rssItem(item: XmlValue, base: string | undefined): FeedItem | undefined {
  const guid = child(item, "guid");
  const guidText = text(guid);
  let link =
    resolveLink(text(child(item, "feedburner:origLink")), base) ??
    resolveLink(text(child(item, "link")), base);
  // A guid is a permalink unless it says otherwise.
  if (!link && guidText && attr(guid, "isPermaLink") !== "false" && /^https?:\/\//i.test(guidText)) {
    link = resolveLink(guidText, base);
  }
  const creators = children(item, "dc:creator").map(text).filter(Boolean);
  const author = creators.length > 0 ? creators.join(", ") : rssAuthor(text(child(item, "author")));
  return makeItem({
    id: guidText || attr(item, "rdf:about"),
    title: plainTitle(text(child(item, "title"))),
    link,
    publishedAt: toIsoDate(text(child(item, "pubDate"))) ?? toIsoDate(text(child(item, "dc:date"))),
    author,
    contentHtml: decodeRawXmlText(text(child(item, "content:encoded"))),
    summaryHtml: decodeRawXmlText(text(child(item, "description"))),
  });
}

function rssItems(nodes: XmlValue[], base: string | undefined): FeedItem[] {
  return nodes.map((node) => rssItem(node, base)).filter((item): item is FeedItem => item !== undefined);
}

/** RSS 2.0 (and 0.9x): `<rss><channel><item>…`. */
export function parseRss2(root: XmlValue, feedUrl: string | undefined): ParsedFeed | string {
  const channel = child(root, "channel");
  if (channel === undefined) return "<rss> has no <channel>";
  return {
    title: plainTitle(text(child(channel, "title"))) ?? "",
    items: rssItems(
      children(channel, "item"),
      feedUrl ?? resolveLink(text(child(channel, "link")), undefined),
    ),
  };
}

/** RSS 1.0 / RDF: `<rdf:RDF><channel/><item/>…`, items beside the channel. */
export function parseRdf(root: XmlValue, feedUrl: string | undefined): ParsedFeed | string {
  const channel = child(root, "channel");
  if (channel === undefined) return "<rdf:RDF> has no <channel>";
  const items = children(root, "item");
  return {
    title: plainTitle(text(child(channel, "title"))) ?? "",
    items: rssItems(
      items.length > 0 ? items : children(channel, "item"),
      feedUrl ?? resolveLink(text(child(channel, "link")), undefined),
    ),
  };
}
