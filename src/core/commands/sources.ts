import type { CoreDeps } from "../deps.js";
import type { Reply } from "../reply.js";

export async function runSources(deps: CoreDeps): Promise<Reply> {
  const sources = await deps.store.sources();
  const total = sources.reduce((n, s) => n + s.articles, 0);
  return {
    kind: "sources",
    title: "Sources",
    intro:
      sources.length === 0
        ? "No articles are stored yet."
        : `${total} article${total === 1 ? "" : "s"} from ${sources.length} source${sources.length === 1 ? "" : "s"}.`,
    sections: [
      {
        lines: sources.map((s) => ({
          text: `${s.name}: ${s.articles} article${s.articles === 1 ? "" : "s"}${s.latest ? `, latest ${s.latest.slice(0, 10)}` : ""}`,
          cite: [],
        })),
      },
    ],
    citations: [],
    data: { sources },
  };
}
