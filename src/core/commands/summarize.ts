import { summarize } from "../../nlp/summarize/index.js";
import type { Article } from "../article.js";
import { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import { type ErrorReply, errorReply, type Reply } from "../reply.js";
import { NO_URL_FETCHING, urlInArgument } from "../url-service.js";

/** The stored article a URL names: fetched and stored through `deps.urls`, or its stored duplicate. */
async function articleAtUrl(url: string, deps: CoreDeps): Promise<Article | ErrorReply> {
  if (!deps.urls) return errorReply(NO_URL_FETCHING, "failed");
  const result = await deps.urls.ingestUrl(url);
  if (result.status === "rejected") return errorReply(`Could not fetch that URL: ${result.reason}`, "failed");
  const article = await deps.store.getArticle(result.articleId);
  return article ?? errorReply(`The article from ${url.slice(0, 200)} could not be read back.`, "failed");
}

export async function runSummarize(argument: string, deps: CoreDeps): Promise<Reply> {
  const url = urlInArgument(argument);
  let article: Article | null;
  if (url) {
    const found = await articleAtUrl(url, deps);
    if ("kind" in found) return found;
    article = found;
  } else {
    const id = argument.trim().replace(/^\[|\]$/g, "");
    article = /^[0-9a-f]{6,64}$/i.test(id) ? await deps.store.getArticle(id.toLowerCase()) : null;
    if (!article) {
      return errorReply(
        `No stored article has the id "${id.slice(0, 40)}". Find ids with /search <words>.`,
        "not-found",
        "Usage: /summarize <article id or url>",
      );
    }
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
