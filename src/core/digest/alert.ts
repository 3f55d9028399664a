import type { StoryRecord } from "../../store/analysis.js";
import { Citations } from "../citations.js";
import type { CoreDeps } from "../deps.js";
import type { Reply } from "../reply.js";
import { writeStories } from "../story-writing.js";

/**
 * An alert: one new story on a subscribed topic, summarised with citations and its full source list. Posted once
 * per channel; when later outlets join the story, the same post is edited with this Reply built again. Null when
 * nothing in the story can be quoted.
 */
export async function buildAlert(
  story: StoryRecord,
  topic: string,
  matching: string[],
  deps: Pick<CoreDeps, "store" | "writer">,
): Promise<Reply | null> {
  const citations = new Citations();
  const written = await writeStories([{ story, preferred: matching }], deps, citations);
  const made = written.stories[0];
  if (!made) return null;
  const outlets = story.sourceCount;
  const reply: Reply = {
    kind: "brief",
    title: `New story on ${topic}`,
    intro: `Covered by ${outlets} outlet${outlets === 1 ? "" : "s"} so far.`,
    sections: [made.section],
    citations: citations.list(),
    data: { topic, since: null, stories: [made.story] },
  };
  if (written.note) reply.note = written.note;
  return reply;
}
