import { isVagueWord } from "../nlp/keywords.js";
import { splitSentences } from "../nlp/sentences.js";
import type { Article } from "./article.js";
import type { CoreDeps } from "./deps.js";
import { normalizeWord, singular, stem, tokenize } from "./stories/tokens.js";
import { mentionsAll, queryStems, stemSet } from "./terms.js";

/** Articles read to learn what a topic is talked about with. */
const TOPIC_ARTICLES = 25;
const RELATED = 6;

export interface TopicContext {
  /** The topic's own word stems. */
  stems: string[];
  /** Words the stored articles use around the topic ("sovereignty" → troops, intervention, territory). */
  related: string[];
  /** The articles that mention the topic, best match first. */
  articles: Article[];
}

/**
 * Learns related terms from the corpus itself: words that stand in or next to the sentences mentioning the topic,
 * weighted by how rare they are overall. No hand-written synonym lists.
 */
export async function topicContext(topic: string, deps: CoreDeps): Promise<TopicContext> {
  const stems = queryStems(topic);
  const hits = stems.length ? await deps.store.search(topic, TOPIC_ARTICLES) : [];
  const articles = await deps.store.getArticles(hits.map((h) => h.id));
  const counts = new Map<string, number>();
  for (const article of articles) {
    const sentences = splitSentences(article.text);
    const sets = sentences.map((s) => stemSet(s.text));
    const window = new Set<number>();
    sets.forEach((set, i) => {
      if (!mentionsAll(set, stems)) return;
      for (const j of [i - 1, i, i + 1]) if (j >= 0 && j < sentences.length) window.add(j);
    });
    const seen = new Set<string>();
    for (const i of window) {
      for (const t of tokenize(sentences[i]?.text ?? "")) {
        if (!/^\p{Ll}/u.test(t.text)) continue; // names are actors, not topics
        const w = singular(normalizeWord(t.text));
        if (w.length < 4 || isVagueWord(w) || stems.includes(stem(w)) || seen.has(w)) continue;
        seen.add(w);
      }
    }
    for (const w of seen) counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  const candidates = [...counts].filter(([, n]) => n >= 2).map(([w]) => w);
  const [df, total] = await Promise.all([deps.store.keywordCounts(candidates), deps.store.countArticles()]);
  const related = candidates
    .map((w) => ({ w, score: (counts.get(w) ?? 0) * Math.log(1 + total / (1 + (df.get(w) ?? 0))) }))
    .sort((a, b) => b.score - a.score || (a.w < b.w ? -1 : 1))
    .slice(0, RELATED)
    .map((x) => x.w);
  return { stems, related, articles };
}
