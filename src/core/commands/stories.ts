import { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import type { Reply } from "../reply.js";
import { selectStories } from "../story-select.js";
import { noCoverage } from "./no-coverage.js";

const STORIES = 10;
/** Articles listed per story; the count in the subtitle covers the rest. */
const ARTICLES_LISTED = 12;

export async function runStories(topic: string, deps: CoreDeps): Promise<Reply> {
  const ranked = await selectStories(deps, topic ? { topic, limit: STORIES } : { limit: STORIES });
  if (ranked.length === 0) return noCoverage(topic || "any news", deps, "stories");
  const citations = new Citations();
  const sections = [];
  for (const { story } of ranked) {
    const articles = await deps.store.getArticles(story.articleIds.slice(0, ARTICLES_LISTED));
    const span =
      story.start && story.end && story.start !== story.end ? `${story.start} to ${story.end}` : story.end;
    sections.push({
      heading: story.headline,
      subtitle: [`${story.articleCount} article${story.articleCount === 1 ? "" : "s"}`, span]
        .filter(Boolean)
        .join(" · "),
      lines: articles.map((a) => ({
        text: [a.source !== "unknown" ? a.source : null, a.title].filter(Boolean).join(": "),
        cite: [citations.cite(a)],
      })),
    });
  }
  return {
    kind: "stories",
    title: topic ? `Stories: ${topic}` : "Stories",
    intro: `${ranked.length} stor${ranked.length === 1 ? "y" : "ies"}: articles from several outlets grouped by event.`,
    sections,
    citations: citations.list(),
    data: {
      topic: topic || null,
      stories: ranked.map(({ story }) => ({
        id: story.id,
        headline: story.headline,
        articleIds: story.articleIds,
        sources: story.sources,
        start: story.start,
        end: story.end,
      })),
    },
  };
}
