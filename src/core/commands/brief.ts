import { type PickedSentence, summarizeMany } from "../../nlp/summarize/index.js";
import type { Article } from "../article.js";
import { Citations } from "../citations.js";
import type { CommandContext, CoreDeps } from "../deps.js";
import type { BriefData, Reply, ReplySection } from "../reply.js";
import { splitTopicAndSince } from "../since.js";
import { storyArticles, storySubtitle } from "../story-lines.js";
import { selectStories } from "../story-select.js";
import {
  citedArticleIds,
  extractiveWriter,
  type Passage,
  progressTo,
  type WriteItem,
  type WrittenSentence,
} from "../writer.js";
import { noCoverage } from "./no-coverage.js";

const STORIES = 5;
const MAX_WORDS = 60;
/** Passages offered to a model writer per story (the extractive sentences and the next best ones). */
const MODEL_PASSAGES = 10;
const MODEL_PASSAGE_WORDS = 300;

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

export async function runBrief(
  argument: string,
  deps: CoreDeps,
  context: Pick<CommandContext, "onProgress"> = {},
): Promise<Reply> {
  const { topic, since, sinceWord } = splitTopicAndSince(argument, deps.now());
  const options: Parameters<typeof selectStories>[1] = { limit: STORIES };
  if (topic) options.topic = topic;
  if (since) options.since = since;
  const ranked = await selectStories(deps, options);
  if (ranked.length === 0) {
    if (!topic && (await deps.store.countArticles()) > 0 && since) {
      return noCoverage(`news since ${sinceWord}`, deps, "stories");
    }
    return noCoverage(topic || "any news", deps);
  }
  const writer = deps.writer ?? extractiveWriter;
  const prepared: Array<{ story: (typeof ranked)[number]["story"]; articles: Article[]; item: WriteItem }> =
    [];
  for (const { story, matching } of ranked) {
    // The summary is read from the topic's matching articles first.
    const { articles, picked } = await storyArticles(story, matching, deps);
    const item = storyItem(story.headline, picked, writer.usesModel);
    if (item.extractive.length === 0) continue;
    prepared.push({ story, articles, item });
  }

  const build = (written: WrittenSentence[][]): Reply => {
    const citations = new Citations();
    const stories: BriefData["stories"] = [];
    const sections: ReplySection[] = [];
    for (const [i, { story, articles, item }] of prepared.entries()) {
      const byId = new Map(articles.map((a) => [a.id, a]));
      const cited = (written[i] ?? [])
        .map((s) => ({
          text: s.text,
          articles: citedArticleIds(s, item).flatMap((id) => byId.get(id) ?? []),
        }))
        .filter((s) => s.articles.length > 0);
      if (cited.length === 0) continue;
      const lines = cited.map((s) => ({ text: s.text, cite: s.articles.map((a) => citations.cite(a)) }));
      // The story's other articles are cited too, so every source of the story is listed.
      const all = articles.map((a) => citations.cite(a));
      stories.push({
        id: story.id,
        headline: story.headline,
        sentences: cited.map((s) => ({ text: s.text, articleId: (s.articles[0] as Article).id })),
        articleIds: story.articleIds,
        sources: story.sources,
      });
      sections.push({
        heading: story.headline,
        subtitle: storySubtitle(story),
        lines,
        sources: all,
      });
    }
    const title = topic ? `Briefing: ${topic}` : "Briefing";
    return {
      kind: "brief",
      title,
      intro: `${stories.length} stor${stories.length === 1 ? "y" : "ies"}${sinceWord ? ` since ${sinceWord}` : ""}, most important first.`,
      sections,
      citations: citations.list(),
      data: { topic: topic || null, since: since ? since.toISOString() : null, stories },
    };
  };

  const result = await writer.writeBrief(
    prepared.map((p) => p.item),
    progressTo(context.onProgress, build),
  );
  const reply = build(result.items);
  if (result.note) reply.note = result.note;
  return reply;
}
