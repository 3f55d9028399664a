/**
 * Story grouping: articles reporting the same event (two outlets on the same phone call) become one story,
 * updated incrementally as articles arrive. Pure and platform-neutral: no I/O; the store persists the
 * `StoryFeatures` of each article and the `StoryState` of each story as JSON.
 *
 * Method (`storyFeatures`): each article becomes one TF-IDF vector, idf = ln(1 + N / df), over stemmed words
 * (English stop words and titles such as "president" removed), named entities (`@`, capitalized names) and numbers
 * with units (`#`, weighted 3×). The title and lead count more and later paragraphs less (news puts the event first
 * and the background last); lines that share little vocabulary with the article or are in another language (junk the
 * cleaner missed) count little. Only the heaviest keys are kept: 40 words, 12 entities, 8 numbers.
 *
 * Assignment (`assignToStory`): the score of an article for a story is a·c / sqrt(|c|), c being the mean of the
 * members' vectors (between the cosine to the centroid and the average cosine to the members), times a time factor
 * (`timeFactor`: 1 within two days, halving every three days, 0 beyond three weeks). The article joins the best
 * story when the score reaches the threshold (0.2), else opens a new story. Shared names alone are not enough: a
 * name is a few keys among ~60, so event words, numbers and dates decide.
 *
 * Scale: a story is at most 100 weighted keys however many articles it has. Pass `assignToStory` only the
 * candidate stories (those sharing a `candidateKeys` key with the article and within `MAX_GAP_DAYS` of it): the
 * result is the same as with all stories. `StoryIndex` does this in memory; a store can keep the same postings
 * (key → story id) in a table, and count `documentKeys` of each article for `df`.
 */

export {
  addToStory,
  assignToStory,
  CENTROID_SIZE,
  candidateKeys,
  DEFAULT_THRESHOLD,
  newStory,
} from "./assign.js";
export { dayOf, MAX_GAP_DAYS, timeFactor } from "./doc-time.js";
export { documentFrequencies, documentKeys, storyFeatures } from "./features.js";
export { type GroupOptions, groupStories } from "./group.js";
export { storyHeadline } from "./headline.js";
export { StoryIndex } from "./story-index.js";
export type {
  AssignOptions,
  AssignResult,
  DocFrequency,
  StoryDoc,
  StoryFeatures,
  StoryState,
} from "./types.js";
