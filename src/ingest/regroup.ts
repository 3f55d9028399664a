import type { Article } from "../core/article.js";
import {
  analyseDocument,
  documentKeys,
  groupFeatures,
  type StoryDoc,
  type StoryFeatures,
  storyHeadline,
} from "../core/stories/index.js";
import type { Store } from "../store/store.js";

/** Re-group everything when one run added at least this share of all articles. */
const REGROUP_SHARE = 0.2;
const PAGE = 500;
/** How many member articles are read to choose a story's headline. */
const HEADLINE_SAMPLE = 12;

/**
 * Groups are formed incrementally as articles arrive, weighing words by how rare they are among the articles
 * stored so far. When a run brings in a large share of the corpus (a first import), those weights were poor for
 * its first articles, so the whole corpus is grouped again with weights from all of it.
 */
export function shouldRegroup(added: number, total: number): boolean {
  return added > 0 && added >= REGROUP_SHARE * total;
}

function storyDoc(a: Article): StoryDoc {
  return { id: a.id, title: a.title, text: a.text, publishedAt: a.publishedAt, source: a.source };
}

/**
 * The keys of the stored articles that have no analysis (theirs failed), counted as the store counts those of the
 * analysed ones: together, the document frequencies over every stored article.
 */
async function unanalysedKeyCounts(store: Store, limit: number): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const ids = await store.unanalysedArticleIds(limit);
  for (let i = 0; i < ids.length; i += PAGE) {
    for (const a of await store.getArticles(ids.slice(i, i + PAGE))) {
      for (const k of new Set(documentKeys(storyDoc(a)))) counts.set(k, (counts.get(k) ?? 0) + 1);
    }
  }
  return counts;
}

/**
 * Groups every stored article again from scratch and replaces the stored stories. Returns the story count.
 *
 * The same as `groupStories` over all stored articles in the order they were stored, without reading each article
 * twice: the document frequencies are those the store keeps of the analysed articles' keys (`storyKeys`), plus
 * the keys of any article left without an analysis.
 */
export async function regroupAll(store: Store): Promise<number> {
  const ids = await store.allIds();
  const extra = await unanalysedKeyCounts(store, ids.length);
  const features = new Map<string, StoryFeatures>();
  const titles = new Map<string, string>();
  for (let i = 0; i < ids.length; i += PAGE) {
    const analysed = (await store.getArticles(ids.slice(i, i + PAGE))).map((a) => ({
      id: a.id,
      title: a.title,
      analysis: analyseDocument(storyDoc(a)),
    }));
    const keys = new Set(analysed.flatMap((a) => a.analysis.keys));
    const { df } = await store.storyKeyFrequencies([...keys]);
    const frequency = (k: string): number => (df.get(k) ?? 0) + (extra.get(k) ?? 0);
    for (const a of analysed) {
      features.set(a.id, a.analysis.features(frequency, ids.length));
      titles.set(a.id, a.title);
    }
  }
  const grouped = groupFeatures([...features]);
  const stories = grouped.map((state) => {
    const members = state.articleIds.slice(0, HEADLINE_SAMPLE);
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
