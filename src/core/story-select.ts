import type { StoryRecord } from "../store/analysis.js";
import type { CoreDeps } from "./deps.js";

/** Articles a topic query looks at, at most. */
const TOPIC_HITS = 100;
/**
 * Article ids read per chosen story, those that joined first: more than a briefing reads and cites (12), far
 * fewer than a big story's hundreds. The story's `articleCount` still counts them all.
 */
const STORY_ARTICLE_IDS = 100;
const DAY = 86_400_000;

export interface RankedStory {
  story: StoryRecord;
  /** Ids of the story's articles that match the topic (without a topic, all of `story.articleIds`). */
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

/**
 * The stories for a briefing or a story list, most important first. Stories are ranked on their counts and dates
 * alone; only the chosen ones are read with their articles (the first STORY_ARTICLE_IDS of a big story).
 */
export async function selectStories(
  deps: CoreDeps,
  options: { topic?: string; since?: Date; limit: number },
): Promise<RankedStory[]> {
  const sinceDay = options.since?.toISOString().slice(0, 10);
  const inWindow = (s: StoryRecord) => !sinceDay || (s.end ?? s.updatedAt.slice(0, 10)) >= sinceDay;
  const now = deps.now();
  let candidates: RankedStory[];
  if (options.topic) {
    const hits = await deps.store.searchStoryArticles(options.topic, TOPIC_HITS);
    const matching = new Map<string, string[]>();
    for (const h of hits) matching.set(h.storyId, [...(matching.get(h.storyId) ?? []), h.articleId]);
    const stories = await deps.store.getStories([...matching.keys()], { articleLimit: 0 });
    candidates = stories.filter(inWindow).map((story) => {
      const m = matching.get(story.id) ?? [];
      return { story, matching: m, score: score(story, m.length, now, true) };
    });
  } else {
    const since = sinceDay ? { since: sinceDay } : {};
    const [recent, broad] = await Promise.all([
      deps.store.listStories({ orderBy: "recent", limit: 100, articleLimit: 0, ...since }),
      deps.store.listStories({ orderBy: "breadth", limit: 50, articleLimit: 0, ...since }),
    ]);
    const byId = new Map([...recent, ...broad].map((s) => [s.id, s]));
    candidates = [...byId.values()]
      .filter(inWindow)
      .map((story) => ({ story, matching: [], score: score(story, story.articleCount, now, false) }));
  }
  const chosen = candidates
    .sort((a, b) => b.score - a.score || (a.story.id < b.story.id ? -1 : 1))
    .slice(0, options.limit);
  const read = await deps.store.getStories(
    chosen.map((c) => c.story.id),
    { articleLimit: STORY_ARTICLE_IDS },
  );
  const byId = new Map(read.map((s) => [s.id, s]));
  // Without a topic every article of a story matches. A story re-grouped away meanwhile is left out.
  return chosen.flatMap((c) => {
    const full = byId.get(c.story.id);
    return full
      ? [{ story: full, matching: options.topic ? c.matching : full.articleIds, score: c.score }]
      : [];
  });
}
