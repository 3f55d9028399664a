import type { StoryDoc } from "../../src/core/stories/index.js";

/** A story-grouping input; the outlet defaults to the id, so every document is its own outlet. */
export function storyDoc(
  id: string,
  title: string,
  text: string,
  publishedAt: string | null = null,
  source = id,
): StoryDoc {
  return { id, title, text, publishedAt, source };
}
