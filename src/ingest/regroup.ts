import { groupStories, type StoryDoc, type StoryFeatures, storyHeadline } from "../core/stories/index.js";
import type { Store } from "../store/store.js";

/** Re-group everything when one run added at least this share of all articles. */
const REGROUP_SHARE = 0.2;
const PAGE = 500;

/**
 * Groups are formed incrementally as articles arrive, weighing words by how rare they are among the articles
 * stored so far. When a run brings in a large share of the corpus (a first import), those weights were poor for
 * its first articles, so the whole corpus is grouped again with weights from all of it.
 */
export function shouldRegroup(added: number, total: number): boolean {
  return added > 0 && added >= REGROUP_SHARE * total;
}

/** Groups every stored article again from scratch and replaces the stored stories. Returns the story count. */
export async function regroupAll(store: Store): Promise<number> {
  const ids = await store.allIds();
  const docs: StoryDoc[] = [];
  for (let i = 0; i < ids.length; i += PAGE) {
    for (const a of await store.getArticles(ids.slice(i, i + PAGE))) {
      docs.push({ id: a.id, title: a.title, text: a.text, publishedAt: a.publishedAt, source: a.source });
    }
  }
  const features = new Map<string, StoryFeatures>();
  const titles = new Map(docs.map((d) => [d.id, d.title]));
  const grouped = groupStories(docs, { onFeatures: (id, f) => features.set(id, f) });
  const stories = grouped.map((state) => {
    const members = state.articleIds.slice(0, 12);
    return {
      state,
      headline: storyHeadline(
        members.map((id) => titles.get(id) ?? ""),
        members.map((id) => features.get(id) as StoryFeatures),
      ),
    };
  });
  await store.replaceStories(stories, features);
  return stories.length;
}
