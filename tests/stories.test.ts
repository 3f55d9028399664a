import { describe, expect, it } from "vitest";
import {
  assignToStory,
  DEFAULT_THRESHOLD,
  documentFrequencies,
  groupStories,
  type StoryDoc,
  StoryIndex,
  type StoryState,
  storyFeatures,
} from "../src/core/stories/index.js";
import { storyDoc } from "./helpers/story-docs.js";

// Fictional articles (invented countries, people and outlets): the same two leaders in three different events,
// each reported by two outlets, every article recalling the other events as background.
const doc = (id: string, title: string, text: string, publishedAt: string | null = null): StoryDoc =>
  storyDoc(id, title, text, publishedAt, id.replace(/\d+$/, ""));

const meeting1 = doc(
  "meeting1",
  "Marrow and Quill meet for the first time at Continental Cup draw",
  `Vantorian President Ilse Marrow and Essary's Prime Minister Teodor Quill met for forty minutes on Friday on the sidelines of the Continental Cup draw at the Harbour Arena in Port Avel, their first face-to-face meeting.

Marrow said the talk was "frank and friendly" and that both leaders invited each other to visit. The two countries co-host the football tournament next summer, and the draw put their national teams in the same group.

The meeting follows months of friction over Essary's tariffs on Vantorian timber and over border security. Quill has repeatedly offered to send Essary soldiers to fight smugglers on the border, and Marrow has said Vantoria will never accept foreign troops on its soil.`,
);

const meeting2 = doc(
  "meeting2",
  "Football brings rival leaders together before the Continental Cup draw",
  `Teodor Quill and Ilse Marrow will meet face to face for the first time on Friday in Port Avel, where both attend the Continental Cup draw at the Harbour Arena. The prime minister and the president are expected to talk briefly before the ceremony.

Border security will overshadow the football. Quill has pressed Vantoria to accept Essary soldiers against smuggling gangs, an offer Marrow calls an attack on Vantorian sovereignty. Essary has also kept its tariffs on Vantorian timber since January.

"We will talk about football first and trade second," Marrow told reporters on Thursday.`,
);

const call1 = doc(
  "call1",
  "Marrow again turns down Essary troops in 20-minute call with Quill",
  `President Ilse Marrow said she had a "very good conversation" with Prime Minister Teodor Quill on Monday, a 20-minute phone call about smuggling on the border. Marrow requested the call after Quill said last week that smuggling gangs run the border.

Quill again offered to send Essary soldiers, and Marrow again refused. "We told him it is not necessary, and there is our sovereignty," she said.

Quill also said that Essary had stopped 80% of the smuggling by sea. The foreign ministers, Ansel Brook and Mira Tal, will meet in Kessel to agree on tangible results, and Marrow said the two leaders did not discuss the timber tariffs.`,
);

const call2 = doc(
  "call2",
  "Vantoria will cooperate with Essary, but not with its soldiers",
  `Ilse Marrow and Teodor Quill spoke by phone on Monday for about 20 minutes. The Vantorian president had asked for the call after Quill claimed smuggling gangs were running the border.

Quill repeated his offer of Essary troops; Marrow declined once more, saying the cooperation was working and that Vantorian sovereignty made foreign soldiers unnecessary.

Quill told her that Essary had stopped 80 percent of the smuggling by sea and would now turn to the land routes. Foreign ministers Mira Tal and Ansel Brook are to meet in Kessel to show tangible results. The tariffs on timber were not discussed.`,
);

const troops1 = doc(
  "troops1",
  "Marrow rejects Quill's proposal to send troops across the border",
  `President Ilse Marrow delivered a firm rebuke to Prime Minister Teodor Quill on Saturday, rejecting his proposal to let Essary troops cross into Vantoria to fight smuggling gangs. Speaking at the opening of a university in Lunde, Marrow revealed that Quill had made the proposal in a phone call.

"We can cooperate, we can share information, but we will never accept the presence of the Essary army on our soil," she said.

The Harbour Courier had reported that Quill pressed Marrow to let Essary forces lead the fight against the gangs. Quill has also imposed tariffs on Vantorian timber since January.`,
);

const troops2 = doc(
  "troops2",
  "'Never': Marrow says no to Essary army on Vantorian soil",
  `Vantoria will not let the Essary army cross its border, President Ilse Marrow said on Saturday at a university opening in Lunde, confirming a Harbour Courier report that Prime Minister Teodor Quill had proposed sending troops against the smuggling gangs.

Marrow said the proposal came during a phone call. "Share information, yes. The presence of the Essary army on our soil, never," she said.

Quill's office said Essary stands ready to help. The row comes as Vantoria seeks to roll back the Essary tariffs on timber.`,
);

const SAME_ACTORS = [meeting1, call1, troops1, meeting2, call2, troops2];

/** The grouping as sorted lists of article ids, independent of story ids and order. */
function partition(stories: readonly StoryState[]): string[][] {
  return stories.map((s) => [...s.articleIds].sort()).sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
}

const EXPECTED = [
  ["call1", "call2"],
  ["meeting1", "meeting2"],
  ["troops1", "troops2"],
];

describe("groupStories", () => {
  it("groups two outlets on the same event and separates three events with the same two leaders", () => {
    expect(partition(groupStories(SAME_ACTORS))).toEqual(EXPECTED);
  });

  it("does not depend on the arrival order", () => {
    const orders = [
      [troops2, call2, meeting2, troops1, call1, meeting1],
      [call1, troops1, call2, meeting1, troops2, meeting2],
      [meeting2, meeting1, troops1, troops2, call2, call1],
    ];
    for (const order of orders) expect(partition(groupStories(order))).toEqual(EXPECTED);
  });

  it("keeps the events apart when the articles carry their dates", () => {
    const dated = [
      { ...meeting1, publishedAt: "2026-05-08" },
      { ...meeting2, publishedAt: "2026-05-08T21:30:00Z" },
      { ...call1, publishedAt: "2026-05-18" },
      { ...call2, publishedAt: "2026-05-19" },
      { ...troops1, publishedAt: "2026-06-20" },
      { ...troops2, publishedAt: "2026-06-20" },
    ];
    const stories = groupStories(dated);
    expect(partition(stories)).toEqual(EXPECTED);
    const meeting = stories.find((s) => s.articleIds.includes("meeting1"));
    expect(meeting?.start).toBe(Date.UTC(2026, 4, 8));
    expect(meeting?.end).toBe(Date.UTC(2026, 4, 8));
  });

  it("opens a new story for the same kind of event weeks later", () => {
    const flood = (id: string, date: string, text: string): StoryDoc =>
      doc(id, "River Avel floods Harbour Road in Port Avel", text, date);
    const january = flood(
      "flood1",
      "2026-01-10",
      "The River Avel burst its banks in Port Avel on Saturday, flooding Harbour Road and the fish market. Firefighters pumped water from 40 homes and the road stays closed to traffic. The city council said the flood barrier at the harbour failed.",
    );
    const januaryOther = flood(
      "flood2",
      "2026-01-10",
      "Harbour Road in Port Avel is under water after the River Avel flooded on Saturday. Firefighters pumped out 40 homes near the fish market. The council blamed a failed flood barrier and closed the road to traffic.",
    );
    const march = flood(
      "flood3",
      "2026-03-01",
      "The River Avel flooded Harbour Road in Port Avel again on Sunday, and firefighters pumped water from homes near the fish market. The council closed the road to traffic while the flood barrier was inspected.",
    );
    expect(partition(groupStories([january, januaryOther, march]))).toEqual([
      ["flood1", "flood2"],
      ["flood3"],
    ]);
    // Without dates nothing tells the two floods apart: the date is what separates them.
    const undated = [january, januaryOther, march].map((d) => ({ ...d, publishedAt: null }));
    expect(partition(groupStories(undated))).toEqual([["flood1", "flood2", "flood3"]]);
  });

  it("is deterministic", () => {
    const a = groupStories(SAME_ACTORS);
    const b = groupStories(SAME_ACTORS);
    expect(b).toEqual(a);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
  });

  it("returns no stories for no articles", () => {
    expect(groupStories([])).toEqual([]);
  });
});

describe("assignToStory", () => {
  const { df, totalDocs } = documentFrequencies(SAME_ACTORS);
  const features = new Map(SAME_ACTORS.map((d) => [d.id, storyFeatures(d, df, totalDocs)]));
  const featuresOf = (id: string) => {
    const f = features.get(id);
    if (!f) throw new Error(id);
    return f;
  };

  it("gives the same stories incrementally, with candidates from an index, as the batch grouping", () => {
    // As a store would: stories persisted as JSON between arrivals, only candidates passed in.
    let stored: StoryState[] = [];
    const index = new StoryIndex();
    for (const d of SAME_ACTORS) {
      const f = featuresOf(d.id);
      const all = assignToStory(f, d.id, JSON.parse(JSON.stringify(stored)) as StoryState[]);
      const viaIndex = assignToStory(f, d.id, index.candidates(f));
      expect(viaIndex).toEqual(all);
      index.upsert(viaIndex.story);
      stored = all.created
        ? [...stored, all.story]
        : stored.map((s) => (s.id === all.story.id ? all.story : s));
    }
    expect(stored).toEqual(groupStories(SAME_ACTORS, { df, totalDocs }));
    expect(index.all()).toEqual(stored);
  });

  it("opens a story for the first article and joins a second outlet on the same event", () => {
    const first = assignToStory(featuresOf("call1"), "call1", []);
    expect(first.created).toBe(true);
    expect(first.story.id).toBe("story-call1");
    expect(first.story.articleIds).toEqual(["call1"]);
    const second = assignToStory(featuresOf("call2"), "call2", [first.story]);
    expect(second.created).toBe(false);
    expect(second.story.id).toBe("story-call1");
    expect(second.story.articleIds).toEqual(["call1", "call2"]);
    expect(first.story.articleIds).toEqual(["call1"]); // the input story is not changed
  });

  it("keeps a different event with the same leaders out of a story", () => {
    const call = assignToStory(featuresOf("call1"), "call1", []).story;
    const both = assignToStory(featuresOf("call2"), "call2", [call]).story;
    const troops = assignToStory(featuresOf("troops1"), "troops1", [both]);
    expect(troops.created).toBe(true);
  });

  it("uses the threshold and the id factory given", () => {
    const call = assignToStory(featuresOf("call1"), "call1", []).story;
    const strict = assignToStory(featuresOf("call2"), "call2", [call], {
      threshold: 0.99,
      newId: () => "s-2",
    });
    expect(strict).toMatchObject({ created: true, story: { id: "s-2", articleIds: ["call2"] } });
    const loose = assignToStory(featuresOf("troops1"), "troops1", [call], { threshold: 0.01 });
    expect(loose.created).toBe(false);
    expect(DEFAULT_THRESHOLD).toBeGreaterThan(0.01);
  });

  it("keeps story state small however many articles join", () => {
    let story = assignToStory(featuresOf("call1"), "a0", []).story;
    for (let i = 1; i < 200; i++) {
      const id = i % 2 === 0 ? "call1" : "call2";
      story = assignToStory(featuresOf(id), `a${i}`, [story], { threshold: 0 }).story;
    }
    expect(story.articleIds).toHaveLength(200);
    expect(story.centroid.length).toBeLessThanOrEqual(100);
    expect(story.entities.length).toBeLessThanOrEqual(20);
  });

  it("never joins a story more than three weeks away", () => {
    const dated = (d: StoryDoc, date: string) => storyFeatures({ ...d, publishedAt: date }, df, totalDocs);
    const story = assignToStory(dated(call1, "2026-05-18"), "call1", []).story;
    expect(assignToStory(dated(call2, "2026-05-19"), "call2", [story]).created).toBe(false);
    expect(assignToStory(dated(call2, "2026-07-01"), "call2", [story]).created).toBe(true);
    const index = new StoryIndex();
    index.upsert(story);
    expect(index.candidates(dated(call2, "2026-07-01"))).toEqual([]);
    expect(index.candidates(dated(call2, "2026-05-19"))).toHaveLength(1);
  });
});
