import type { CoreDeps } from "../deps.js";
import type { Reply } from "../reply.js";

const SHOWN = 20;

export async function runTopics(deps: CoreDeps): Promise<Reply> {
  const top = await deps.store.topKeywords(SHOWN * 2);
  // A keyword in a single article is not a topic yet.
  const topics = top.filter((t) => t.articles >= 2).slice(0, SHOWN);
  return {
    kind: "topics",
    title: "Topics",
    intro:
      topics.length === 0
        ? "No topic is covered by more than one article yet."
        : "The names and subjects covered by the most articles. Try /brief <topic> or /stance <topic>.",
    sections: [{ lines: topics.map((t) => ({ text: `${t.term} (${t.articles} articles)`, cite: [] })) }],
    citations: [],
    data: { topics },
  };
}
