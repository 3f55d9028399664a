import type { Article } from "../core/article.js";
import {
  analyseDocument,
  assignToStory,
  candidateKeys,
  type StoryFeatures,
  storyHeadline,
} from "../core/stories/index.js";
import type { Logger } from "../logger.js";
import { extractKeywords } from "../nlp/keywords.js";
import { extractAttributions } from "../nlp/quotes/index.js";
import type { StoredAttribution } from "../store/analysis.js";
import type { Store } from "../store/store.js";

/** How many candidate stories an article is compared with. */
const CANDIDATES = 30;
/** How many member articles are read to choose a story's headline. */
const HEADLINE_SAMPLE = 12;
/**
 * Articles taken per look-up of those left to analyse or group. Each look-up scans past the articles already done,
 * so bigger batches mean fewer scans of a big store.
 */
const BATCH = 500;

function attributionsOf(article: Article): StoredAttribution[] {
  return extractAttributions(article.text, { title: article.title }).map((a) => ({
    speaker: a.speaker,
    speakerMention: a.speakerMention,
    content: a.content,
    cue: a.cue,
    direct: a.direct,
    contentStart: a.contentStart,
    contentEnd: a.contentEnd,
  }));
}

/** Derives and stores an article's attributions, story features and keywords. */
export async function analyzeArticle(store: Store, article: Article): Promise<StoryFeatures> {
  const doc = {
    id: article.id,
    title: article.title,
    text: article.text,
    publishedAt: article.publishedAt,
    source: article.source,
  };
  // Read once for both its keys and its features.
  const analysed = analyseDocument(doc);
  const storyKeys = [...new Set(analysed.keys)];
  const { df, total } = await store.storyKeyFrequencies(storyKeys);
  // The article counts itself, so a key seen nowhere else gets the highest weight rather than an infinite one.
  const features = analysed.features((k) => (df.get(k) ?? 0) + 1, total + 1);
  await store.saveAnalysis(article.id, {
    attributions: attributionsOf(article),
    storyFeatures: features,
    storyKeys,
    keywords: extractKeywords(article.title, article.text),
  });
  return features;
}

/** Puts an analysed article into the best matching story, or opens a new one. */
export async function groupArticle(
  store: Store,
  articleId: string,
  features: StoryFeatures,
): Promise<string> {
  const candidates = await store.candidateStories(candidateKeys(features), CANDIDATES, features.time);
  const { story } = assignToStory(features, articleId, candidates);
  const sample = story.articleIds.slice(0, HEADLINE_SAMPLE);
  if (!sample.includes(articleId)) sample.push(articleId);
  const [members, featureMap] = await Promise.all([
    store.getArticles(sample),
    store.getStoryFeatures(sample),
  ]);
  featureMap.set(articleId, features);
  const withFeatures = members.filter((m) => featureMap.has(m.id));
  const headline = storyHeadline(
    withFeatures.map((m) => m.title),
    withFeatures.map((m) => featureMap.get(m.id) as StoryFeatures),
  );
  await store.saveStory(story, headline, articleId);
  return story.id;
}

/**
 * Analyses every stored article that has no analysis yet (this run's, or an interrupted run's). An article whose
 * analysis fails is logged and left for a later run. Returns how many were analysed.
 */
export async function analysePending(store: Store, logger: Pick<Logger, "warn">): Promise<number> {
  const failed = new Set<string>();
  let done = 0;
  for (;;) {
    const ids = (await store.unanalysedArticleIds(BATCH + failed.size)).filter((id) => !failed.has(id));
    if (ids.length === 0) return done;
    for (const article of await store.getArticles(ids)) {
      try {
        await analyzeArticle(store, article);
        done++;
      } catch (err) {
        failed.add(article.id);
        logger.warn({ err, id: article.id }, "analysis failed");
      }
    }
  }
}

/** Puts every analysed article that has no story yet into one, oldest first. */
export async function groupPending(store: Store): Promise<void> {
  for (let ids = await store.ungroupedArticleIds(BATCH); ids.length > 0; ) {
    const features = await store.getStoryFeatures(ids);
    for (const id of ids) {
      const f = features.get(id);
      if (f) await groupArticle(store, id, f);
    }
    const next = await store.ungroupedArticleIds(BATCH);
    if (next[0] === ids[0]) return; // no progress: leave the rest for a later run
    ids = next;
  }
}
