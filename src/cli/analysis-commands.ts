import type { Command } from "commander";
import { inputLimits } from "../config.js";
import { parseRaw, prepareArticle } from "../ingest/prepare.js";
import { readPath } from "../ingest/sources/file.js";
import { extractAttributions } from "../nlp/quotes/index.js";
import { summarize } from "../nlp/summarize/index.js";
import { type CliIo, configFor, type GlobalOptions, withStore } from "./context.js";
import { wholeNumber } from "./options.js";

/** Cleans each file (or .jsonl line) the way ingestion does, without storing it, and hands it to `fn`. */
async function eachInput(
  paths: string[],
  io: CliIo,
  program: Command,
  fn: (entry: { id?: string; input: string }, text: string, title: string) => Record<string, unknown>,
): Promise<number> {
  const config = configFor(io, program.opts<GlobalOptions>());
  let failures = 0;
  for (const path of paths) {
    for await (const item of readPath(path, inputLimits(config))) {
      const entry: { id?: string; input: string } = item.ok
        ? { input: item.raw.origin }
        : { input: item.input };
      if (item.ok && item.raw.externalId !== undefined) entry.id = item.raw.externalId;
      if (!item.ok) {
        io.stdout(`${JSON.stringify({ ...entry, error: item.reason })}\n`);
        failures++;
        continue;
      }
      try {
        const { clean } = prepareArticle(parseRaw(item.raw));
        io.stdout(`${JSON.stringify({ ...entry, ...fn(entry, clean.text, clean.title) })}\n`);
      } catch (err) {
        io.stdout(`${JSON.stringify({ ...entry, error: (err as Error).message })}\n`);
        failures++;
      }
    }
  }
  return failures;
}

export function registerAnalysis(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command("summarize")
    .description("summarize files or .jsonl lines without storing them: one JSON line per article")
    .argument("<paths...>", "files, directories or .jsonl files (field text or body, optional id)")
    .option("--sentences <n>", "sentences per summary", wholeNumber(50), 3)
    .option("--jsonl", "accepted for clarity: output is always one JSON object per line")
    .action(async (paths: string[], opts: { sentences: number }) => {
      const failures = await eachInput(paths, io, program, (_entry, text, title) => {
        const picked = summarize(text, { sentences: opts.sentences, maxWords: 1000, title });
        return { summary: picked.map((p) => p.text).join(" "), sentences: picked.map((p) => p.text) };
      });
      setExit(failures > 0 ? 1 : 0);
    });

  program
    .command("quotes")
    .description("who said what in files or .jsonl lines, without storing them: one JSON line per article")
    .argument("<paths...>", "files, directories or .jsonl files")
    .option("--jsonl", "accepted for clarity: output is always one JSON object per line")
    .action(async (paths: string[]) => {
      const failures = await eachInput(paths, io, program, (_entry, text, title) => ({
        quotes: extractAttributions(text, { title }).map((a) => ({
          speaker: a.speaker,
          speakerMention: a.speakerMention,
          content: a.content,
          cue: a.cue,
          direct: a.direct,
        })),
      }));
      setExit(failures > 0 ? 1 : 0);
    });

  program
    .command("stories")
    .description("list the stored stories: articles grouped by the event they report")
    .option("--json", "print JSON")
    .action(async (opts: { json?: boolean }) => {
      const config = configFor(io, program.opts<GlobalOptions>());
      const stories = await withStore(config, io, (store) =>
        store.listStories({ orderBy: "breadth", limit: 100_000 }),
      );
      if (opts.json) {
        const rows = stories.map(({ id, headline, articleIds, sources }) => ({
          id,
          headline,
          articleIds,
          sources,
        }));
        io.stdout(`${JSON.stringify(rows, null, 2)}\n`);
        return;
      }
      if (stories.length === 0)
        io.stdout("No stories yet. Add articles with: newsdesk ingest <file|dir|url>...\n");
      for (const s of stories) {
        io.stdout(
          `${s.headline}\n  ${s.articleCount} article${s.articleCount === 1 ? "" : "s"} · ${s.sources.join(", ")}${s.end ? ` · ${s.end}` : ""}\n  ${s.articleIds.join(" ")}\n`,
        );
      }
    });
}
