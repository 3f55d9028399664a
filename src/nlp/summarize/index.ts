/**
 * Extractive summaries for briefings: the sentences that carry a story, from one article or from several outlets'
 * articles on the same story. Deterministic and offline.
 */
import { lexRank, similarityMatrix } from "./centrality.js";
import { type Candidate, prepareDocument } from "./prepare.js";
import { MULTI_WEIGHTS, type ScoreWeights, SINGLE_WEIGHTS, scoreCandidates, titleTerms } from "./score.js";
import { MULTI_SELECT, type SelectOptions, SINGLE_SELECT, selectSentences } from "./select.js";

export interface PickedSentence {
  text: string;
  /** Sentence index in its document (as `splitSentences` numbers them). */
  index: number;
  /** Character offsets of the sentence in its document's text. */
  start: number;
  end: number;
  /** Which input document the sentence comes from (always 0 for `summarize`). */
  docIndex: number;
  score: number;
}

export interface SummarizeOptions {
  /** How many sentences at most (default 3). */
  sentences?: number;
  /** Word budget for all picked sentences together (default 60). */
  maxWords?: number;
  title?: string;
}

export interface SummarizeManyOptions {
  sentences?: number;
  maxWords?: number;
}

export interface SummaryDocument {
  text: string;
  title?: string;
  publishedAt?: string | null;
}

const DEFAULT_SENTENCES = 3;
const DEFAULT_MAX_WORDS = 60;

function run(
  cands: Candidate[],
  titles: Array<string | undefined>,
  weights: ScoreWeights,
  select: Omit<SelectOptions, "count" | "maxWords">,
  count: number,
  maxWords: number,
): PickedSentence[] {
  if (cands.length === 0 || count <= 0 || maxWords <= 0) return [];
  const terms = cands.map((c) => (c.shape.reason === "boilerplate" ? [] : c.terms));
  const sim = similarityMatrix(terms);
  const centrality = lexRank(sim, cands.length);
  const scores = scoreCandidates(cands, centrality, titleTerms(titles), weights);
  const picks = selectSentences(cands, scores, sim, { ...select, count, maxWords });
  return picks.map((i) => {
    const c = cands[i] as Candidate;
    return {
      text: c.text,
      index: c.index,
      start: c.start,
      end: c.end,
      docIndex: c.docIndex,
      score: Math.round((scores[i] as number) * 1e6) / 1e6,
    };
  });
}

/** Single document: the best `sentences` sentences within `maxWords`, in document order. */
export function summarize(text: string, options: SummarizeOptions = {}): PickedSentence[] {
  return run(
    prepareDocument(text, 0),
    [options.title],
    SINGLE_WEIGHTS,
    SINGLE_SELECT,
    options.sentences ?? DEFAULT_SENTENCES,
    options.maxWords ?? DEFAULT_MAX_WORDS,
  );
}

/**
 * Several documents on one story: the best sentences across them, repeats removed, within `maxWords` in all.
 * Sentences from the same document stay together and in document order; documents appear in the order of their
 * best sentence. Each pick keeps its `docIndex` for citation.
 */
export function summarizeMany(
  docs: readonly SummaryDocument[],
  options: SummarizeManyOptions = {},
): PickedSentence[] {
  const cands = docs.flatMap((d, i) => prepareDocument(d.text, i));
  return run(
    cands,
    docs.map((d) => d.title),
    MULTI_WEIGHTS,
    MULTI_SELECT,
    options.sentences ?? DEFAULT_SENTENCES,
    options.maxWords ?? DEFAULT_MAX_WORDS,
  );
}
