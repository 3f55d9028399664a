import { Readability } from "@mozilla/readability";
import { type ArticleMeta, countWords } from "../../core/article.js";
import type { Block } from "../blocks.js";
import { type DomDocument, type DomNode, parseDocument } from "./dom.js";
import { domToBlocks } from "./dom-blocks.js";
import { readMetadata } from "./metadata.js";
import { stripNoise } from "./strip-markup.js";

export interface HtmlExtraction {
  /** The article's blocks, in document order. Empty when Readability found no content. */
  blocks: Block[];
  meta: ArticleMeta;
  /** False for pages that are not an article: no main content, under ~40 words, or mostly links. */
  isArticle: boolean;
}

/** Fewer words than this is a login page, an error page or a teaser, not an article. */
const MIN_ARTICLE_WORDS = 40;
/** A page whose text is mostly link text is an index of links. */
const MAX_LINK_DENSITY = 0.5;

/**
 * Page furniture that is never the article; removing it up front saves Readability much of its work.
 * Not <form>: some sites wrap the whole page in one. Readability and the block walker deal with forms.
 */
const FURNITURE = "nav, aside, button, iframe, select, textarea, [hidden], footer:not(article footer)";

function removeFurniture(document: DomDocument): void {
  const elements = Array.from(document.querySelectorAll(FURNITURE));
  for (const el of elements) el.remove();
}

/** Readability's main content as a DOM node (not serialized: walking it directly is cheaper). */
function mainContent(document: DomDocument): DomNode | undefined {
  try {
    const reader = new Readability<DomNode>(document, { serializer: (node) => node as unknown as DomNode });
    return reader.parse()?.content ?? undefined;
  } catch {
    // Readability on an odd DOM is not worth failing a bulk ingestion for: the page counts as "no content".
    return undefined;
  }
}

/**
 * Extracts an article from an HTML page: metadata from the original document, then the main content found by
 * Readability, as blocks. `pageUrl` is where the page came from; it fills in the URL and source when the page
 * does not name them, and resolves a relative canonical link.
 */
export function extractHtml(html: string, pageUrl?: string): HtmlExtraction {
  const document = parseDocument(stripNoise(html));
  // Readability rewrites the document, so read the metadata first.
  const meta = readMetadata(document, pageUrl);
  removeFurniture(document);

  const content = mainContent(document);
  if (!content) return { blocks: [], meta, isArticle: false };

  const { blocks, textChars, linkChars } = domToBlocks(content);
  const words = blocks.reduce((sum, block) => sum + countWords(block.text), 0);
  const isArticle = words >= MIN_ARTICLE_WORDS && linkChars <= textChars * MAX_LINK_DENSITY;
  return { blocks, meta, isArticle };
}
