import type { CoreDeps } from "../deps.js";
import { errorReply, type Reply } from "../reply.js";
import { NO_URL_FETCHING, urlInArgument } from "../url-service.js";
import { notice, usageOf } from "./channel-notice.js";

/** /ingest <url>: stores the article at a web address (through the URL guard), or names its stored duplicate. */
export async function runIngest(argument: string, deps: CoreDeps): Promise<Reply> {
  const url = urlInArgument(argument);
  if (!url) return errorReply("Give one http(s) URL of an article page.", "usage", usageOf("ingest"));
  if (!deps.urls) return errorReply(NO_URL_FETCHING, "failed");
  const result = await deps.urls.ingestUrl(url);
  switch (result.status) {
    case "added":
      return notice("ingest", "Article stored", [
        `Stored "${result.title}" as [${result.articleId}].`,
        `Summarise it with /summarize ${result.articleId}.`,
      ]);
    case "duplicate": {
      const article = await deps.store.getArticle(result.articleId);
      const title = article ? `: "${article.title}"` : "";
      return notice(
        "ingest",
        "Already stored",
        [`That article is already stored as [${result.articleId}]${title}.`],
        "info",
      );
    }
    case "rejected":
      return errorReply(`Could not ingest that URL: ${result.reason}`, "failed");
  }
}
