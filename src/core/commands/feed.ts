import type { FeedOwner, FeedRecord } from "../../store/feeds.js";
import type { CommandContext, CoreDeps } from "../deps.js";
import { errorReply, type Reply, type ReplySection } from "../reply.js";
import { NO_URL_FETCHING, urlInArgument } from "../url-service.js";
import { channelOrError, notice, usageOf } from "./channel-notice.js";

/** "2026-05-01 12:00 UTC". */
function when(iso: string | null): string {
  return iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never";
}

function ownerText(owner: FeedOwner): string {
  if (owner === "cli") return "the command line";
  if (owner.platform === "console") return "the terminal";
  return `${owner.platform} channel ${owner.channelId}`;
}

/** "1 item", "3 items". */
function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

/** One shown URL, shortened for a chat line. */
function shown(url: string): string {
  return url.length > 200 ? `${url.slice(0, 199)}…` : url;
}

function alreadyFollowing(feed: FeedRecord): Reply {
  return notice(
    "feed",
    "Already following",
    [`${feed.title || feed.url} is already followed (added by ${ownerText(feed.addedBy)}).`],
    "info",
  );
}

async function addFeed(target: string, context: CommandContext, deps: CoreDeps): Promise<Reply> {
  const url = urlInArgument(target);
  if (!url) return errorReply("Give the feed's http(s) URL: /feed add https://…", "usage", usageOf("feed"));
  const where = channelOrError("feed", context);
  if ("error" in where) return where.error;
  if (!deps.urls) return errorReply(NO_URL_FETCHING, "failed");
  const existing = await deps.store.feeds.get(url);
  if (existing) return alreadyFollowing(existing);
  const check = await deps.urls.checkFeed(url);
  if (!check.ok) return errorReply(`Cannot follow that feed: ${check.reason}`, "failed");
  const addedBy: FeedOwner = context.platform === "cli" ? "cli" : where.channel;
  const { added, feed } = await deps.store.feeds.add({
    url: check.url,
    title: check.title || null,
    addedBy,
    now: deps.now().toISOString(),
  });
  // Added meanwhile (by another channel, or the same command twice at once).
  if (!added) return alreadyFollowing(feed);
  const every = deps.urls.feedPollMinutes;
  return notice("feed", "Feed added", [
    `Following ${feed.title || feed.url} (${shown(feed.url)}): ${plural(check.items, "item")} in it now.`,
    `New items are stored and grouped into stories${every ? ` every ${every} minutes` : ""}, starting with the next poll.`,
  ]);
}

function feedSection(feed: FeedRecord): ReplySection {
  const lines = [
    shown(feed.url),
    `Added by ${ownerText(feed.addedBy)} on ${when(feed.addedAt)}; ${plural(feed.articlesAdded, "article")} stored from it.`,
    `Last success: ${when(feed.lastSuccessAt)}${feed.lastSuccessAt ? ` (${plural(feed.itemsSeen, "item")} in the feed)` : ""}.`,
  ];
  if (feed.lastError) lines.push(`Last error: ${feed.lastError} (${when(feed.lastErrorAt)}).`);
  const backoff =
    feed.consecutiveErrors > 0
      ? ` (backing off after ${plural(feed.consecutiveErrors, "error")} in a row)`
      : "";
  lines.push(`Next poll: ${when(feed.nextPollAt)}${backoff}.`);
  return { heading: feed.title || shown(feed.url), lines: lines.map((text) => ({ text, cite: [] })) };
}

async function listFeeds(deps: CoreDeps): Promise<Reply> {
  const feeds = await deps.store.feeds.list();
  if (feeds.length === 0) {
    return notice("feed", "No feeds", ["No feeds are followed yet. Add one with /feed add <url>."], "info");
  }
  const failing = feeds.filter((f) => f.consecutiveErrors > 0).length;
  return {
    kind: "notice",
    title: "Feeds",
    intro: `${plural(feeds.length, "feed")} followed${failing > 0 ? `, ${failing} failing` : ""}`,
    sections: feeds.map(feedSection),
    citations: [],
    data: { command: "feed", status: "info" },
  };
}

async function removeFeed(target: string, deps: CoreDeps): Promise<Reply> {
  const url = urlInArgument(target);
  if (!url)
    return errorReply("Give the URL of the feed to remove: /feed remove https://…", "usage", usageOf("feed"));
  const feed = await deps.store.feeds.get(url);
  if (!feed || !(await deps.store.feeds.remove(feed.url))) {
    return errorReply(`No followed feed has the URL ${shown(url)}. See /feed list.`, "not-found");
  }
  return notice("feed", "Feed removed", [
    `Stopped following ${feed.title || feed.url}. Articles already stored from it stay.`,
  ]);
}

/** /feed add <url> | list | remove <url>: the feeds newsdesk follows (global to the store). */
export function runFeed(argument: string, context: CommandContext, deps: CoreDeps): Promise<Reply> | Reply {
  const [action = "", ...rest] = argument.trim().split(" ");
  const target = rest.join(" ");
  switch (action.toLowerCase()) {
    case "":
    case "list":
      if (target !== "") return errorReply("/feed list takes nothing after it.", "usage", usageOf("feed"));
      return listFeeds(deps);
    case "add":
      return addFeed(target, context, deps);
    case "remove":
    case "rm":
    case "delete":
      return removeFeed(target, deps);
    default:
      return errorReply(`/feed does not know "${action.slice(0, 40)}".`, "usage", usageOf("feed"));
  }
}
