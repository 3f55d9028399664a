import { summarizeMany } from "../../nlp/summarize/index.js";
import type { StoryRecord } from "../../store/analysis.js";
import type { Article } from "../article.js";
import type { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import type { BriefData, ReplySection } from "../reply.js";

/** Articles read for a story's summary, the given ones first, one per outlet first. */
const SUMMARY_ARTICLES = 6;
/** Articles of one story cited in its source list, at most. */
const CITED_PER_STORY = 12;
const MAX_WORDS = 60;

export interface StorySection {
  section: ReplySection;
  story: BriefData["stories"][number];
}

/** Up to `n` articles, the preferred ones first, then one per outlet before a second from the same outlet. */
function pick(articles: Article[], preferred: ReadonlySet<string>, n: number): Article[] {
  const ordered = [...articles].sort((a, b) => Number(preferred.has(b.id)) - Number(preferred.has(a.id)));
  const seen = new Set<string>();
  const first = ordered.filter((a) => !seen.has(a.source) && seen.add(a.source));
  const rest = ordered.filter((a) => !first.includes(a));
  return [...first, ...rest].slice(0, n);
}

/** "3 articles: Calder Courier, Meridian Wire" (outlets that could not be named are left out). */
function sourcesLine(sources: string[], articles: number): string {
  const known = sources.filter((s) => s !== "unknown");
  const count = `${articles} article${articles === 1 ? "" : "s"}`;
  return known.length ? `${count}: ${known.join(", ")}` : count;
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
  const wanted = [...new Set([...preferred.slice(0, SUMMARY_ARTICLES), ...story.articleIds])].slice(
    0,
    CITED_PER_STORY,
  );
  const articles = await deps.store.getArticles(wanted);
  const picked = pick(articles, new Set(preferred), SUMMARY_ARTICLES);
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
  const span =
    story.start && story.end && story.start !== story.end ? `${story.start} to ${story.end}` : story.end;
  return {
    section: {
      heading: story.headline,
      subtitle: [sourcesLine(story.sources, story.articleCount), span].filter(Boolean).join(" · "),
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
