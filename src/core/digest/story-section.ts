import { summarizeMany } from "../../nlp/summarize/index.js";
import type { StoryRecord } from "../../store/analysis.js";
import type { Article } from "../article.js";
import type { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import type { BriefData, ReplySection } from "../reply.js";
import { storyArticles, storySubtitle } from "../story-lines.js";

const MAX_WORDS = 60;

export interface StorySection {
  section: ReplySection;
  story: BriefData["stories"][number];
}

/**
 * One story as a briefing section: 1-3 sentences (60 words at most) copied from its articles, `preferred` ones
 * (new, matching) first, each cited, and the story's sources cited after them. Null when nothing can be quoted.
 */
export async function storySection(
  story: StoryRecord,
  preferred: string[],
  deps: Pick<CoreDeps, "store">,
  citations: Citations,
): Promise<StorySection | null> {
  const { articles, picked } = await storyArticles(story, preferred, deps);
  const sentences = summarizeMany(
    picked.map((a) => ({ text: a.text, title: a.title, publishedAt: a.publishedAt })),
    { sentences: 3, maxWords: MAX_WORDS },
  );
  const cited = sentences
    .map((s) => ({ text: s.text, article: picked[s.docIndex] }))
    .filter((s): s is { text: string; article: Article } => s.article !== undefined);
  if (cited.length === 0) return null;
  const lines = cited.map((s) => ({ text: s.text, cite: [citations.cite(s.article)] }));
  const sources = articles.map((a) => citations.cite(a));
  return {
    section: {
      heading: story.headline,
      subtitle: storySubtitle(story),
      lines,
      sources,
    },
    story: {
      id: story.id,
      headline: story.headline,
      sentences: cited.map((s) => ({ text: s.text, articleId: s.article.id })),
      articleIds: story.articleIds,
      sources: story.sources,
    },
  };
}
