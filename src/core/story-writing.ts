/**
 * Stories written as briefing sections, the same for /brief, digests and alerts: each story's extractive summary
 * (1-3 sentences, 60 words at most, from its articles) is handed to the writer (extractive, or a model checked
 * against the passages), and what comes back becomes cited lines plus the story's full source list.
 */
import { type PickedSentence, summarizeMany } from "../nlp/summarize/index.js";
import type { StoryRecord } from "../store/analysis.js";
import type { Article } from "./article.js";
import type { Citations } from "./citations.js";
import type { CoreDeps } from "./deps.js";
import type { BriefData, ReplySection } from "./reply.js";
import { storyArticles, storySubtitle } from "./story-lines.js";
import {
  citedArticleIds,
  extractiveWriter,
  type Passage,
  type WriteItem,
  type WriteOptions,
  type WrittenSentence,
} from "./writer.js";

const MAX_WORDS = 60;
/** Passages offered to a model writer per story (the extractive sentences and the next best ones). */
const MODEL_PASSAGES = 10;
const MODEL_PASSAGE_WORDS = 300;

export interface PreparedStory {
  story: StoryRecord;
  /** The articles the section cites (its source list). */
  articles: Article[];
  item: WriteItem;
}

export interface WrittenStory {
  /** Index into the prepared stories. */
  index: number;
  section: ReplySection;
  story: BriefData["stories"][number];
}

/**
 * What a writer gets for one story: its extractive summary (today's sentences) and, for a model writer, the next
 * best sentences of its articles as further passages.
 */
function storyItem(headline: string, picked: Article[], wide: boolean): WriteItem {
  const docs = picked.map((a) => ({ text: a.text, title: a.title, publishedAt: a.publishedAt }));
  const sentences = summarizeMany(docs, { sentences: 3, maxWords: MAX_WORDS });
  const more = wide ? summarizeMany(docs, { sentences: MODEL_PASSAGES, maxWords: MODEL_PASSAGE_WORDS }) : [];
  const passages: Passage[] = [];
  const add = (s: PickedSentence): string | undefined => {
    const article = picked[s.docIndex];
    if (!article) return undefined;
    const known = passages.find((p) => p.articleId === article.id && p.text === s.text);
    if (known) return known.id;
    if (passages.length >= MODEL_PASSAGES) return undefined;
    const id = `P${passages.length + 1}`;
    passages.push({
      id,
      articleId: article.id,
      text: s.text,
      source: article.source,
      publishedAt: article.publishedAt,
    });
    return id;
  };
  const extractive = sentences.flatMap((s) => {
    const id = add(s);
    return id ? [{ text: s.text, cites: [id] }] : [];
  });
  for (const s of more) add(s);
  return { subject: headline, passages, extractive, maxSentences: 3, maxWords: MAX_WORDS };
}

/**
 * Reads each story's articles (`preferred` ones first: the topic's matching or the new ones) and prepares what the
 * writer gets. Stories with nothing to quote are left out.
 */
export async function prepareStories(
  inputs: ReadonlyArray<{ story: StoryRecord; preferred: readonly string[] }>,
  deps: Pick<CoreDeps, "store">,
  wide: boolean,
): Promise<PreparedStory[]> {
  const prepared: PreparedStory[] = [];
  for (const { story, preferred } of inputs) {
    const { articles, picked } = await storyArticles(story, preferred, deps);
    const item = storyItem(story.headline, picked, wide);
    if (item.extractive.length > 0) prepared.push({ story, articles, item });
  }
  return prepared;
}

/** The written sentences of each prepared story as a cited section; stories left with no cited line are dropped. */
export function storySections(
  prepared: readonly PreparedStory[],
  written: WrittenSentence[][],
  citations: Citations,
): WrittenStory[] {
  const out: WrittenStory[] = [];
  for (const [index, { story, articles, item }] of prepared.entries()) {
    const byId = new Map(articles.map((a) => [a.id, a]));
    const cited = (written[index] ?? [])
      .map((s) => ({ text: s.text, articles: citedArticleIds(s, item).flatMap((id) => byId.get(id) ?? []) }))
      .filter((s) => s.articles.length > 0);
    if (cited.length === 0) continue;
    const lines = cited.map((s) => ({ text: s.text, cite: s.articles.map((a) => citations.cite(a)) }));
    // The story's other articles are cited too, so every source of the story is listed.
    const sources = articles.map((a) => citations.cite(a));
    out.push({
      index,
      section: { heading: story.headline, subtitle: storySubtitle(story), lines, sources },
      story: {
        id: story.id,
        headline: story.headline,
        sentences: cited.map((s) => ({ text: s.text, articleId: (s.articles[0] as Article).id })),
        articleIds: story.articleIds,
        sources: story.sources,
      },
    });
  }
  return out;
}

/** Prepares, writes (through `deps.writer`, extractive by default) and cites stories in one go: digests and alerts. */
export async function writeStories(
  inputs: ReadonlyArray<{ story: StoryRecord; preferred: readonly string[] }>,
  deps: Pick<CoreDeps, "store" | "writer">,
  citations: Citations,
  options?: WriteOptions,
): Promise<{ stories: WrittenStory[]; note?: string }> {
  const writer = deps.writer ?? extractiveWriter;
  const prepared = await prepareStories(inputs, deps, writer.usesModel);
  if (prepared.length === 0) return { stories: [] };
  const result = await writer.writeBrief(
    prepared.map((p) => p.item),
    options,
  );
  const stories = storySections(prepared, result.items, citations);
  return result.note ? { stories, note: result.note } : { stories };
}
