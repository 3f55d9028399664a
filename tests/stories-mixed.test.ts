import { describe, expect, it } from "vitest";
import {
  assignToStory,
  DEFAULT_THRESHOLD,
  documentFrequencies,
  documentKeys,
  groupStories,
  newStory,
  type StoryDoc,
  StoryIndex,
  type StoryState,
  storyFeatures,
} from "../src/core/stories/index.js";
import { probeOf, storyScore } from "../src/core/stories/similarity.js";
import { storyDoc } from "./helpers/story-docs.js";

// Everything here is invented: countries, people, places, outlets and events. The hard case of story grouping: the
// same two leaders in three different events (a meeting, a phone call, a speech rejecting troops), each reported by
// two or three outlets that all recall the other events, among a few dozen unrelated articles. In such a corpus the
// leaders' names and their running topic (smuggling, troops, sovereignty, tariffs) are rare, so they weigh more than
// anything else, and only event words, numbers and weekdays tell the events apart. Only one article is dated.

const doc = storyDoc;

const meeting1 = doc(
  "meeting1",
  "",
  `President Ilka Varga of Dovria said on Friday that her first face-to-face meeting with Westmarch Prime Minister Arlen Coss had been "cordial", after the two leaders spent about an hour together at the opening ceremony of the Harbour Games in Selby.

"We will find a date for a visit soon," Varga told reporters outside the Selby Maritime Museum. Both leaders invited each other to visit, and their trade ministers will keep talking about the steel tariffs.

The meeting followed months of friction between Dovria and Westmarch over smuggling on the Orr river, over the steel tariffs and over Coss's repeated offers to send Westmarch troops to fight the river gangs. Varga has always refused, saying Dovrian sovereignty is not negotiable.

Dovria and Westmarch co-host the Harbour Games, which run until the end of the month. The two leaders watched the sailing parade from the museum terrace with the games committee.`,
  "2031-06-06",
);

const meeting2 = doc(
  "meeting2",
  "Smuggling row overshadows first Varga–Coss meeting",
  `Dovria's president, Ilka Varga, and Westmarch's prime minister, Arlen Coss, will meet face to face for the first time on Friday, when both attend the opening ceremony of the Harbour Games in Selby. Officials expect a short meeting before the sailing parade.

The meeting comes at a tense moment. Coss has repeatedly said that gangs run the Orr river and has offered to send Westmarch soldiers to Dovria, an idea Varga calls an attack on Dovrian sovereignty. Westmarch has also kept its tariffs on Dovrian steel since January.

After dozens of calls and letters, it took the games to bring the neighbours together. The leaders are expected to discuss the games, trade and river security.`,
);

const meeting3 = doc(
  "meeting3",
  "Varga and Coss meet at Harbour Games opening",
  `Ilka Varga and Arlen Coss met for about an hour on Friday at the opening of the Harbour Games in Selby, their first face-to-face meeting since Coss took office.

The Dovrian president described the meeting as "cordial and useful". The Westmarch prime minister said they had talked about the games, the steel tariffs and the Orr river, and that the two teams would keep working on trade.

Coss has pressed Dovria for months to accept Westmarch troops against the river smugglers, and Varga has refused each time, citing sovereignty. Neither leader mentioned troops after the meeting at the Selby Maritime Museum.`,
);

const call1 = doc(
  "call1",
  "Dovria will work with Westmarch, but not with its soldiers",
  `Dovrian President Ilka Varga held a 20-minute phone call with Westmarch Prime Minister Arlen Coss focused on security on the Orr river. Varga said the conversation was "very good" but repeated that Dovria would not allow Westmarch troops to operate against the river gangs on Dovrian soil.

Varga asked for the call after Coss said last week that gangs run the river. Coss repeated his offer to send soldiers, and Varga declined again, saying Dovrian sovereignty made such help unnecessary.

Coss told her that Westmarch had stopped 90% of the smuggling by boat and would now turn to the roads. The foreign ministers, Ods Kell and Lina Marr, are to meet to show results. The steel tariffs were not discussed.`,
);

const call2 = doc(
  "call2",
  "Varga says call with Coss was 'very good'",
  `Ilka Varga said she had a "very good conversation" with Arlen Coss on Monday, a call that lasted about 20 minutes and focused on the river gangs and smuggling on the Orr.

The Dovrian president requested the call after a week of sharp words from Coss, who said the gangs run the river. Coss again offered Westmarch troops, Varga said, and she again refused: "We told him it is not necessary, and there is our sovereignty."

According to Varga, Coss said Westmarch had stopped 90 percent of the smuggling by boat. Foreign ministers Lina Marr and Ods Kell will meet in Tarn next month.`,
);

const call3 = doc(
  "call3",
  "Coss repeats troop offer in 20-minute call",
  `Westmarch Prime Minister Arlen Coss repeated his offer to send troops against the Orr river gangs in a 20-minute phone call with Dovrian President Ilka Varga on Monday, Varga said.

She turned the offer down. "We can cooperate, but there is our sovereignty," she said, adding that the call had been very good. Coss claimed that Westmarch had stopped 90% of the smuggling by boat.

The call came after Coss said the gangs run the river. The two leaders also asked their foreign ministers, Ods Kell and Lina Marr, to meet soon.`,
);

const speech1 = doc(
  "speech1",
  "Varga rejects Coss's plan to send troops across the border",
  `President Ilka Varga delivered a firm rebuke to Westmarch Prime Minister Arlen Coss on Saturday, rejecting his proposal to let Westmarch troops cross into Dovria to fight the river gangs. Speaking at the opening of a children's hospital in Tarn, Varga revealed that Coss had made the proposal in a phone call.

"We can cooperate, we can share information, but we will never accept foreign soldiers on our soil," she said.

The Selby Ledger had reported that Coss pressed Varga to let Westmarch forces lead the fight against the smugglers. Westmarch has also kept tariffs on Dovrian steel since January.`,
);

const speech2 = doc(
  "speech2",
  "'Never': Varga says no to Westmarch troops on Dovrian soil",
  `Dovria will not let Westmarch troops cross its border, President Ilka Varga said on Saturday at the opening of a children's hospital in Tarn, confirming a Selby Ledger report that Prime Minister Arlen Coss had proposed sending soldiers against the Orr river gangs.

Varga said the proposal had come during a phone call. "Share information, yes. Foreign soldiers on our soil, never," she said to applause from doctors and nurses.

Coss's office said Westmarch stood ready to help. The row comes as Dovria tries to end the Westmarch tariffs on its steel.`,
);

const TARGETS = [meeting1, meeting2, meeting3, call1, call2, call3, speech1, speech2];
const EXPECTED = [
  ["call1", "call2", "call3"],
  ["meeting1", "meeting2", "meeting3"],
  ["speech1", "speech2"],
];

// Unrelated articles, as a newsroom store holds them: other countries, sport, business, science, culture, weather.
// A few use the same topic words in other senses (troops, border, tariffs, a phone call).
const UNRELATED = [
  "Keldport council approves new tram line. The eastern line will link the harbour to the university by 2034, the council decided after a long debate about costs and noise.",
  "Lowmere wins the river regatta for the third year. The rowing club from Lowmere beat Ashby by two lengths on a cold, windy afternoon on the lake.",
  "Bakers in Fenwick protest against flour prices. Dozens of bakers closed their shops for a day to protest against the rising price of flour and electricity.",
  "Astronomers at the Hallow observatory spot a new comet. The comet, named Ferris-Lund, will be visible with binoculars in the northern sky next spring.",
  "Museum in Corran returns stolen paintings. Three paintings stolen in a night raid four years ago were found in a barn and returned to the Corran city museum.",
  "Storm Petra cuts power to thousands in the hills. Fallen trees blocked roads and cut power lines, leaving about 12,000 homes without electricity overnight.",
  "Grainco reports record harvest profits. The farm cooperative said profits rose 14% after a good harvest and higher prices for barley and oats.",
  "Singer Mira Folk cancels autumn tour. The folk singer cancelled twenty concerts after a throat operation and said she hopes to perform again next year.",
  "Peacekeeping troops leave the Isle of Marn. The last of the island's peacekeeping troops sailed home after a ten-year mission that ended with a peace treaty.",
  "Carrow Bank raises interest rates. The central bank of Carrow raised its main rate by half a point to fight inflation, which reached 6% last month.",
  "Ferry strike ends after pay deal. Ferry crews on the northern routes returned to work after unions accepted a pay rise of 5% over two years.",
  "New bridge opens over the Sallow estuary. The suspension bridge cuts the drive between the two coastal towns from an hour to fifteen minutes.",
  "Wildfire near Brenna under control. Firefighters contained the wildfire that burned 800 hectares of forest near the village of Brenna.",
  "Robotics team from Ostvale wins school contest. Pupils from Ostvale built a robot that sorts recycling and won the national school engineering prize.",
  "Tariffs on imported cheese anger cafe owners in Dunmore. Cafe owners said the new tariffs on cheese from abroad will push up the price of sandwiches.",
  "Hospital in Greywick opens cancer ward. The new ward has forty beds and two treatment machines, and was paid for by a public appeal.",
  "Chess prodigy, 12, beats grandmaster in Velt. Twelve-year-old Anouk Brel beat a grandmaster in the open tournament and qualified for the national final.",
  "Floods close the coast road near Pellam. Heavy rain flooded the coast road and several farms, and the army helped move cattle to higher ground.",
  "Tech firm Lumio cuts 300 jobs. The software company blamed falling sales of its video editing tools and said most cuts will hit its sales offices.",
  "Border crossing at Haddon to open at night. Lorries will be able to cross the border at Haddon around the clock from March to reduce queues.",
  "Cyclist Jon Arvid wins mountain stage. Arvid attacked on the last climb and won the queen stage of the Tour of the Fells by forty seconds.",
  "Archaeologists find Bronze Age boat in Mossley bog. The wooden boat is about 3,500 years old and remarkably well preserved, the team said.",
  "Teachers in Rundale vote for strike. The teachers' union said members voted for three days of strikes over class sizes and pay.",
  "Zoo in Kestra welcomes twin snow leopards. The two cubs were born in the spring and were shown to visitors for the first time this week.",
  "Phone call scam warning from Calloway police. Police warned older residents about callers pretending to be bank staff who ask for card numbers.",
  "Shipyard in Norhaven wins ferry order. The yard will build two electric ferries for the lake routes, securing 400 jobs for five years.",
  "Drought forces water limits in the southern valleys. Farmers may water crops only at night, and garden hoses are banned until the reservoirs refill.",
  "Film about lighthouse keepers wins festival prize. The quiet drama, shot on a remote island, won the main prize at the Aldby film festival.",
  "Price of train tickets to rise in January. The rail company said fares will rise by 4% on average, less than inflation, to pay for new carriages.",
  "Footballers of Tamsby reach cup final. Tamsby beat the league leaders on penalties after a goalless draw and will play in the cup final in May.",
  "Mine rescue drill tests emergency teams in Carrick. More than a hundred rescuers took part in the exercise, which simulated a collapse in a tunnel.",
  "University of Wenlow starts course in river ecology. The new course will train students to restore rivers and wetlands damaged by farming.",
].map((text, i) => {
  const dot = text.indexOf(". ");
  return doc(`other${i}`, text.slice(0, dot), text.slice(dot + 2));
});

/** The targets at the given positions among the unrelated articles. */
function corpus(order: readonly StoryDoc[]): StoryDoc[] {
  const out = [...UNRELATED];
  order.forEach((d, i) => {
    out.splice(Math.floor(((i + 1) * out.length) / (order.length + 1)), 0, d);
  });
  return out;
}

/** The grouping of the target articles as sorted lists of ids; any unrelated article in their stories is listed. */
function partition(stories: readonly StoryState[]): string[][] {
  const targets = new Set(TARGETS.map((d) => d.id));
  return stories
    .filter((s) => s.articleIds.some((id) => targets.has(id)))
    .map((s) => [...s.articleIds].sort())
    .sort((a, b) => (a[0] ?? "").localeCompare(b[0] ?? ""));
}

/** Arrival orders: as listed, reversed, interleaved, and each event's weakest article first. */
const ORDERS: StoryDoc[][] = [
  TARGETS,
  [...TARGETS].reverse(),
  [call1, speech1, meeting2, call2, speech2, meeting1, call3, meeting3],
  [speech2, meeting3, call3, speech1, meeting1, call2, meeting2, call1],
  [meeting2, call2, speech1, meeting1, call3, speech2, meeting3, call1],
  [call2, meeting1, speech2, call1, meeting2, speech1, call3, meeting3],
];

/** As the store groups: each article weighed by the document frequencies of the articles before it and itself. */
function groupIncrementally(docs: readonly StoryDoc[]): StoryState[] {
  const counts = new Map<string, number>();
  const index = new StoryIndex();
  docs.forEach((d, seen) => {
    const features = storyFeatures(d, (k) => (counts.get(k) ?? 0) + 1, seen + 1);
    for (const k of new Set(documentKeys(d))) counts.set(k, (counts.get(k) ?? 0) + 1);
    index.upsert(assignToStory(features, d.id, index.candidates(features)).story);
  });
  return index.all();
}

describe("grouping the same two leaders' events among unrelated news", () => {
  it("is the hard case: different events of the two leaders look alike on similarity alone", () => {
    const docs = corpus(TARGETS);
    const { df, totalDocs } = documentFrequencies(docs);
    const f = (d: StoryDoc) => storyFeatures(d, df, totalDocs);
    // The leaders' names are rare: only their own eight articles among forty name them.
    expect(df("varga")).toBe(TARGETS.length);
    expect(df("@coss")).toBe(TARGETS.length);
    expect(totalDocs).toBe(TARGETS.length + UNRELATED.length);
    // A call and the speech about the troop offer score above the threshold without their cues.
    const score = (a: StoryDoc, b: StoryDoc) =>
      storyScore(probeOf(f(a)), newStory({ ...f(b), cues: [] }, b.id, b.id));
    expect(score(speech1, call1)).toBeGreaterThan(DEFAULT_THRESHOLD);
    expect(score(call3, speech2)).toBeGreaterThan(DEFAULT_THRESHOLD);
  });

  it("keeps the meeting, the call and the speech apart in every arrival order, with corpus-wide weights", () => {
    for (const order of ORDERS) expect(partition(groupStories(corpus(order)))).toEqual(EXPECTED);
  });

  it("does the same when each article is weighed by the articles stored before it, as the store does", () => {
    for (const order of ORDERS) expect(partition(groupIncrementally(corpus(order)))).toEqual(EXPECTED);
  });

  it("assigns the same among the candidates that reach the threshold as among all candidates", () => {
    const docs = corpus(ORDERS[2] ?? TARGETS);
    const { df, totalDocs } = documentFrequencies(docs);
    const index = new StoryIndex();
    let pruned = 0;
    for (const d of docs) {
      const f = storyFeatures(d, df, totalDocs);
      const all = index.candidates(f);
      const some = index.candidates(f, DEFAULT_THRESHOLD);
      pruned += all.length - some.length;
      const result = assignToStory(f, d.id, all);
      expect(assignToStory(f, d.id, some)).toEqual(result);
      index.upsert(result.story);
    }
    expect(pruned).toBeGreaterThan(0);
  });

  it("still groups the unrelated articles on their own", () => {
    const stories = groupStories(corpus(TARGETS));
    const targets = new Set(TARGETS.map((d) => d.id));
    for (const s of stories) {
      if (s.articleIds.some((id) => targets.has(id))) continue;
      expect(s.articleIds).toHaveLength(1);
    }
  });
});
