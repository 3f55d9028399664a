import { summarize } from "../../nlp/summarize/index.js";
import { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import { errorReply, type Reply } from "../reply.js";

export async function runSummarize(argument: string, deps: CoreDeps): Promise<Reply> {
  const id = argument.trim().replace(/^\[|\]$/g, "");
  const article = /^[0-9a-f]{6,64}$/i.test(id) ? await deps.store.getArticle(id.toLowerCase()) : null;
  if (!article) {
    return errorReply(
      `No stored article has the id "${id.slice(0, 40)}". Find ids with /search <words>.`,
      "not-found",
      "Usage: /summarize <article id>",
    );
  }
  const citations = new Citations();
  const n = citations.cite(article);
  const picked = summarize(article.text, { sentences: 3, maxWords: 90, title: article.title });
  return {
    kind: "summary",
    title: article.title,
    intro: [article.source, article.publishedAt?.slice(0, 10), `${article.words} words`]
      .filter(Boolean)
      .join(" · "),
    sections: [{ lines: picked.map((p) => ({ text: p.text, cite: [n] })) }],
    citations: citations.list(),
    data: { articleId: article.id, sentences: picked.map((p) => ({ text: p.text, articleId: article.id })) },
  };
}
