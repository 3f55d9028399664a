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
 * Event cues (`cues.ts`): besides the vector, each article records on which weekday its event happened and whether
 * it was a phone call or a meeting (`%day:friday`, `%kind:call`), weighted like any mention by where they stand.
 * They never count as similarity; they only tell events apart.
 *
 * Assignment (`assignToStory`): the score of an article for a story is a·c / sqrt(|c|), c being the mean of the
 * members' vectors (between the cosine to the centroid and the average cosine to the members), times a time factor
 * (`timeFactor`: 1 within two days, halving every three days, 0 beyond three weeks). The article joins the best
 * story when the score reaches the threshold (0.2), else opens a new story.
 *
 * Shared names alone are not enough. In a store of many topics the names of two leaders who meet, call and spar
 * over months are rare, so they outweigh everything else, and every article about them would look like the same
 * event. So when the cues of the article and the story disagree (days more than a day apart, a call against a
 * meeting), the cast they share (the article's heaviest names that the story also names, and their words) counts
 * for nothing and the rest of the evidence a little less; and when the cues cannot decide (both report a call, only
 * one names its day) and no dates do either, the shared cast may carry at most half of the score. Event words,
 * numbers and dates decide.
 *
 * Scale: a story is at most 100 weighted keys (and a few cues) however many articles it has. Pass `assignToStory`
 * only the candidate stories (those sharing a `candidateKeys` key with the article and within `MAX_GAP_DAYS` of it):
 * the result is the same as with all stories. `StoryIndex` does this in memory, and given the threshold it scores
 * the candidates through its postings and passes on only those that reach it (same result, ~10× faster when many
 * stories share a word); a store can keep the same postings (key → story id) in a table, and count `documentKeys`
 * of each article for `df`. An article analysed for both its keys and its features is best read once
 * (`analyseDocument`): reading the text is most of the cost of either.
 */

export {
  addToStory,
  assignToStory,
  CENTROID_CUES,
  CENTROID_SIZE,
  candidateKeys,
  DEFAULT_THRESHOLD,
  newStory,
} from "./assign.js";
export { isCue } from "./cues.js";
export { dayOf, MAX_GAP_DAYS, timeFactor } from "./doc-time.js";
export {
  analyseDocument,
  type DocumentAnalysis,
  documentFrequencies,
  documentKeys,
  storyFeatures,
} from "./features.js";
export { type GroupOptions, groupFeatures, groupStories } from "./group.js";
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
