import { splitSentences } from "../../nlp/sentences.js";
import type { AttributionHit } from "../../store/analysis.js";
import { canonicalNames, isNamedSpeaker } from "../actors.js";
import type { Article } from "../article.js";
import { Citations } from "../citations.js";
import type { CommandContext, CoreDeps } from "../deps.js";
import { topicContext } from "../related-terms.js";
import type { Reply, ReplySection, StanceData } from "../reply.js";
import { stemSet } from "../terms.js";
import {
  citedArticleIds,
  extractiveWriter,
  progressTo,
  type WriteItem,
  type WrittenSentence,
} from "../writer.js";
import { noCoverage } from "./no-coverage.js";

const ACTORS = 6;
const QUOTES_PER_ACTOR = 3;
const CANDIDATES = 300;
/** Statements of one actor offered to a model writer for its position. */
const MODEL_PASSAGES = 4;

interface Scored {
  hit: AttributionHit;
  score: number;
  /** The sentence of the article that holds the statement, verbatim. */
  sentence: string;
}

/** The sentence of an article that contains offset `at`; each article is split once per command. */
function sentenceFinder(): (article: Article | undefined, at: number) => string {
  const cache = new Map<string, ReturnType<typeof splitSentences>>();
  return (article, at) => {
    if (!article) return "";
    let sentences = cache.get(article.id);
    if (!sentences) {
      sentences = splitSentences(article.text);
      cache.set(article.id, sentences);
    }
    for (const s of sentences) if (s.start <= at && at < s.end) return s.text;
    return "";
  };
}

/** How strongly a statement is about the topic: its own words count most, its sentence's words a little. */
function topicScore(
  content: string,
  sentence: string,
  stems: string[],
  related: ReadonlySet<string>,
): number {
  const own = stemSet(content);
  const around = stemSet(sentence);
  let score = 0;
  for (const s of stems) score += own.has(s) ? 3 : around.has(s) ? 1 : 0;
  for (const r of related) score += own.has(r) ? 1 : around.has(r) ? 0.5 : 0;
  return score;
}

/**
 * What a writer gets for one actor: the sentence chosen as its position (the extractive one) and its next statements
 * most on topic, each with the statement it holds.
 */
function positionItem(
  name: string,
  best: Scored,
  items: Scored[],
): { item: WriteItem; statements: Scored[] } {
  const statements = [best];
  for (const i of items) {
    if (statements.length >= MODEL_PASSAGES) break;
    if (!statements.some((s) => s.sentence === i.sentence)) statements.push(i);
  }
  const passages = statements.map((s, n) => ({
    id: `P${n + 1}`,
    articleId: s.hit.articleId,
    text: s.sentence,
    source: s.hit.source,
    publishedAt: s.hit.publishedAt,
  }));
  return {
    item: {
      subject: name,
      passages,
      extractive: [{ text: best.sentence, cites: ["P1"] }],
      knownNames: [name],
      maxSentences: 1,
    },
    statements,
  };
}

export async function runStance(
  topic: string,
  deps: CoreDeps,
  context: Pick<CommandContext, "onProgress"> = {},
): Promise<Reply> {
  const ctx = await topicContext(topic, deps);
  if (ctx.articles.length === 0) return noCoverage(topic, deps);
  const query = [topic, ...ctx.related].join(" ");
  const [searched, inArticles] = await Promise.all([
    deps.store.searchAttributions(query, { limit: CANDIDATES }),
    deps.store.attributionsOfArticles(ctx.articles.map((a) => a.id)),
  ]);
  const unique = new Map<string, AttributionHit>();
  for (const h of [...searched, ...inArticles]) unique.set(`${h.articleId}:${h.contentStart}`, h);
  const texts = new Map<string, Article>(
    (await deps.store.getArticles([...new Set([...unique.values()].map((h) => h.articleId))])).map((a) => [
      a.id,
      a,
    ]),
  );
  const scored: Scored[] = [];
  const sentenceAt = sentenceFinder();
  const relatedStems = stemSet(ctx.related.join(" "));
  for (const hit of unique.values()) {
    if (!isNamedSpeaker(hit.speaker)) continue;
    const sentence = sentenceAt(texts.get(hit.articleId), hit.contentStart) || hit.content;
    const score = topicScore(hit.content, sentence, ctx.stems, relatedStems);
    if (score >= 1) scored.push({ hit, score, sentence });
  }
  if (scored.length === 0) return noCoverage(topic, deps, "statements");

  const canonical = canonicalNames(scored.map((s) => s.hit.speaker));
  const byActor = new Map<string, Scored[]>();
  for (const s of scored) {
    const name = canonical.get(s.hit.speaker) ?? s.hit.speaker;
    byActor.set(name, [...(byActor.get(name) ?? []), s]);
  }
  const actors = [...byActor]
    .map(([name, items]) => ({
      name,
      items: items.sort(
        (a, b) => b.score - a.score || (b.hit.publishedAt ?? "").localeCompare(a.hit.publishedAt ?? ""),
      ),
      articles: new Set(items.map((i) => i.hit.articleId)).size,
      sources: [...new Set(items.map((i) => i.hit.source))],
      evidence: items.reduce((n, i) => n + i.score, 0),
    }))
    .sort((a, b) => b.articles - a.articles || b.evidence - a.evidence || (a.name < b.name ? -1 : 1))
    .slice(0, ACTORS);

  const prepared = actors.map((actor) => {
    // The position: the statement most on topic, in the words of the sentence that reports it. Reported speech
    // sums a position up better than a quote, so it wins unless it is much less on topic.
    const top = actor.items[0] as Scored;
    const best = actor.items.find((i) => !i.hit.direct && i.score >= 0.6 * top.score) ?? top;
    const quotes = actor.items.filter((i) => i.hit.direct).slice(0, QUOTES_PER_ACTOR);
    return { actor, quotes, ...positionItem(actor.name, best, actor.items) };
  });

  const build = (written: WrittenSentence[][]): Reply => {
    const citations = new Citations();
    const sections: ReplySection[] = [];
    const data: StanceData = { topic, relatedTerms: ctx.related, actors: [] };
    for (const [n, { actor, quotes, item, statements }] of prepared.entries()) {
      const sentence = written[n]?.[0];
      if (!sentence) continue;
      const position = sentence.text;
      const shown = quotes.filter((q) => !position.includes(q.hit.content));
      const cite = (i: Scored) => citations.cite({ ...i.hit, id: i.hit.articleId });
      const backing = citedArticleIds(sentence, item).flatMap(
        (id) => statements.find((s) => s.hit.articleId === id) ?? [],
      );
      sections.push({
        heading: actor.name,
        subtitle: `${actor.items.length} statement${actor.items.length === 1 ? "" : "s"} in ${actor.articles} article${actor.articles === 1 ? "" : "s"}`,
        lines: [
          { text: position, cite: backing.map(cite) },
          ...shown.map((q) => ({
            text: q.hit.content,
            cite: [cite(q)],
            speaker: actor.name,
          })),
        ],
      });
      data.actors.push({
        name: actor.name,
        position,
        quotes: quotes.map((q) => ({
          text: q.hit.content,
          articleId: q.hit.articleId,
          source: q.hit.source,
          url: q.hit.url,
        })),
        articles: actor.articles,
        sources: actor.sources,
      });
    }
    return {
      kind: "stance",
      title: `Who stands where: ${topic}`,
      intro: ctx.related.length
        ? `Statements on ${topic} and what the articles discuss with it (${ctx.related.join(", ")}).`
        : `Statements on ${topic}.`,
      sections,
      citations: citations.list(),
      data,
    };
  };

  const writer = deps.writer ?? extractiveWriter;
  const result = await writer.writeStancePositions(
    topic,
    prepared.map((p) => p.item),
    progressTo(context.onProgress, build),
  );
  const reply = build(result.items);
  if (result.note) reply.note = result.note;
  return reply;
}
