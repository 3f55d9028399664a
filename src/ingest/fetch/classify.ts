/** What kind of input a fetched resource is, which decides how it is ingested. */
export type ContentClass = "html" | "feed" | "json" | "text" | "other";

/** Skips a BOM, white space, the XML declaration, processing instructions, comments and a DOCTYPE. */
const PROLOG = /^(?:\ufeff|\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE(?:[^>[]|\[[^\]]*\])*>)*/i;
const FEED_ROOT = /^<(?:rss|feed|rdf:RDF)[\s>/]/i;
const HTML_START = /^(?:<!DOCTYPE\s+html|<html[\s>]|<head[\s>]|<body[\s>])/i;

/** The first markup after the prolog, for sniffing. */
function afterProlog(body: string): string {
  const head = body.slice(0, 4096);
  return head.slice(PROLOG.exec(head)?.[0].length ?? 0);
}

function isFeed(body: string): boolean {
  return FEED_ROOT.test(afterProlog(body));
}

function isHtml(body: string): boolean {
  return HTML_START.test(body.slice(0, 4096).replace(/^(?:\ufeff|\s+|<!--[\s\S]*?-->)*/, ""));
}

function isXmlType(mime: string): boolean {
  return mime === "text/xml" || mime === "application/xml" || mime.endsWith("+xml");
}

function isBinaryType(mime: string): boolean {
  return (
    /^(?:image|audio|video|font|model)\//.test(mime) ||
    mime === "application/pdf" ||
    mime === "application/octet-stream" ||
    mime === "application/zip" ||
    mime === "application/gzip"
  );
}

/**
 * Classifies a resource by its Content-Type, sniffing the body where servers are known to mislabel:
 * an RSS, Atom or RDF document is a feed even when served as text/xml, text/html or text/plain.
 * `contentType` may carry parameters ("text/html; charset=utf-8") or be empty.
 */
export function classifyContent(contentType: string, body: string): ContentClass {
  const mime = (contentType.split(";")[0] ?? "").trim().toLowerCase();
  if (isBinaryType(mime)) return "other";
  if (mime === "application/rss+xml" || mime === "application/atom+xml" || mime === "application/rdf+xml") {
    return "feed";
  }
  if (mime === "application/json" || mime === "text/json" || mime.endsWith("+json")) return "json";
  if (mime === "text/html" || mime === "application/xhtml+xml") return isFeed(body) ? "feed" : "html";
  if (isXmlType(mime)) {
    if (isFeed(body)) return "feed";
    return isHtml(body) ? "html" : "other";
  }
  if (mime.startsWith("text/")) {
    if (isFeed(body)) return "feed";
    return mime === "text/plain" && isHtml(body) ? "html" : "text";
  }
  if (mime === "") {
    if (isFeed(body)) return "feed";
    if (isHtml(body)) return "html";
    if (/^\s*[[{]/.test(body.slice(0, 64))) return "json";
    return body.includes("\u0000") ? "other" : "text";
  }
  return "other";
}
