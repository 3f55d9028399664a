import { describe, expect, it } from "vitest";
import { compareCues, extractCues } from "../src/core/stories/cues.js";
import {
  addToStory,
  assignToStory,
  DEFAULT_THRESHOLD,
  newStory,
  type StoryDoc,
  StoryIndex,
  type StoryState,
  storyFeatures,
} from "../src/core/stories/index.js";
import { probeOf, storyScore } from "../src/core/stories/similarity.js";

const cues = (text: string): Record<string, number> =>
  Object.fromEntries(extractCues(text, () => 1).map(([k, w]) => [k, w]));

const doc = (id: string, text: string, title = ""): StoryDoc => ({
  id,
  title,
  text,
  publishedAt: null,
  source: id,
});

describe("event cues", () => {
  it("reads the weekday of the event and whether it was a call or a meeting", () => {
    expect(cues("Varga and Coss met face to face on Friday in Selby.")).toEqual({
      "%day:friday": 1,
      "%kind:meeting": 1,
    });
    expect(cues("They met in Selby, then met again at the summit.")).toEqual({ "%kind:meeting": 3 });
    expect(cues("The two leaders spoke in a 20-minute phone call on Monday.")).toEqual({
      "%day:monday": 1,
      "%kind:call": 1,
    });
    expect(cues("Coss phoned Varga. The call lasted 20 minutes.")).toEqual({ "%kind:call": 2 });
  });

  it("leaves out days that are not the event's and uses of the words that are not an exchange", () => {
    expect(cues("The talks continue next Friday. Published: Monday, 3 March 2031.")).toEqual({});
    expect(cues("Sunday, March 17, 2031 | 5:00 PM")).toEqual({});
    expect(
      cues("The mayor made a call for calm. The plant is meeting its targets. The plan met with criticism."),
    ).toEqual({});
  });

  it("weighs each mention by where it is", () => {
    const text = "They met on Friday. Much later in the article: the Monday before, he had phoned her.";
    const weighted = extractCues(text, (at) => (at < 20 ? 1.5 : 0.1));
    expect(weighted).toEqual([
      ["%day:friday", 1.5],
      ["%kind:meeting", 1.5],
      ["%day:monday", 0.1],
      ["%kind:call", 0.1],
    ]);
  });

  it("tells apart days more than a day apart, and a call from a meeting", () => {
    const friday: Array<[string, number]> = [["%day:friday", 1.5]];
    expect(compareCues(friday, [["%day:monday", 1.5]])).toBe("different");
    // Reports often give the next day ("officials said Saturday" about Friday's shooting).
    expect(compareCues(friday, [["%day:saturday", 1.5]])).toBe("consistent");
    expect(compareCues([["%kind:call", 2]], [["%kind:meeting", 2]])).toBe("different");
    expect(compareCues([["%kind:call", 2]], [["%kind:call", 1]])).toBe("consistent");
    // A passing mention says nothing.
    expect(compareCues(friday, [["%day:monday", 0.2]])).toBe("consistent");
    expect(compareCues(friday, [])).toBe("consistent");
  });

  it("cannot decide when both report a call but only one names its day", () => {
    expect(
      compareCues(
        [["%kind:call", 2]],
        [
          ["%kind:call", 1.5],
          ["%day:saturday", 1.5],
        ],
      ),
    ).toBe("undecided");
    expect(compareCues([["%day:monday", 1.5]], [["%day:saturday", 1.5]])).toBe("different");
  });
});

describe("cues in features and stories", () => {
  const call = doc(
    "call",
    "Ilka Varga said she had a very good conversation with Arlen Coss on Monday, a 20-minute phone call about the river gangs. Varga refused Coss's offer of troops, citing sovereignty.",
  );
  const meeting = doc(
    "meeting",
    "Ilka Varga and Arlen Coss met face to face on Friday at the Harbour Games in Selby. Varga refused Coss's offer of troops, citing sovereignty, and the leaders talked about steel tariffs.",
  );

  it("keeps cues and the names' words beside the vector, which stays unit length", () => {
    const f = storyFeatures(call);
    expect(f.cues).toEqual(
      expect.arrayContaining([
        expect.arrayContaining(["%day:monday"]),
        expect.arrayContaining(["%kind:call"]),
      ]),
    );
    expect(f.terms.some(([k]) => k.startsWith("%"))).toBe(false);
    expect(Math.sqrt(f.terms.reduce((s, [, w]) => s + w * w, 0))).toBeCloseTo(1, 3);
    expect(f.nameWords?.coss).toEqual(expect.arrayContaining(["arlen", "coss"]));
  });

  it("keeps a story's cues after its vector keys, out of its similarity and its candidate keys", () => {
    const f = storyFeatures(call);
    const story = addToStory(newStory(f, "a", "s"), storyFeatures(meeting), "b");
    const firstCue = story.centroid.findIndex(([k]) => k.startsWith("%"));
    expect(firstCue).toBeGreaterThan(0);
    expect(story.centroid.slice(firstCue).every(([k]) => k.startsWith("%"))).toBe(true);
    const withoutCues: StoryState = { ...story, centroid: story.centroid.slice(0, firstCue) };
    expect(storyScore(probeOf(f), story)).toBe(storyScore(probeOf(f), withoutCues));
    const index = new StoryIndex();
    index.upsert(story);
    expect(index.candidates({ ...f, terms: [["%day:monday", 1]] })).toEqual([]);
  });

  it("keeps a meeting and a call of the same two leaders apart when their cues disagree", () => {
    const f = storyFeatures(call);
    const g = storyFeatures(meeting);
    const story = newStory(g, "meeting", "s");
    // Similar enough on names and topic alone...
    expect(storyScore(probeOf(f), story)).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(assignToStory({ ...f, cues: [] }, "call", [story]).created).toBe(false);
    // ...but not once the call on Monday meets the meeting on Friday.
    expect(assignToStory(f, "call", [story]).created).toBe(true);
  });
});
