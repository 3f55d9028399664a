import { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import type { Reply } from "../reply.js";
import { noCoverage } from "./no-coverage.js";

const RESULTS = 8;

export async function runSearch(query: string, deps: CoreDeps): Promise<Reply> {
  const hits = await deps.store.search(query, RESULTS);
  if (hits.length === 0) return noCoverage(query, deps);
  const citations = new Citations();
  const results = hits.map((h) => ({
    id: h.id,
    title: h.title,
    source: h.source,
    publishedAt: h.publishedAt,
    url: h.url,
    snippet: h.snippet,
  }));
  return {
    kind: "search",
    title: `Search: ${query}`,
    sections: hits.map((h) => ({
      heading: h.title,
      subtitle: [h.source, h.publishedAt?.slice(0, 10), `id ${h.id}`].filter(Boolean).join(" · "),
      lines: [{ text: h.snippet, cite: [citations.cite(h)] }],
    })),
    citations: citations.list(),
    data: { query, results },
  };
}
