import type { ChannelRef } from "../channel.js";
import { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import type { BriefData, Reply, ReplySection } from "../reply.js";
import { writeStories } from "../story-writing.js";
import { parseTopic } from "../topic-query.js";
import { formatInZone } from "./format-time.js";
import { newStories, type Topic } from "./select.js";

/** Stories in one digest, at most. */
const DIGEST_STORIES = 6;
const DAY_MS = 86_400_000;

/** Where a digest starts: the channel's previous digest, or 24 hours before `now` for the first. */
export function digestSince(lastSentAt: string | null, now: Date): Date {
  const last = lastSentAt === null ? Number.NaN : Date.parse(lastSentAt);
  return Number.isFinite(last) && last < now.getTime() ? new Date(last) : new Date(now.getTime() - DAY_MS);
}

/** The channel's topics, parsed from their stored canonical form. */
export async function channelTopics(deps: Pick<CoreDeps, "store">, channel: ChannelRef): Promise<Topic[]> {
  const subs = await deps.store.channels.subscriptions(channel);
  return subs.flatMap((s) => {
    const parsed = parseTopic(s.topic);
    return parsed.ok ? [{ topic: s.topic, query: parsed.query }] : [];
  });
}

function topicsText(topics: Topic[]): string {
  if (topics.length === 0) return "any news";
  const text = topics.map((t) => t.topic).join(", ");
  return text.length > 120 ? `${text.slice(0, 120)}…` : text;
}

/**
 * A channel's digest: the stories on its topics (all news when it has none) that gained articles since `since`,
 * most important first, each summarised with citations and its source list. A `brief` Reply, also when empty.
 */
export async function buildDigest(
  channel: ChannelRef,
  deps: Pick<CoreDeps, "store" | "writer">,
  options: { since: Date; zone: string },
): Promise<Reply> {
  const topics = await channelTopics(deps, channel);
  const found = await newStories(deps, options.since, topics, DIGEST_STORIES);
  const citations = new Citations();
  const written = await writeStories(
    found.map(({ story, fresh }) => ({ story, preferred: fresh })),
    deps,
    citations,
  );
  const sections: ReplySection[] = [];
  const stories: BriefData["stories"] = [];
  for (const { index, section, story } of written.stories) {
    const matched = found[index]?.topics ?? [];
    if (topics.length > 1) section.subtitle = `${section.subtitle} · on ${matched.join(", ")}`;
    sections.push(section);
    stories.push(story);
  }
  const when = formatInZone(options.since, options.zone);
  const about = topicsText(topics);
  const n = stories.length;
  const reply: Reply = {
    kind: "brief",
    title: topics.length ? `Digest: ${about}` : "Digest",
    intro:
      n === 0
        ? `No coverage of ${about} since ${when}.`
        : `${n} stor${n === 1 ? "y" : "ies"} since ${when}, most important first.`,
    sections,
    citations: citations.list(),
    data: {
      topic: topics.length ? topics.map((t) => t.topic).join(", ") : null,
      since: options.since.toISOString(),
      stories,
    },
  };
  if (written.note) reply.note = written.note;
  return reply;
}
