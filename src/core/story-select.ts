import type { StoryRecord } from "../store/analysis.js";
import type { CoreDeps } from "./deps.js";

/** Articles a topic query looks at, at most. */
const TOPIC_HITS = 100;
const DAY = 86_400_000;

export interface RankedStory {
  story: StoryRecord;
  /** Ids of the story's articles that match the topic (all of them without a topic). */
  matching: string[];
  score: number;
}

function storyDay(s: StoryRecord): number {
  const d = s.end ?? s.updatedAt.slice(0, 10);
  return Date.parse(`${d}T00:00:00Z`);
}

/**
 * Importance of a story: breadth of coverage (sources, then articles), recency, and for a topic the share of the
 * story's articles that match it.
 */
function score(s: StoryRecord, matching: number, now: Date, topic: boolean): number {
  const ageDays = Math.max(0, (now.getTime() - storyDay(s)) / DAY);
  const breadth = 2 * Math.log2(1 + s.sourceCount) + Math.log2(1 + s.articleCount);
  const recency = 2 ** (-ageDays / 7);
  const match = topic ? 2 * (matching / Math.max(1, s.articleCount)) + Math.log2(1 + matching) : 0;
  return breadth + 2 * recency + match;
}

/** The stories for a briefing or a story list, most important first. */
export async function selectStories(
  deps: CoreDeps,
  options: { topic?: string; since?: Date; limit: number },
): Promise<RankedStory[]> {
  const sinceDay = options.since?.toISOString().slice(0, 10);
  const inWindow = (s: StoryRecord) => !sinceDay || (s.end ?? s.updatedAt.slice(0, 10)) >= sinceDay;
  const now = deps.now();
  if (options.topic) {
    const hits = await deps.store.search(options.topic, TOPIC_HITS);
    const storyOf = await deps.store.storiesOfArticles(hits.map((h) => h.id));
    const matching = new Map<string, string[]>();
    for (const h of hits) {
      const sid = storyOf.get(h.id);
      if (sid) matching.set(sid, [...(matching.get(sid) ?? []), h.id]);
    }
    const stories = (await deps.store.getStories([...matching.keys()])).filter(inWindow);
    return stories
      .map((story) => {
        const m = matching.get(story.id) ?? [];
        return { story, matching: m, score: score(story, m.length, now, true) };
      })
      .sort((a, b) => b.score - a.score || (a.story.id < b.story.id ? -1 : 1))
      .slice(0, options.limit);
  }
  const since = sinceDay;
  const [recent, broad] = await Promise.all([
    deps.store.listStories(
      since ? { orderBy: "recent", limit: 100, since } : { orderBy: "recent", limit: 100 },
    ),
    deps.store.listStories(
      since ? { orderBy: "breadth", limit: 50, since } : { orderBy: "breadth", limit: 50 },
    ),
  ]);
  const byId = new Map([...recent, ...broad].map((s) => [s.id, s]));
  return [...byId.values()]
    .filter(inWindow)
    .map((story) => ({
      story,
      matching: story.articleIds,
      score: score(story, story.articleCount, now, false),
    }))
    .sort((a, b) => b.score - a.score || (a.story.id < b.story.id ? -1 : 1))
    .slice(0, options.limit);
}
