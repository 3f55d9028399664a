import type { CoreDeps } from "../deps.js";
import type { Reply } from "../reply.js";
import { queryStems } from "../terms.js";

/** Topics that do have coverage and share a word or a few letters with the query, else the biggest topics. */
async function suggestions(query: string, deps: CoreDeps): Promise<string[]> {
  const top = (await deps.store.topKeywords(200)).filter((t) => t.articles >= 2);
  const stems = queryStems(query);
  const near = top.filter((t) =>
    stems.some((s) => t.term.includes(s.slice(0, 5)) || s.includes(t.term.slice(0, 5))),
  );
  return [...near, ...top]
    .map((t) => t.term)
    .filter((t, i, all) => all.indexOf(t) === i)
    .slice(0, 6);
}

/** "No coverage of X", with nearby topics that do have coverage. Better than a guess. */
export async function noCoverage(query: string, deps: CoreDeps, what = "coverage"): Promise<Reply> {
  const [articleCount, suggested] = await Promise.all([deps.store.countArticles(), suggestions(query, deps)]);
  const shown = query.length > 80 ? `${query.slice(0, 80)}…` : query;
  return {
    kind: "no-coverage",
    title: `No ${what} of “${shown}”`,
    intro:
      articleCount === 0
        ? "No articles are stored yet. Add some with `newsdesk ingest <file|dir|url>`."
        : `Nothing in the ${articleCount} stored article${articleCount === 1 ? "" : "s"} matches.${suggested.length ? " Covered topics you could try:" : ""}`,
    sections: suggested.length ? [{ lines: suggested.map((s) => ({ text: s, cite: [] })) }] : [],
    citations: [],
    data: { query, suggestions: suggested, articleCount },
  };
}
