import type { Article } from "./article.js";
import type { Citation } from "./reply.js";

export type Citable = Pick<Article, "id" | "source" | "title" | "url" | "publishedAt">;

/** Numbers cited articles in order of first use: the same article always gets the same number in one reply. */
export class Citations {
  readonly #byId = new Map<string, Citation>();

  cite(article: Citable): number {
    const known = this.#byId.get(article.id);
    if (known) return known.n;
    const c: Citation = {
      n: this.#byId.size + 1,
      articleId: article.id,
      source: article.source,
      title: article.title,
      url: article.url,
      publishedAt: article.publishedAt,
    };
    this.#byId.set(article.id, c);
    return c.n;
  }

  list(): Citation[] {
    return [...this.#byId.values()];
  }
}
