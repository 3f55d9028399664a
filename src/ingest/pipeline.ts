import { countWords, type NewArticle, type RawInput } from "../core/article.js";
import { describeError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Store } from "../store/store.js";
import { analysePending, analyzeArticle, groupPending } from "./analyze.js";
import { blockHash } from "./clean/index.js";
import { fingerprint } from "./fingerprint.js";
import { type ParsedInput, parseRaw, prepareArticle, sourceBeforeCleaning } from "./prepare.js";
import { regroupAll, shouldRegroup } from "./regroup.js";
import { readPath } from "./sources/file.js";
import { readAhead } from "./sources/read-ahead.js";
import type { SourceItem } from "./sources/types.js";
import { looksLikeUrl, readUrl, type UrlSourceOptions } from "./sources/url.js";

export interface IngestReport {
  added: Array<{ id: string; input: string; externalId?: string; title: string }>;
  duplicates: Array<{ input: string; id: string }>;
  rejected: Array<{ input: string; reason: string }>;
}

export interface IngestDeps {
  store: Store;
  logger: Logger;
  now: () => Date;
  limits: UrlSourceOptions;
}

/** A stable short id from the first content hash an article was stored with. */
function articleId(hash: string): string {
  return hash.slice(0, 12);
}

/** A block seen in this many other articles of the same site is treated as that site's boilerplate. */
async function siteRepeatsFor(store: Store, parsed: ParsedInput, excludeId?: string) {
  const source = sourceBeforeCleaning(parsed);
  const hashes = parsed.blocks.map((b) => blockHash(b.text));
  const siteKey = source ?? null;
  if (!source || hashes.length === 0) return { hashes, siteKey, repeats: undefined };
  const counts = await store.siteBlockCounts(source, hashes, excludeId);
  if (counts.size === 0) return { hashes, siteKey, repeats: undefined };
  return { hashes, siteKey, repeats: (block: { text: string }) => counts.get(blockHash(block.text)) ?? 0 };
}

/** Parses, cleans, deduplicates and stores one raw input. */
async function ingestOne(raw: RawInput, deps: IngestDeps, report: IngestReport): Promise<void> {
  const parsed = parseRaw(raw);
  const { hashes, siteKey, repeats } = await siteRepeatsFor(deps.store, parsed);
  const { clean } = prepareArticle(parsed, repeats);
  const { contentHash: hash, signature } = fingerprint(clean.text);
  const dup = await deps.store.findDuplicate({ contentHash: hash, url: clean.url, signature });
  if (dup) {
    report.duplicates.push({ input: raw.origin, id: dup.id });
    deps.logger.debug({ input: raw.origin, id: dup.id, reason: dup.reason }, "duplicate");
    return;
  }
  const article: NewArticle = {
    ...clean,
    id: articleId(hash),
    externalId: raw.externalId ?? null,
    ingestedAt: deps.now().toISOString(),
    contentHash: hash,
    words: countWords(clean.text),
    raw,
    signature,
    blockHashes: [...new Set(hashes)],
    siteKey,
  };
  await deps.store.insertArticle(article);
  const entry: IngestReport["added"][number] = { id: article.id, input: raw.origin, title: article.title };
  if (raw.externalId !== undefined) entry.externalId = raw.externalId;
  report.added.push(entry);
}

/** How many inputs are read ahead of the one being cleaned and stored. */
const READ_AHEAD = 8;

function itemsFor(input: string, deps: IngestDeps): AsyncGenerator<SourceItem> {
  return readAhead(
    looksLikeUrl(input) ? readUrl(input, deps.limits) : readPath(input, deps.limits),
    READ_AHEAD,
  );
}

/**
 * Stores every input (files, directories, .jsonl, URLs, feeds): cleaned, deduplicated and indexed for search.
 * Each article is written in its own transaction, so one bad input never stops the batch and an interruption
 * never leaves a half-written article.
 */
export async function storeInputs(inputs: string[], deps: IngestDeps): Promise<IngestReport> {
  const report: IngestReport = { added: [], duplicates: [], rejected: [] };
  for (const input of inputs) await storeItems(itemsFor(input, deps), deps, report);
  return report;
}

/** Stores what a source yields (e.g. the new items of a polled feed), adding each outcome to `report`. */
export async function storeItems(
  items: AsyncIterable<SourceItem>,
  deps: IngestDeps,
  report: IngestReport = { added: [], duplicates: [], rejected: [] },
): Promise<IngestReport> {
  for await (const item of items) {
    if (!item.ok) {
      report.rejected.push({ input: item.input, reason: item.reason });
      continue;
    }
    try {
      await ingestOne(item.raw, deps, report);
    } catch (err) {
      deps.logger.debug({ err, input: item.raw.origin }, "rejected");
      report.rejected.push({ input: item.raw.origin, reason: describeError(err) });
    }
  }
  return report;
}

/**
 * The second phase of ingestion: quotes, keywords and story features for every article not analysed yet, then
 * story grouping — the whole corpus again after a run that added a large share of it, else article by article.
 */
export async function analyseStored(
  deps: Pick<IngestDeps, "store" | "logger">,
  added: number,
): Promise<void> {
  await analysePending(deps.store, deps.logger);
  if (shouldRegroup(added, await deps.store.countArticles())) {
    const stories = await regroupAll(deps.store);
    deps.logger.debug({ stories }, "re-grouped all articles");
  } else {
    await groupPending(deps.store);
  }
}

/** Ingests inputs: stores them (`storeInputs`), then analyses and groups what is new (`analyseStored`). */
export async function ingest(inputs: string[], deps: IngestDeps): Promise<IngestReport> {
  const report = await storeInputs(inputs, deps);
  await analyseStored(deps, report.added.length);
  return report;
}

/** Re-cleans every stored article from its raw input. Returns how many changed. */
export async function reclean(
  deps: Pick<IngestDeps, "store" | "logger">,
): Promise<{ checked: number; changed: number; failed: Array<{ id: string; reason: string }> }> {
  const ids = await deps.store.allIds();
  let changed = 0;
  const failed: Array<{ id: string; reason: string }> = [];
  for (const id of ids) {
    const [raw, current] = await Promise.all([deps.store.getRaw(id), deps.store.getArticle(id)]);
    if (!raw || !current) continue;
    try {
      const parsed = parseRaw(raw);
      const { repeats } = await siteRepeatsFor(deps.store, parsed, id);
      const { clean } = prepareArticle(parsed, repeats);
      const { contentHash: hash, signature } = fingerprint(clean.text);
      const same =
        hash === current.contentHash &&
        clean.title === current.title &&
        clean.source === current.source &&
        clean.publishedAt === current.publishedAt;
      if (same) continue;
      await deps.store.updateClean(id, {
        ...clean,
        contentHash: hash,
        words: countWords(clean.text),
        signature,
      });
      // Quotes and keywords follow the new text; the article stays in its story.
      const updated = await deps.store.getArticle(id);
      if (updated) await analyzeArticle(deps.store, updated);
      changed++;
    } catch (err) {
      failed.push({ id, reason: describeError(err) });
    }
  }
  return { checked: ids.length, changed, failed };
}
