import type { Command } from "commander";
import { type CliIo, configFor, type GlobalOptions, withStore } from "./context.js";
import { wholeNumber } from "./options.js";
import { cell, wrap } from "./text.js";

export function registerArticles(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("articles")
    .description("list stored articles, newest first")
    .option("--json", "print JSON")
    .option("--limit <n>", "how many to list", wholeNumber(1_000_000), 50)
    .action(async (opts: { json?: boolean; limit: number }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      const [rows, total] = await withStore(config, io, (store) =>
        Promise.all([store.listArticles({ limit: opts.limit }), store.countArticles()]),
      );
      if (opts.json) {
        io.stdout(
          `${JSON.stringify(
            rows.map(({ id, title, source, publishedAt, words }) => ({
              id,
              title,
              source,
              publishedAt,
              words,
            })),
            null,
            2,
          )}\n`,
        );
        return;
      }
      if (rows.length === 0) {
        io.stdout("No articles stored yet. Add some with: newsdesk ingest <file|dir|url>...\n");
        return;
      }
      io.stdout(
        `${cell("ID", 12)}  ${cell("PUBLISHED", 10)}  ${cell("SOURCE", 18)}  ${"WORDS".padStart(5)}  TITLE\n`,
      );
      for (const r of rows) {
        io.stdout(
          `${r.id}  ${cell(r.publishedAt?.slice(0, 10) ?? "-", 10)}  ${cell(r.source, 18)}  ${String(r.words).padStart(5)}  ${cell(r.title, 70).trimEnd()}\n`,
        );
      }
      if (total > rows.length) io.stdout(`(${rows.length} of ${total}; use --limit to see more)\n`);
    });

  program
    .command("article")
    .description("show one stored article with its clean text")
    .argument("<id>", "article id, as listed by `newsdesk articles`")
    .option("--json", "print JSON")
    .action(async (id: string, opts: { json?: boolean }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      const article = await withStore(config, io, (store) => store.getArticle(id.trim()));
      if (!article) {
        io.stderr(`No article with id "${id}". List them with: newsdesk articles\n`);
        setExit(1);
        return;
      }
      if (opts.json) {
        io.stdout(`${JSON.stringify(article, null, 2)}\n`);
        return;
      }
      const meta = [
        article.source,
        article.author,
        article.publishedAt?.slice(0, 10),
        `${article.words} words`,
        article.language,
      ]
        .filter(Boolean)
        .join(" · ");
      io.stdout(
        `${article.title}\n${meta}\n${article.url ?? ""}${article.url ? "\n" : ""}\n${wrap(article.text, 88)}\n`,
      );
    });
}
