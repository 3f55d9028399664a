import { normalizeSpace } from "../blocks.js";
import { toIsoDate } from "../iso-date.js";
import { type FeedItem, makeItem, type ParsedFeed, resolveLink } from "./feed-item.js";
import { decodeRawXmlText, escapeHtml, htmlToPlainText } from "./html-text.js";
import { attr, child, children, deepText, text, type XmlValue } from "./xml-node.js";

/** The base URL in effect for a node: its xml:base resolved against the outer base. */
function baseOf(node: XmlValue | undefined, outer: string | undefined): string | undefined {
  const own = attr(node, "xml:base");
  if (!own) return outer;
  try {
    return new URL(own, outer).href;
  } catch {
    return outer;
  }
}

/** An Atom text construct (title) as plain text, whatever its type. */
function atomText(node: XmlValue | undefined): string | undefined {
  if (node === undefined) return undefined;
  const type = attr(node, "type");
  if (type === "html") return htmlToPlainText(text(node)) || undefined;
  return normalizeSpace(type === "xhtml" ? deepText(node) : text(node)) || undefined;
}

/**
 * An Atom content or summary (kept raw by the parser) as HTML: html is unescaped, xhtml used as is,
 * text escaped. Content by reference (`src`) or of another media type is skipped.
 */
function atomHtml(node: XmlValue | undefined): string | undefined {
  if (node === undefined || attr(node, "src")) return undefined;
  const type = (attr(node, "type") ?? "text").toLowerCase();
  const raw = text(node);
  if (type === "xhtml") return raw;
  if (type === "html" || type === "text/html") return decodeRawXmlText(raw);
  if (type === "text" || type === "text/plain") {
    const plain = decodeRawXmlText(raw);
    return plain ? `<p>${escapeHtml(plain)}</p>` : undefined;
  }
  return undefined;
}

/** The entry's page: the `alternate` link (a link without rel is one), preferring an HTML one. */
function alternateLink(node: XmlValue, base: string | undefined): string | undefined {
  const alternates = children(node, "link").filter(
    (link) => (attr(link, "rel") ?? "alternate") === "alternate",
  );
  const best = alternates.find((link) => /html/.test(attr(link, "type") ?? "text/html")) ?? alternates[0];
  return resolveLink(attr(best, "href"), base);
}

function authorNames(node: XmlValue | undefined): string | undefined {
  const names = children(node, "author")
    .map((author) => text(child(author, "name")))
    .filter(Boolean);
  return names.length > 0 ? names.join(", ") : undefined;
}

function atomEntry(
  entry: XmlValue,
  base: string | undefined,
  feedAuthor: string | undefined,
): FeedItem | undefined {
  const entryBase = baseOf(entry, base);
  return makeItem({
    id: text(child(entry, "id")),
    title: atomText(child(entry, "title")),
    link: alternateLink(entry, entryBase),
    publishedAt: toIsoDate(text(child(entry, "published"))) ?? toIsoDate(text(child(entry, "updated"))),
    author: authorNames(entry) ?? feedAuthor,
    contentHtml: atomHtml(child(entry, "content")),
    summaryHtml: atomHtml(child(entry, "summary")),
  });
}

/** Atom 1.0: `<feed><entry>…`. */
export function parseAtom(root: XmlValue, feedUrl: string | undefined): ParsedFeed {
  const base = baseOf(root, feedUrl);
  const feedAuthor = authorNames(root);
  return {
    title: atomText(child(root, "title")) ?? "",
    items: children(root, "entry")
      .map((entry) => atomEntry(entry, base, feedAuthor))
      .filter((item): item is FeedItem => item !== undefined),
  };
}
