import { splitSentences } from "../../nlp/sentences.js";
import type { Article } from "../article.js";
import { Citations } from "../citations.js";
import type { CommandContext, CoreDeps } from "../deps.js";
import type { Reply } from "../reply.js";
import { queryStems, stemSet } from "../terms.js";
import {
  citedArticleIds,
  extractiveWriter,
  progressTo,
  type WriteItem,
  type WrittenSentence,
} from "../writer.js";

const ARTICLES = 15;
const ANSWERS = 3;
/** Answer sentences offered to a model writer: the extractive answers and the next best ones. */
const MODEL_PASSAGES = 8;
/** Share of the question's (idf-weighted) words a sentence must contain to count as an answer. */
const MIN_COVERAGE = 0.5;
/** Question words that say what kind of answer is wanted, not what it is about. */
const QUESTION_WORDS = new Set([
  "who",
  "what",
  "when",
  "where",
  "why",
  "how",
  "which",
  "whom",
  "whose",
  "many",
  "much",
  "did",
  "does",
  "do",
  "is",
  "are",
  "was",
  "were",
  "will",
  "would",
  "can",
  "could",
  "tell",
  "say",
  "said",
]);

interface Candidate {
  text: string;
  article: Article;
  stems: Set<string>;
  score: number;
}

function wantsKind(question: string): "number" | "person" | "date" | "place" | null {
  const q = question.toLowerCase();
  if (/\bhow (many|much|long|far|big|large)\b|\bwhat (percentage|share|number)\b/.test(q)) return "number";
  if (/\bwho\b|\bwhom\b/.test(q)) return "person";
  if (/\bwhen\b|\bwhat (day|date|year|month|time)\b/.test(q)) return "date";
  if (/\bwhere\b/.test(q)) return "place";
  return null;
}

function fitsKind(text: string, kind: ReturnType<typeof wantsKind>): boolean {
  switch (kind) {
    case "number":
      return /\d|\b(one|two|three|four|five|six|seven|eight|nine|ten|dozen|hundred|thousand|million|billion)\b/i.test(
        text,
      );
    case "person":
      return /\b\p{Lu}\p{Ll}+ \p{Lu}\p{Ll}+/u.test(text) || /\b(said|told|according)\b/.test(text);
    case "date":
      return /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|\d{4}|yesterday|today)\b/i.test(
        text,
      );
    case "place":
      return /\b(in|at|from) \p{Lu}/u.test(text);
    default:
      return true;
  }
}

function overlap(a: Set<string>, b: Set<string>): number {
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n / Math.max(1, Math.min(a.size, b.size));
}

/** What a writer gets: the picked answers (the extractive ones) first, then the next best distinct sentences. */
function answerItem(question: string, picked: Candidate[], answers: Candidate[], wide: boolean): WriteItem {
  const offered = [...picked];
  for (const a of wide ? answers : []) {
    if (offered.length >= MODEL_PASSAGES) break;
    if (!offered.some((p) => overlap(p.stems, a.stems) > 0.7)) offered.push(a);
  }
  const passages = offered.map((c, n) => ({
    id: `P${n + 1}`,
    articleId: c.article.id,
    text: c.text,
    source: c.article.source,
    publishedAt: c.article.publishedAt,
  }));
  const extractive = picked.map((p, n) => ({ text: p.text, cites: [`P${n + 1}`] }));
  return { subject: question, passages, extractive, maxSentences: ANSWERS };
}

export async function runAsk(
  question: string,
  deps: CoreDeps,
  context: Pick<CommandContext, "onProgress"> = {},
): Promise<Reply> {
  const stems = queryStems(question).filter((s) => !QUESTION_WORDS.has(s));
  const hits = stems.length ? await deps.store.search(question, ARTICLES) : [];
  const articles = await deps.store.getArticles(hits.map((h) => h.id));
  const kind = wantsKind(question);
  const candidates: Candidate[] = [];
  for (const [rank, article] of articles.entries()) {
    for (const s of splitSentences(article.text)) {
      const words = s.text.split(/\s+/).length;
      if (words < 6 || words > 70 || /[:,]$/.test(s.text)) continue;
      candidates.push({ text: s.text, article, stems: stemSet(s.text), score: -rank / 1000 });
    }
  }
  // Words rare among the candidate sentences weigh more.
  const df = new Map<string, number>();
  for (const c of candidates) for (const s of stems) if (c.stems.has(s)) df.set(s, (df.get(s) ?? 0) + 1);
  const idf = (s: string) => Math.log(1 + candidates.length / (1 + (df.get(s) ?? 0)));
  const total = stems.reduce((n, s) => n + idf(s), 0);
  const answers: Candidate[] = [];
  for (const c of candidates) {
    const matched = stems.reduce((n, s) => n + (c.stems.has(s) ? idf(s) : 0), 0);
    const coverage = total > 0 ? matched / total : 0;
    if (coverage < MIN_COVERAGE) continue;
    c.score += coverage * (fitsKind(c.text, kind) ? 1.3 : 1);
    answers.push(c);
  }
  answers.sort((a, b) => b.score - a.score);
  const picked: Candidate[] = [];
  for (const a of answers) {
    if (picked.length >= ANSWERS) break;
    if (picked.some((p) => overlap(p.stems, a.stems) > 0.7)) continue;
    picked.push(a);
  }
  const articleCount = await deps.store.countArticles();
  const writer = deps.writer ?? extractiveWriter;
  const item = answerItem(question, picked, answers, writer.usesModel);
  const byId = new Map(articles.map((a) => [a.id, a]));
  const build = (written: WrittenSentence[][], by: "model" | "extractive" | "mixed"): Reply => {
    const citations = new Citations();
    const sentences = (written[0] ?? [])
      .map((s) => ({
        text: s.text,
        articles: citedArticleIds(s, item).flatMap((id) => byId.get(id) ?? []),
      }))
      .filter((s) => s.articles.length > 0);
    return {
      kind: "answer",
      title: question.length > 120 ? `${question.slice(0, 120)}…` : question,
      intro:
        sentences.length === 0
          ? `Not found in the ${articleCount} stored article${articleCount === 1 ? "" : "s"}.`
          : by === "extractive"
            ? "From the stored articles, in their own words:"
            : "From the stored articles, checked against the cited passages:",
      sections: sentences.length
        ? [
            {
              lines: sentences.map((s) => ({ text: s.text, cite: s.articles.map((a) => citations.cite(a)) })),
            },
          ]
        : [],
      citations: citations.list(),
      data: {
        question,
        sentences: sentences.map((s) => ({ text: s.text, articleId: (s.articles[0] as Article).id })),
      },
    };
  };
  if (picked.length === 0) return build([], "extractive");
  const result = await writer.writeAnswer(
    item,
    progressTo(context.onProgress, (written) => build(written, "model")),
  );
  const reply = build(result.items, result.by);
  if (result.note) reply.note = result.note;
  return reply;
}
