import { Citations } from "../citations.js";
import type { CommandContext, CoreDeps } from "../deps.js";
import type { Reply } from "../reply.js";
import { splitTopicAndSince } from "../since.js";
import { selectStories } from "../story-select.js";
import { prepareStories, storySections } from "../story-writing.js";
import { extractiveWriter, progressTo, type WrittenSentence } from "../writer.js";
import { noCoverage } from "./no-coverage.js";

const STORIES = 5;

export async function runBrief(
  argument: string,
  deps: CoreDeps,
  context: Pick<CommandContext, "onProgress"> = {},
): Promise<Reply> {
  const { topic, since, sinceWord } = splitTopicAndSince(argument, deps.now());
  const options: Parameters<typeof selectStories>[1] = { limit: STORIES };
  if (topic) options.topic = topic;
  if (since) options.since = since;
  const ranked = await selectStories(deps, options);
  if (ranked.length === 0) {
    if (!topic && (await deps.store.countArticles()) > 0 && since) {
      return noCoverage(`news since ${sinceWord}`, deps, "stories");
    }
    return noCoverage(topic || "any news", deps);
  }
  const writer = deps.writer ?? extractiveWriter;
  // The summary is read from the topic's matching articles first.
  const prepared = await prepareStories(
    ranked.map(({ story, matching }) => ({ story, preferred: matching })),
    deps,
    writer.usesModel,
  );

  const build = (written: WrittenSentence[][]): Reply => {
    const citations = new Citations();
    const made = storySections(prepared, written, citations);
    const stories = made.map((m) => m.story);
    const sections = made.map((m) => m.section);
    const title = topic ? `Briefing: ${topic}` : "Briefing";
    return {
      kind: "brief",
      title,
      intro: `${stories.length} stor${stories.length === 1 ? "y" : "ies"}${sinceWord ? ` since ${sinceWord}` : ""}, most important first.`,
      sections,
      citations: citations.list(),
      data: { topic: topic || null, since: since ? since.toISOString() : null, stories },
    };
  };

  const result = await writer.writeBrief(
    prepared.map((p) => p.item),
    progressTo(context.onProgress, build),
  );
  const reply = build(result.items);
  if (result.note) reply.note = result.note;
  return reply;
}
