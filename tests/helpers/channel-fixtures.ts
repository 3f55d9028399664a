/** Fictional articles, a controllable clock and a recording poster for the subscription, digest and alert tests. */
import { afterEach } from "vitest";
import type { ChannelPoster, ChannelRef, PostedMessage } from "../../src/core/channel.js";
import type { CoreDeps } from "../../src/core/deps.js";
import type { Reply } from "../../src/core/reply.js";
import { ingest } from "../../src/ingest/pipeline.js";
import { silentLogger } from "../../src/logger.js";
import { openStore } from "../../src/store/open-store.js";
import type { Store } from "../../src/store/store.js";
import { tempDir } from "./ingest-env.js";

export interface FixtureArticle {
  name: string;
  title: string;
  source: string;
  published: string;
  text: string;
}

const fixture = (name: string, source: string, title: string, paragraphs: string[]): FixtureArticle => ({
  name,
  title,
  source,
  published: "2026-05-04",
  text: paragraphs.join("\n\n"),
});

/** One story (grain tariffs in the invented country of Lumen) as three outlets report it. */
export const GRAIN: [FixtureArticle, FixtureArticle, FixtureArticle] = [
  fixture("grain-gazette", "Lumen Gazette", "Lumen raises grain import tariffs to 12 percent", [
    "The Lumen trade ministry raised tariffs on imported grain to 12 percent on Monday, citing a glut of cheap wheat from the Sarn river ports.",
    "Trade minister Edda Varga said the new grain tariffs would take effect on June 1 and would be reviewed after six months.",
    "“Our farmers cannot compete with subsidised Sarn wheat,” Varga told reporters in the capital, Orlin.",
    "Millers in Orlin warned that bread prices could rise by as much as 8 percent once the grain tariffs apply.",
  ]),
  fixture("grain-vessa", "Vessa Daily", "Orlin millers brace for dearer bread after Varga's grain tariffs", [
    "Millers in Orlin said on Monday that bread prices could climb 8 percent after trade minister Edda Varga announced 12 percent tariffs on imported grain.",
    "The tariffs on Sarn wheat start on June 1, according to the Lumen trade ministry, and will be reviewed after six months.",
    "Varga said Lumen farmers could not compete with subsidised wheat shipped from the Sarn river ports.",
    "The Orlin Millers Guild asked the ministry to exempt flour used by school kitchens.",
  ]),
  fixture(
    "grain-coastline",
    "Coastline Wire",
    "Sarn Grain Council protests Lumen's 12 percent wheat tariffs",
    [
      "The Sarn Grain Council on Monday protested the 12 percent tariffs that Lumen trade minister Edda Varga imposed on imported grain and Sarn wheat.",
      "The council said the grain tariffs, due on June 1, breached the 2019 trade pact between Lumen and the Sarn river ports.",
      "Millers in Orlin expect bread prices to rise by up to 8 percent, the Lumen trade ministry conceded.",
      "Varga said the tariffs would be reviewed after six months.",
    ],
  ),
];

/** A second story on tariffs, about steel: excluded by `tariffs -steel`. */
export const STEEL = fixture("steel", "Esk Courier", "Esk puts 25 percent tariffs on imported steel beams", [
  "The Esk provincial council voted on Thursday to put 25 percent tariffs on imported steel beams from the Tarrow foundries.",
  "Council leader Ansel Brook said the steel tariffs would protect 900 jobs at the Esk rolling mill.",
  "Builders in the port of Esk warned that bridge repairs would cost more once the steel tariffs apply.",
]);

/** An unrelated story. */
export const FROST = fixture("frost", "Varden Herald", "Late frost damages Varden valley apple blossoms", [
  "A late frost swept across the orchards of the Varden valley on Wednesday night, damaging apple blossoms on a third of the farms.",
  "Growers lit smudge pots and ran wind machines through the night, but temperatures fell to minus four degrees.",
  "Cooperative chair Tomas Hale estimated the losses at 2.5 million crowns and asked the regional council for support.",
]);

function markdown(a: FixtureArticle): string {
  return `---\ntitle: "${a.title}"\nsource: ${a.source}\npublished: ${a.published}\nurl: https://news.example/${a.name}\n---\n\n${a.text}\n`;
}

/** A clock the test moves by hand. */
export function testClock(start: string) {
  let t = new Date(start).getTime();
  return {
    now: () => new Date(t),
    set: (iso: string) => {
      t = new Date(iso).getTime();
    },
    advance: (ms: number) => {
      t += ms;
    },
  };
}

/** Ingests fixture articles into `store` at the clock's time (each becomes an ingest of its own). */
export async function ingestFixtures(store: Store, now: () => Date, articles: FixtureArticle[]) {
  const { write } = tempDir();
  const paths = articles.map((a) => write(`${a.name}.md`, markdown(a)));
  const report = await ingest(paths, {
    store,
    logger: silentLogger,
    now,
    limits: { maxBytes: 1024 * 1024, fetchTimeoutMs: 1000 },
  });
  if (report.added.length !== articles.length)
    throw new Error(`fixtures not ingested: ${JSON.stringify(report)}`);
  return report.added.map((a) => a.id);
}

/** An in-memory store with core deps on a test clock. */
export async function channelEnv(start = "2026-05-05T06:00:00Z", path = ":memory:") {
  const clock = testClock(start);
  const store = await openStore(path);
  const deps: CoreDeps = { store, now: clock.now, logger: silentLogger };
  return { store, clock, deps };
}

/** A ChannelPoster that records what it posts and edits; it can fail its first `failures` posts. */
export function recordingPoster(platform: ChannelPoster["platform"], failures = 0) {
  const posts: Array<{ channel: ChannelRef; reply: Reply; id: string }> = [];
  const edits: Array<{ channel: ChannelRef; id: string; reply: Reply }> = [];
  let failuresLeft = failures;
  const poster: ChannelPoster = {
    platform,
    async post(channel, reply): Promise<PostedMessage> {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new Error("the chat platform is unavailable");
      }
      const id = `m${posts.length + 1}`;
      posts.push({ channel, reply, id });
      return { id };
    },
    async edit(channel, message, reply) {
      edits.push({ channel, id: message.id, reply });
    },
  };
  return { poster, posts, edits };
}

export const SLACK_GENERAL: ChannelRef = { platform: "slack", workspaceId: "T1", channelId: "C-general" };
export const SLACK_NEWS: ChannelRef = { platform: "slack", workspaceId: "T1", channelId: "C-news" };

/**
 * For a test file: `env()` gives a fresh channelEnv at 2026-05-05 06:00 UTC whose store is closed after each test;
 * `defer(f)` runs `f` after the test too.
 */
export function useChannelEnvs(start = "2026-05-05T06:00:00Z") {
  const cleanup: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const f of cleanup.splice(0)) await f();
  });
  return {
    async env() {
      const e = await channelEnv(start);
      cleanup.push(() => e.store.close());
      return e;
    },
    defer(f: () => Promise<void>) {
      cleanup.push(f);
    },
  };
}

/** The outlets of the first story of an alert or digest Reply. */
export const sourcesOf = (reply: Reply | undefined) =>
  reply?.kind === "brief" ? reply.data.stories[0]?.sources : null;
