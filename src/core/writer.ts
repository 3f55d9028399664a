/**
 * How /brief, /stance and /ask turn the passages they retrieved into the sentences they show. The default writer is
 * extractive: the sentences the command picked, verbatim (newsdesk's offline behaviour). A model-backed writer
 * (src/llm, optional) rewrites them from the same passages, checks every sentence against the passages it cites, and
 * falls back to the extractive sentences item by item. The core only knows this interface.
 */
import type { CommandContext } from "./deps.js";
import type { Reply } from "./reply.js";

/** A piece of article text a writer may use, cited by its id ("P1"; unique within one item). */
export interface Passage {
  id: string;
  articleId: string;
  text: string;
  /** The outlet, shown to the model with the passage. */
  source: string;
  publishedAt: string | null;
}

/** A sentence to show and the ids of the passages (of the same item) that back it: at least one. */
export interface WrittenSentence {
  text: string;
  cites: string[];
}

/** One thing to write: a story's summary, an actor's position, or an answer. */
export interface WriteItem {
  /** What it is about: a story's headline, an actor's name, the question. Untrusted text. */
  subject: string;
  passages: Passage[];
  /**
   * The offline sentences, each citing passages of this item. The extractive writer returns them; the model writer
   * falls back to them and replaces a model sentence that fails verification with one of them.
   */
  extractive: WrittenSentence[];
  /** At most this many sentences, and (when set) this many words in all. */
  maxSentences: number;
  maxWords?: number;
  /**
   * Names known to be right for this item although a passage may not spell them out (an actor's full name where the
   * passage says "Korvin"). Never user text.
   */
  knownNames?: string[];
}

export interface WriteResult {
  /** Per item, in the order given: the sentences to show. */
  items: WrittenSentence[][];
  /** Who wrote the items: all by the model, none (the offline answer), or some of each. */
  by: "model" | "extractive" | "mixed";
  /** For the Reply's note: model sentences that were replaced, or why (some of) the offline answer was used. */
  note?: string;
}

export interface WriteOptions {
  /**
   * Called while items are written (a streaming model) with the sentences so far per item, [] for items not written
   * yet. Only sentences that passed verification are reported.
   */
  onProgress?: (items: WrittenSentence[][]) => void;
}

export interface Writer {
  /** False for the extractive writer: commands then skip gathering extra candidate passages. */
  readonly usesModel: boolean;
  /** One item per story (subject: headline): its sentences, merged across outlets. */
  writeBrief(stories: WriteItem[], options?: WriteOptions): Promise<WriteResult>;
  /** One item per actor (subject: the actor's name): the one-sentence position on `topic`. */
  writeStancePositions(topic: string, actors: WriteItem[], options?: WriteOptions): Promise<WriteResult>;
  /** One item (subject: the question): the answer's sentences. */
  writeAnswer(answer: WriteItem, options?: WriteOptions): Promise<WriteResult>;
}

async function extractive(items: WriteItem[]): Promise<WriteResult> {
  return { items: items.map((i) => i.extractive), by: "extractive" };
}

/** Today's offline answers: each item's extractive sentences, unchanged. */
export const extractiveWriter: Writer = {
  usesModel: false,
  writeBrief: (stories) => extractive(stories),
  writeStancePositions: (_topic, actors) => extractive(actors),
  writeAnswer: (answer) => extractive([answer]),
};

/** The ids of the articles a sentence cites, in citation order, without repeats. */
export function citedArticleIds(sentence: WrittenSentence, item: WriteItem): string[] {
  const ids: string[] = [];
  for (const id of sentence.cites) {
    const articleId = item.passages.find((p) => p.id === id)?.articleId;
    if (articleId !== undefined && !ids.includes(articleId)) ids.push(articleId);
  }
  return ids;
}

/** The note on replies shown while the model is still writing. */
const WRITING_NOTE = "Still writing: more sentences follow.";

/**
 * WriteOptions that report each partial result to `onProgress` as the Reply `build` makes of it (nothing is reported
 * before the first sentence is written).
 */
export function progressTo(
  onProgress: CommandContext["onProgress"],
  build: (items: WrittenSentence[][]) => Reply,
): WriteOptions {
  if (!onProgress) return {};
  return {
    onProgress: (items) => {
      if (items.every((i) => i.length === 0)) return;
      onProgress({ ...build(items), note: WRITING_NOTE });
    },
  };
}
