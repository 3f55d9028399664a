import type { Block, BlockKind } from "../blocks.js";

export interface CleanContext {
  /** Language declared by metadata (ISO 639-1), if any. Otherwise detect it from the blocks. */
  language?: string;
  /** Title already known from metadata (front matter, HTML); a first block equal to it is dropped from the body. */
  title?: string;
  /** How many OTHER stored articles of the same site contained this block in their raw input (0 when unknown). */
  siteRepeats?: (block: Block) => number;
}

export interface CleanResult {
  /** Kept blocks, in order, with inline junk trimmed. The headline used as title is NOT among them. */
  blocks: Block[];
  removed: Array<{ text: string; rule: string }>;
  /** Detected language of the article body, ISO 639-1, or "und". */
  language: string;
  meta: {
    /** Headline-like first line, else a shortened first sentence (<= ~14 words, ends with "…"). */
    title?: string;
    /** ISO date from a leading `date YYYY-MM-DD` marker or a dateline. */
    publishedAt?: string;
    /** An outlet name found in boilerplate before it was removed, or a wire-service credit in a dateline. */
    sourceHint?: string;
    /** Byline ("By Jane Doe") if present; the byline block itself is removed from the body. */
    author?: string;
  };
}

/** One block while it is being cleaned. */
export interface Item {
  kind: BlockKind;
  level?: number;
  /** Current text (normalized, possibly trimmed by inline rules). */
  text: string;
  /** The block's text as it arrived, for the `removed` report and for site-repeat lookups. */
  original: Block;
  words: number;
  /** Name of the rule that removed the block, or null while it is kept. */
  removed: string | null;
}

/** Everything the rules share while cleaning one article. */
export interface State {
  items: Item[];
  ctx: CleanContext;
  /** Article language (declared or detected); "und" until known. */
  language: string;
  meta: CleanResult["meta"];
  /** Reference date for datelines without a year. */
  now: Date;
}

/** A rule that judges one block on its own; returns the rule name when the block is boilerplate. */
export type BlockRule = (item: Item, st: State) => string | null;
