import { createHash } from "node:crypto";

export interface FeedItem {
  /** The item's guid / Atom id / rdf:about; else its link; else a hash of its title, date and content. */
  id: string;
  title?: string;
  /** Absolute http(s) URL of the item's page. */
  link?: string;
  /** ISO 8601. */
  publishedAt?: string;
  author?: string;
  /** The full content as HTML (RSS content:encoded, Atom content). */
  contentHtml?: string;
  /** The summary as HTML (RSS description, Atom summary). */
  summaryHtml?: string;
}

export interface ParsedFeed {
  title: string;
  items: FeedItem[];
}

/** `href` made absolute against `base`; undefined unless the result is an http(s) URL. */
export function resolveLink(href: string | undefined, base: string | undefined): string | undefined {
  if (!href) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Builds an item from the fields a format found, dropping empty ones. Returns undefined for an item with
 * neither a link nor any content: there is nothing to ingest.
 */
export function makeItem(fields: Omit<FeedItem, "id"> & { id?: string }): FeedItem | undefined {
  const item: Partial<FeedItem> = {};
  for (const [key, value] of Object.entries(fields) as Array<[keyof FeedItem, string | undefined]>) {
    const trimmed = value?.trim();
    if (trimmed) item[key] = trimmed;
  }
  if (!item.link && !item.contentHtml && !item.summaryHtml) return undefined;
  const id =
    item.id ??
    item.link ??
    `sha256:${createHash("sha256")
      .update([item.title, item.publishedAt, item.contentHtml ?? item.summaryHtml].join("\u0000"))
      .digest("hex")
      .slice(0, 32)}`;
  return { ...item, id };
}
