/** Article fixtures for the store tests. */
import type { NewArticle } from "../../src/core/article.js";
import { countWords } from "../../src/core/article.js";
import { contentHash, minhashSignature } from "../../src/ingest/fingerprint.js";

let counter = 0;

/**
 * A new article with `text`: a unique id ("id-N"), title and ingest time (one second apart, in creation order),
 * its content hash, word count and signature, and a plain-text raw input. `overrides` replace any field.
 */
export function article(text: string, overrides: Partial<NewArticle> = {}): NewArticle {
  counter++;
  return {
    id: `id-${counter}`,
    externalId: null,
    title: `Article ${counter}`,
    source: "example.com",
    url: null,
    author: null,
    publishedAt: null,
    language: "en",
    text,
    ingestedAt: new Date(Date.UTC(2024, 0, 1, 0, 0, counter)).toISOString(),
    contentHash: contentHash(text),
    words: countWords(text),
    raw: { format: "text", body: text, hints: {}, origin: `input-${counter}.txt` },
    signature: minhashSignature(text),
    blockHashes: [],
    siteKey: overrides.source ?? "example.com",
    ...overrides,
  };
}
