import type { Command } from "commander";
import { inputLimits } from "../config.js";
import { createChatUrlService } from "../ingest/chat-url-service.js";
import { createUrlGuard } from "../ingest/fetch/url-guard.js";
import { loadUrlPolicy } from "../ingest/fetch/url-policy-config.js";
import { loadFeedPollMinutes } from "../schedule/feed-config.js";
import { FeedPoller } from "../schedule/feed-poller.js";
import type { FeedPollResult } from "../schedule/poll-feed.js";
import type { FeedRecord } from "../store/feeds.js";
import type { Store } from "../store/store.js";
import { type CliIo, configFor, type GlobalOptions, withStore } from "./context.js";
import { truncate } from "./text.js";

/** Everything the feeds commands read from the environment, checked before the store is opened. */
function feedsSetup(io: CliIo, program: Command) {
  const config = configFor(io, program.opts<GlobalOptions>());
  const guard = createUrlGuard({ policy: loadUrlPolicy(io.env) });
  return { config, guard, pollMinutes: loadFeedPollMinutes(io.env) };
}

function time(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")}Z` : "never";
}

function feedLines(feed: FeedRecord): string {
  const by = feed.addedBy === "cli" ? "cli" : `${feed.addedBy.platform}:${feed.addedBy.channelId}`;
  const lines = [
    `${feed.url}${feed.title ? `  ${truncate(feed.title, 60)}` : ""}`,
    `  added ${time(feed.addedAt)} by ${by}; ${feed.articlesAdded} articles stored; ${feed.itemsSeen} items at the last fetch`,
    `  last success ${time(feed.lastSuccessAt)}; next poll ${time(feed.nextPollAt)}`,
  ];
  if (feed.lastError) {
    lines.push(
      `  last error ${time(feed.lastErrorAt)}: ${feed.lastError}${feed.consecutiveErrors > 0 ? ` (${feed.consecutiveErrors} in a row)` : ""}`,
    );
  }
  return `${lines.join("\n")}\n`;
}

function resultLines(r: FeedPollResult): string {
  if (r.status === "error") return `error         ${r.url}: ${r.error} (next try ${time(r.nextPollAt)})\n`;
  if (r.status === "not-modified") return `not modified  ${r.url}\n`;
  const lines = [`${r.added.length} added`.padEnd(14) + r.url];
  for (const a of r.added) lines.push(`  added      ${a.id}  ${truncate(a.title, 60)}`);
  for (const d of r.duplicates) lines.push(`  duplicate  ${d.id}  ${d.input}`);
  for (const x of r.rejected) lines.push(`  rejected   ${x.input}: ${x.reason}`);
  return `${lines.join("\n")}\n`;
}

export function registerFeeds(program: Command, io: CliIo, setExit: (code: number) => void): void {
  const feeds = program
    .command("feeds")
    .description("follow RSS/Atom feeds: add, list, remove, or poll them now")
    .addHelpText(
      "after",
      "\nFeeds are polled every NEWSDESK_FEED_POLL_MINUTES (default 15) while `newsdesk serve` runs.\nFeed URLs pass the same URL guard as URLs from chat: allow internal hosts with NEWSDESK_ALLOWED_HOSTS.",
    );

  feeds
    .command("add")
    .description("check that a URL is an RSS or Atom feed, then follow it")
    .argument("<url>", "the feed's http(s) URL")
    .action(async (url: string) => {
      const { config, guard, pollMinutes } = feedsSetup(io, program);
      await withStore(config, io, async (store: Store) => {
        const service = createChatUrlService({
          store,
          logger: io.logger,
          now: io.now,
          guard,
          limits: inputLimits(config),
        });
        const check = await service.checkFeed(url);
        if (!check.ok) {
          io.stderr(`newsdesk: cannot follow ${url}: ${check.reason}\n`);
          setExit(1);
          return;
        }
        const { added, feed } = await store.feeds.add({
          url: check.url,
          title: check.title || null,
          addedBy: "cli",
          now: io.now().toISOString(),
        });
        io.stdout(
          added
            ? `added ${feed.url} (${feed.title || "untitled"}, ${check.items} items); polled every ${pollMinutes} minutes\n`
            : `already followed: ${feed.url}\n`,
        );
      });
    });

  feeds
    .command("list")
    .description("the followed feeds with their status: last success, last error, next poll")
    .option("--json", "print the feeds as JSON")
    .action(async (opts: { json?: boolean }) => {
      const { config } = feedsSetup(io, program);
      const list = await withStore(config, io, (store) => store.feeds.list());
      if (opts.json) io.stdout(`${JSON.stringify(list, null, 2)}\n`);
      else io.stdout(list.length === 0 ? "no feeds followed\n" : list.map(feedLines).join(""));
    });

  feeds
    .command("remove")
    .description("stop following a feed (articles stored from it stay)")
    .argument("<url>", "the feed's URL, as listed")
    .action(async (url: string) => {
      const { config } = feedsSetup(io, program);
      const removed = await withStore(config, io, (store) => store.feeds.remove(url));
      if (removed) io.stdout(`removed ${url}\n`);
      else {
        io.stderr(`newsdesk: no followed feed has the URL ${url}\n`);
        setExit(1);
      }
    });

  feeds
    .command("poll")
    .description("poll every feed once now and print what was added")
    .option("--json", "print the results as JSON")
    .addHelpText("after", "\nExit status: 0 when every feed was fetched, 1 when one failed.")
    .action(async (opts: { json?: boolean }) => {
      const { config, guard, pollMinutes } = feedsSetup(io, program);
      const results = await withStore(config, io, (store) =>
        new FeedPoller({
          store,
          logger: io.logger,
          now: io.now,
          guard,
          limits: inputLimits(config),
          pollMinutes,
        }).pollAll(),
      );
      if (opts.json) io.stdout(`${JSON.stringify(results, null, 2)}\n`);
      else io.stdout(results.length === 0 ? "no feeds followed\n" : results.map(resultLines).join(""));
      setExit(results.some((r) => r.status === "error") ? 1 : 0);
    });

  for (const cmd of feeds.commands)
    cmd.exitOverride().configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
}
