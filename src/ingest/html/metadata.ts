import type { ArticleMeta } from "../../core/article.js";
import { normalizeSpace } from "../blocks.js";
import { toIsoDate } from "../iso-date.js";
import { type DomDocument, type DomElement, textOf } from "./dom.js";
import { readJsonLd } from "./json-ld.js";
import { stripSiteName } from "./title.js";

/** `<meta>` values by lower-cased `property`, `name` or `itemprop`; the first non-empty one wins. */
function readMetaTags(doc: DomDocument): Map<string, string> {
  const meta = new Map<string, string>();
  const tags = doc.querySelectorAll("meta");
  for (let i = 0; i < tags.length; i++) {
    const tag = tags[i];
    const content = normalizeSpace(tag?.getAttribute("content") ?? "");
    if (!tag || !content) continue;
    for (const attr of ["property", "name", "itemprop", "http-equiv"]) {
      const key = tag.getAttribute(attr)?.trim().toLowerCase();
      if (key && !meta.has(key)) meta.set(key, content);
    }
  }
  return meta;
}

function first<T>(...values: Array<T | undefined | null | "">): T | undefined {
  for (const v of values) if (v !== undefined && v !== null && v !== "") return v;
  return undefined;
}

function isUrlLike(text: string): boolean {
  return /^(?:https?:)?\/\//i.test(text) || /^www\./i.test(text);
}

/** An absolute http(s) URL, resolving `href` against `base`. */
function httpUrl(href: string | null | undefined, base?: string): URL | undefined {
  if (!href?.trim()) return undefined;
  try {
    const url = new URL(href.trim(), base);
    return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
  } catch {
    return undefined;
  }
}

function hostName(url: string | undefined): string | undefined {
  if (!url) return undefined;
  return httpUrl(url)?.hostname.replace(/^www\./, "") || undefined;
}

/** "By Jane Doe" → "Jane Doe"; URLs, e-mail-only values and overlong strings are not names. */
function cleanAuthor(value: string | null | undefined): string | undefined {
  const text = normalizeSpace(value ?? "").replace(/^by\s+/i, "");
  if (!text || text.length > 120 || isUrlLike(text) || /^\S+@\S+$/.test(text)) return undefined;
  return text;
}

/** ISO 639 primary subtag of a language tag or locale: "en-US", "en_GB" → "en". */
function primaryLanguage(tag: string | null | undefined): string | undefined {
  const primary = tag?.trim().split(/[-_]/)[0]?.toLowerCase();
  return primary && /^[a-z]{2,3}$/.test(primary) ? primary : undefined;
}

function attr(el: DomElement | null, name: string): string | undefined {
  return el?.getAttribute(name)?.trim() || undefined;
}

/** The page's own URL: canonical link, og:url, else the URL it was fetched from. */
function readUrl(doc: DomDocument, meta: Map<string, string>, pageUrl?: string): string | undefined {
  const page = httpUrl(pageUrl);
  const candidates = [attr(doc.querySelector('link[rel~="canonical"]'), "href"), meta.get("og:url")];
  for (const candidate of candidates) {
    const url = httpUrl(candidate, page?.href);
    if (!url) continue;
    // Some sites point every page's canonical link at their home page; that is not this article's address.
    if (page && url.pathname === "/" && page.pathname !== "/") continue;
    return url.href;
  }
  return page?.href;
}

/** The page's `<h1>`. A site's logo is often one too: prefer the article's, and skip one that names the site. */
function pageHeading(doc: DomDocument, siteNames: string[]): string | undefined {
  const h1s = [
    doc.querySelector("article h1"),
    doc.querySelector("main h1"),
    ...Array.from(doc.querySelectorAll("h1")),
  ];
  return h1s
    .filter((el) => el && !el.closest("nav"))
    .map((el) => textOf(el))
    .find((text) => text && !siteNames.some((name) => name.toLowerCase() === text.toLowerCase()));
}

function readTitle(
  doc: DomDocument,
  meta: Map<string, string>,
  headline: string | undefined,
  siteNames: string[],
) {
  const explicit =
    first(meta.get("og:title"), meta.get("twitter:title"), headline) ?? pageHeading(doc, siteNames);
  if (explicit) return stripSiteName(explicit, siteNames) || explicit;
  const title = textOf(doc.querySelector("title"));
  return title ? stripSiteName(title, siteNames, true) || title : undefined;
}

function readPublished(doc: DomDocument, meta: Map<string, string>, jsonLdDate: string | undefined) {
  const time = (selector: string) => () => {
    const el = doc.querySelector(selector);
    return attr(el, "datetime") ?? attr(el, "content");
  };
  const tag = (name: string) => () => meta.get(name);
  // Most specific first; looked up lazily, since most pages answer the first question.
  const candidates = [
    tag("article:published_time"),
    () => jsonLdDate,
    time("article time[datetime]"),
    time("[itemprop~='datePublished']"),
    time("time[pubdate]"),
    time("main time[datetime]"),
    ...["date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created", "pubdate", "publishdate"].map(
      tag,
    ),
    ...["publish-date", "og:published_time"].map(tag),
  ];
  for (const candidate of candidates) {
    const iso = toIsoDate(candidate());
    if (iso) return iso;
  }
  return undefined;
}

/**
 * Reads an HTML page's metadata. Call it before Readability runs: Readability rewrites the document.
 * Each field takes the first source that has it, most specific first.
 */
export function readMetadata(doc: DomDocument, pageUrl?: string): ArticleMeta {
  const meta = readMetaTags(doc);
  const ld = readJsonLd(doc);
  const url = readUrl(doc, meta, pageUrl);

  const source = first(
    meta.get("og:site_name"),
    ld.publisher,
    meta.get("application-name"),
    hostName(pageUrl),
    hostName(url),
  );
  const siteNames = [source, meta.get("og:site_name"), ld.publisher, hostName(pageUrl), hostName(url)].filter(
    (name): name is string => Boolean(name),
  );

  const articleAuthor = meta.get("article:author");
  const author = first(
    cleanAuthor(meta.get("author")),
    cleanAuthor(ld.author),
    cleanAuthor(articleAuthor),
    cleanAuthor(textOf(doc.querySelector('a[rel~="author"]'))),
    cleanAuthor(meta.get("byl")),
    cleanAuthor(meta.get("dc.creator")),
  );

  const result: ArticleMeta = {
    title: readTitle(doc, meta, ld.headline, siteNames),
    source,
    url,
    author,
    publishedAt: readPublished(doc, meta, ld.datePublished),
    language: first(
      primaryLanguage(attr(doc.documentElement, "lang")),
      primaryLanguage(attr(doc.documentElement, "xml:lang")),
      primaryLanguage(meta.get("og:locale")),
      primaryLanguage(meta.get("content-language")),
      primaryLanguage(ld.inLanguage),
    ),
  };
  for (const key of Object.keys(result) as Array<keyof ArticleMeta>) {
    if (result[key] === undefined) delete result[key];
  }
  return result;
}
