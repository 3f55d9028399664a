import type { ArticleMeta, CleanArticle, RawInput } from "../core/article.js";
import { NewsdeskError } from "../errors.js";
import type { Block } from "./blocks.js";
import { type CleanResult, cleanBlocks } from "./clean/index.js";
import { extractHtml } from "./html/extract.js";
import { toIsoDate } from "./iso-date.js";
import { readJsonArticle } from "./parse/json-article.js";
import { markdownToBlocks, splitFrontMatter } from "./parse/markdown.js";
import { textToBlocks } from "./parse/text.js";

/** Fewer words than this after cleaning means the input held no article. */
export const MIN_ARTICLE_WORDS = 25;

export interface ParsedInput {
  blocks: Block[];
  /** Metadata found in the input itself (front matter, HTML metadata, JSON fields), merged over the hints. */
  meta: ArticleMeta;
  isArticle: boolean;
}

const LOOKS_LIKE_HTML = /<(?:p|div|br|h[1-6]|article|section|span|ul|li)[\s/>]/i;

function parseBody(text: string): { blocks: Block[]; meta: ArticleMeta; isArticle: boolean } {
  if (LOOKS_LIKE_HTML.test(text)) return extractHtml(text);
  return { blocks: textToBlocks(text), meta: {}, isArticle: true };
}

/** Turns a raw input into blocks and metadata. Pure: the same raw input always gives the same result. */
export function parseRaw(raw: RawInput): ParsedInput {
  switch (raw.format) {
    case "html": {
      const r = extractHtml(raw.body, raw.hints.url);
      return { blocks: r.blocks, meta: { ...r.meta, ...raw.hints }, isArticle: r.isArticle };
    }
    case "markdown": {
      const { meta, body } = splitFrontMatter(raw.body);
      return { blocks: markdownToBlocks(body), meta: { ...raw.hints, ...meta }, isArticle: true };
    }
    case "json": {
      const article = readJsonArticle(JSON.parse(raw.body));
      const r = parseBody(article.text);
      return { blocks: r.blocks, meta: { ...r.meta, ...raw.hints, ...article.meta }, isArticle: r.isArticle };
    }
    case "text":
      return { blocks: textToBlocks(raw.body), meta: { ...raw.hints }, isArticle: true };
  }
}

function hostOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    return new URL(url).hostname.replace(/^www\./, "") || undefined;
  } catch {
    return undefined;
  }
}

/** The outlet an input comes from, as far as it is known before cleaning. */
export function sourceBeforeCleaning(parsed: ParsedInput): string | undefined {
  return parsed.meta.source ?? hostOf(parsed.meta.url);
}

export interface PreparedArticle {
  clean: CleanArticle;
  cleaning: CleanResult;
}

/**
 * Cleans a parsed input and settles its metadata. Throws INPUT_EMPTY when no article is left.
 * `siteRepeats` tells how many other stored articles of the same site contain a block.
 */
export function prepareArticle(parsed: ParsedInput, siteRepeats?: (block: Block) => number): PreparedArticle {
  const { meta } = parsed;
  const ctx: Parameters<typeof cleanBlocks>[1] = {};
  if (meta.language) ctx.language = meta.language;
  if (meta.title) ctx.title = meta.title;
  if (siteRepeats) ctx.siteRepeats = siteRepeats;
  const cleaning = cleanBlocks(parsed.blocks, ctx);
  const text = cleaning.blocks.map((b) => b.text).join("\n\n");
  const words = text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  if (!parsed.isArticle || words < MIN_ARTICLE_WORDS) {
    throw new NewsdeskError(
      "INPUT_EMPTY",
      words === 0
        ? "no article text found (empty, or only boilerplate)"
        : `no article text found: only ${words} words left after removing boilerplate`,
    );
  }
  const clean: CleanArticle = {
    title: meta.title ?? cleaning.meta.title ?? "Untitled",
    source: meta.source ?? cleaning.meta.sourceHint ?? hostOf(meta.url) ?? "unknown",
    url: meta.url ?? null,
    author: meta.author ?? cleaning.meta.author ?? null,
    publishedAt: toIsoDate(meta.publishedAt) ?? toIsoDate(cleaning.meta.publishedAt) ?? null,
    language: meta.language ?? cleaning.language,
    text,
  };
  return { clean, cleaning };
}
