import type { StoryRecord } from "../../store/analysis.js";
import type { CoreDeps } from "../deps.js";
import { matchesTopic, matchText, type TopicQuery } from "../topic-query.js";

/** Newest articles a digest looks at, at most. */
const MAX_NEW_ARTICLES = 2000;
const PAGE = 200;

export interface Topic {
  /** Canonical text, as stored and shown. */
  topic: string;
  query: TopicQuery;
}

export interface NewStory {
  story: StoryRecord;
  /** The story's articles that arrived in the window (and match a topic, when there are topics). */
  fresh: string[];
  /** The topics they match. */
  topics: string[];
}

/** Breadth of the story, then how much of it is new. */
function score(s: NewStory): number {
  return (
    2 * Math.log2(1 + s.story.sourceCount) +
    Math.log2(1 + s.story.articleCount) +
    Math.log2(1 + s.fresh.length)
  );
}

/**
 * Stories that gained articles ingested at or after `since` (matching one of `topics`, or any with none), most
 * important first.
 */
export async function newStories(
  deps: Pick<CoreDeps, "store">,
  since: Date,
  topics: Topic[],
  limit: number,
): Promise<NewStory[]> {
  const rows = (await deps.store.channels.newsSince(since.toISOString(), MAX_NEW_ARTICLES)).filter(
    (r): r is typeof r & { storyId: string } => r.storyId !== null,
  );
  const found = new Map<string, { fresh: string[]; topics: Set<string> }>();
  const add = (storyId: string, articleId: string, matched: string[]) => {
    const entry = found.get(storyId) ?? { fresh: [], topics: new Set<string>() };
    entry.fresh.push(articleId);
    for (const t of matched) entry.topics.add(t);
    found.set(storyId, entry);
  };
  if (topics.length === 0) {
    for (const r of rows) add(r.storyId, r.articleId, []);
  } else {
    const storyOf = new Map(rows.map((r) => [r.articleId, r.storyId]));
    const ids = [...storyOf.keys()];
    for (let i = 0; i < ids.length; i += PAGE) {
      for (const article of await deps.store.getArticles(ids.slice(i, i + PAGE))) {
        const text = matchText(`${article.title}\n${article.text}`);
        const matched = topics.filter((t) => matchesTopic(t.query, text)).map((t) => t.topic);
        const storyId = storyOf.get(article.id);
        if (matched.length > 0 && storyId) add(storyId, article.id, matched);
      }
    }
  }
  const stories = await deps.store.getStories([...found.keys()]);
  return stories
    .map((story) => {
      const entry = found.get(story.id);
      return { story, fresh: entry?.fresh ?? [], topics: [...(entry?.topics ?? [])] };
    })
    .sort((a, b) => score(b) - score(a) || (a.story.id < b.story.id ? -1 : 1))
    .slice(0, limit);
}
