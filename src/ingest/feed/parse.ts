import { XMLParser, XMLValidator } from "fast-xml-parser";
import { NewsdeskError } from "../../errors.js";
import { parseAtom } from "./atom.js";
import type { ParsedFeed } from "./feed-item.js";
import { parseRdf, parseRss2 } from "./rss.js";
import { ATTRIBUTE_PREFIX, TEXT_KEY, type XmlObject } from "./xml-node.js";

export type { FeedItem, ParsedFeed } from "./feed-item.js";

/**
 * Elements holding HTML are kept raw (entities and CDATA decoded later), so that Atom xhtml content stays
 * markup instead of becoming nested objects.
 */
const RAW_ELEMENTS = ["*.description", "*.content:encoded", "feed.entry.content", "feed.entry.summary"];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE_PREFIX,
  textNodeName: TEXT_KEY,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  stopNodes: RAW_ELEMENTS,
});

const HTML_PAGE = /^(?:\s|<!--[\s\S]*?-->)*(?:<!DOCTYPE\s+html|<html[\s>])/i;

function malformed(reason: string, cause?: unknown): NewsdeskError {
  return new NewsdeskError("FEED_MALFORMED", `Not a valid RSS or Atom feed: ${reason}`, { cause });
}

/** The document's root element: the one key of the parse result that is not the XML declaration or text. */
function rootElement(doc: XmlObject): [string, XmlObject | string] | undefined {
  for (const [name, value] of Object.entries(doc)) {
    if (name.startsWith("?") || name === TEXT_KEY || name.startsWith("!") || value === undefined) continue;
    if (Array.isArray(value)) return undefined;
    return [name, value];
  }
  return undefined;
}

/**
 * Parses an RSS 2.0, RSS 1.0 (RDF) or Atom 1.0 document. Relative links are resolved against `feedUrl`
 * (and Atom's xml:base; without `feedUrl`, an RSS channel's own link); dates become ISO 8601. Items with neither a link nor content are skipped; a feed with
 * no items is fine. Anything that is not a well-formed feed throws FEED_MALFORMED.
 */
export function parseFeed(xml: string, feedUrl?: string): ParsedFeed {
  const source = xml.replace(/^\ufeff/, "").trimStart();
  if (!source) throw malformed("the document is empty");
  if (HTML_PAGE.test(source.slice(0, 2048))) throw malformed("got an HTML page");

  const valid = XMLValidator.validate(source);
  if (valid !== true) throw malformed(`XML error at line ${valid.err.line}: ${valid.err.msg}`);

  let doc: XmlObject;
  try {
    doc = parser.parse(source) as XmlObject;
  } catch (err) {
    throw malformed(err instanceof Error ? err.message : String(err), err);
  }

  const root = rootElement(doc);
  if (!root) throw malformed("no root element");
  const [name, node] = root;
  let result: ParsedFeed | string;
  if (name === "rss") result = parseRss2(node, feedUrl);
  else if (name === "feed") result = parseAtom(node, feedUrl);
  else if (name === "rdf:RDF") result = parseRdf(node, feedUrl);
  else if (name.toLowerCase() === "html") throw malformed("got an HTML page");
  else throw malformed(`the root element is <${name}>, not <rss>, <feed> or <rdf:RDF>`);
  if (typeof result === "string") throw malformed(result);
  return result;
}
