import type { RawInput } from "../../core/article.js";
import { describeError } from "../../errors.js";
import { type ParsedFeed, parseFeed } from "../feed/parse.js";
import { classifyContent, type FetchOptions, fetchResource } from "../fetch/http.js";
import { jsonToRaw } from "../parse/json-article.js";
import type { SourceItem, SourceLimits } from "./types.js";

/** A feed item whose own content has fewer words than this is a teaser: the linked page is fetched instead. */
const FULL_TEXT_WORDS = 150;

export function looksLikeUrl(input: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(input);
}

function wordsIn(html: string): number {
  return html.replace(/<[^>]*>/g, " ").match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
}

export interface UrlSourceOptions extends SourceLimits {
  /** Called before every request (the URL and each redirect); throws to refuse an address. */
  checkUrl?: FetchOptions["checkUrl"];
  /** Makes the requests (the URL guard's pinned transport); default the global fetch. */
  transport?: FetchOptions["transport"];
}

function fetchOptions(options: UrlSourceOptions): FetchOptions {
  const o: FetchOptions = { timeoutMs: options.fetchTimeoutMs, maxBytes: options.maxBytes };
  if (options.checkUrl) o.checkUrl = options.checkUrl;
  if (options.transport) o.transport = options.transport;
  return o;
}

/** Fetches an article page or a feed. A feed yields one raw input per item, following teaser links. */
export async function* readUrl(url: string, options: UrlSourceOptions): AsyncGenerator<SourceItem> {
  let res: Awaited<ReturnType<typeof fetchResource>>;
  try {
    res = await fetchResource(url, fetchOptions(options));
  } catch (err) {
    yield { ok: false, input: url, reason: describeError(err) };
    return;
  }
  const kind = classifyContent(res.contentType, res.body);
  switch (kind) {
    case "html":
      yield { ok: true, raw: { format: "html", body: res.body, hints: { url: res.url }, origin: url } };
      return;
    case "text":
      yield { ok: true, raw: { format: "text", body: res.body, hints: { url: res.url }, origin: url } };
      return;
    case "json":
      try {
        yield { ok: true, raw: jsonToRaw(res.body, url) };
      } catch (err) {
        yield { ok: false, input: url, reason: describeError(err) };
      }
      return;
    case "feed":
      yield* readFeed(url, res.url, res.body, options);
      return;
    default:
      yield {
        ok: false,
        input: url,
        reason: `not an article: the server sent ${res.contentType || "unknown content"}`,
      };
  }
}

async function* readFeed(
  input: string,
  feedUrl: string,
  xml: string,
  options: UrlSourceOptions,
): AsyncGenerator<SourceItem> {
  let feed: ReturnType<typeof parseFeed>;
  try {
    feed = parseFeed(xml, feedUrl);
  } catch (err) {
    yield { ok: false, input, reason: describeError(err) };
    return;
  }
  yield* readFeedItems(feed, feedUrl, options);
}

/** One raw input per item of a parsed feed, fetching the linked page of a teaser item. */
export async function* readFeedItems(
  feed: ParsedFeed,
  feedUrl: string,
  options: UrlSourceOptions,
): AsyncGenerator<SourceItem> {
  for (const [i, item] of feed.items.entries()) {
    const origin = item.link ?? `${feedUrl}#${i + 1}`;
    const hints: RawInput["hints"] = {};
    if (item.title) hints.title = item.title;
    if (item.link) hints.url = item.link;
    if (item.publishedAt) hints.publishedAt = item.publishedAt;
    if (item.author) hints.author = item.author;
    const content = item.contentHtml ?? item.summaryHtml ?? "";
    if (wordsIn(content) >= FULL_TEXT_WORDS || !item.link) {
      const inline = feed.title ? { ...hints, source: feed.title } : hints;
      yield {
        ok: true,
        raw: { format: "html", body: `<article>${content}</article>`, hints: inline, origin },
      };
      continue;
    }
    try {
      const page = await fetchResource(item.link, fetchOptions(options));
      if (classifyContent(page.contentType, page.body) !== "html") {
        yield {
          ok: false,
          input: origin,
          reason: `feed item link is not an article page (${page.contentType})`,
        };
        continue;
      }
      yield { ok: true, raw: { format: "html", body: page.body, hints, origin } };
    } catch (err) {
      yield { ok: false, input: origin, reason: describeError(err) };
    }
  }
}
