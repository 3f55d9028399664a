import type { AttributionHit } from "../../store/analysis.js";
import { canonicalNames, isNamedSpeaker } from "../actors.js";
import { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import type { QuotesData, Reply } from "../reply.js";
import { noCoverage } from "./no-coverage.js";

const SHOWN = 10;

function newestFirst(a: AttributionHit, b: AttributionHit): number {
  return (b.publishedAt ?? "").localeCompare(a.publishedAt ?? "") || a.contentStart - b.contentStart;
}

export async function runQuotes(query: string, deps: CoreDeps): Promise<Reply> {
  const bySpeaker = (await deps.store.attributionsBySpeaker(query, 200)).filter((h) =>
    isNamedSpeaker(h.speaker),
  );
  const aboutPerson = bySpeaker.length > 0;
  let hits = aboutPerson
    ? bySpeaker
    : (await deps.store.searchAttributions(query, { limit: 200, directOnly: true })).filter((h) =>
        isNamedSpeaker(h.speaker),
      );
  // Quotes in the speaker's own words first; reported speech only when there are none.
  const direct = hits.filter((h) => h.direct);
  if (direct.length > 0) hits = direct;
  if (hits.length === 0) return noCoverage(query, deps, "quotes");
  hits = [...hits].sort(newestFirst).slice(0, SHOWN);
  const names = canonicalNames(hits.map((h) => h.speaker));
  const citations = new Citations();
  const quotes: QuotesData["quotes"] = hits.map((h) => ({
    text: h.content,
    speaker: names.get(h.speaker) ?? h.speaker,
    articleId: h.articleId,
    source: h.source,
    url: h.url,
    publishedAt: h.publishedAt,
    direct: h.direct,
  }));
  return {
    kind: "quotes",
    title: aboutPerson ? `Quotes: ${names.get(hits[0]?.speaker ?? "") ?? query}` : `Quotes on ${query}`,
    intro: `${quotes.length} ${direct.length > 0 ? "quote" : "reported statement"}${quotes.length === 1 ? "" : "s"}, newest first.`,
    sections: [
      {
        lines: hits.map((h, i) => ({
          text: h.content,
          cite: [citations.cite({ ...h, id: h.articleId })],
          speaker: quotes[i]?.speaker ?? h.speaker,
        })),
      },
    ],
    citations: citations.list(),
    data: { query, quotes },
  };
}
