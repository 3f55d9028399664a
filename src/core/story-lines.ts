/**
 * What a story's section needs from the store and says about the story, the same in a briefing (/brief) and in a
 * digest or alert: the articles it reads and cites, and its subtitle line.
 */
import type { StoryRecord } from "../store/analysis.js";
import type { Article } from "./article.js";
import type { CoreDeps } from "./deps.js";

/** Articles of one story read for its summary, the preferred ones first, one per outlet first. */
const SUMMARY_ARTICLES = 6;
/** Articles of one story cited in its source list, at most. */
const CITED_PER_STORY = 12;

/** Up to `n` articles, the preferred ones first, then one per outlet before a second from the same outlet. */
function pick(articles: Article[], preferred: ReadonlySet<string>, n: number): Article[] {
  const ordered = [...articles].sort((a, b) => Number(preferred.has(b.id)) - Number(preferred.has(a.id)));
  const seen = new Set<string>();
  const first = ordered.filter((a) => !seen.has(a.source) && seen.add(a.source));
  const rest = ordered.filter((a) => !first.includes(a));
  return [...first, ...rest].slice(0, n);
}

/**
 * The articles of a story that its section cites (`articles`: at most 12, `preferred` ones first) and the ones its
 * summary is read from (`picked`: at most 6 of those, preferred first, one per outlet first). Only these are read: a
 * big story may hold hundreds of articles.
 */
export async function storyArticles(
  story: Pick<StoryRecord, "articleIds">,
  preferred: readonly string[],
  deps: Pick<CoreDeps, "store">,
): Promise<{ articles: Article[]; picked: Article[] }> {
  const wanted = [...new Set([...preferred.slice(0, SUMMARY_ARTICLES), ...story.articleIds])].slice(
    0,
    CITED_PER_STORY,
  );
  const articles = await deps.store.getArticles(wanted);
  return { articles, picked: pick(articles, new Set(preferred), SUMMARY_ARTICLES) };
}

/** "3 articles: Calder Courier, Meridian Wire" (outlets that could not be named are left out). */
function sourcesLine(sources: string[], articles: number): string {
  const known = sources.filter((s) => s !== "unknown");
  const count = `${articles} article${articles === 1 ? "" : "s"}`;
  return known.length ? `${count}: ${known.join(", ")}` : count;
}

/** "3 articles: Calder Courier, Meridian Wire · 2026-03-02 to 2026-03-04": the story's sources, then its dates. */
export function storySubtitle(
  story: Pick<StoryRecord, "sources" | "articleCount" | "start" | "end">,
): string {
  const span =
    story.start && story.end && story.start !== story.end ? `${story.start} to ${story.end}` : story.end;
  return [sourcesLine(story.sources, story.articleCount), span].filter(Boolean).join(" · ");
}
