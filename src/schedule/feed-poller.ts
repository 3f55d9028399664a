import { type Logger as CronLogger, schedule as cronSchedule } from "node-cron";
import { describeError } from "../errors.js";
import { analyseStored } from "../ingest/pipeline.js";
import { serialize } from "../ingest/serialize.js";
import { cronLogger } from "./cron-logger.js";
import { type FeedPollResult, type PollFeedDeps, pollFeed } from "./poll-feed.js";

export interface FeedPollerDeps extends PollFeedDeps {
  /**
   * Called after a round that stored new articles, once they are analysed and grouped into stories, with their
   * ids: the integrator connects story alerts here. Its errors are logged and never stop polling.
   */
  onIngested?: (articleIds: string[]) => void | Promise<void>;
  /** node-cron's `schedule`, injectable for tests. */
  schedule?: (
    expression: string,
    task: () => Promise<void>,
    options: { name: string; noOverlap: boolean; logger: CronLogger },
  ) => {
    destroy(): void | Promise<void>;
  };
}

/**
 * The cron job ticks every minute and polls the feeds that are due: each feed keeps its own next poll time (the
 * poll interval after a success, the backoff after an error), so any interval from 1 to 1440 minutes, a backoff
 * and a newly added feed are all honoured within a minute.
 */
const TICK = "* * * * *";

/**
 * Polls followed feeds on a schedule, on the injected clock. `pollDue()` polls every feed whose time has come, one
 * after another (a failing feed never stops the others), analyses and groups what was stored, then calls
 * `onIngested`. Rounds never overlap: a call during a round waits for that round instead of starting another.
 */
export class FeedPoller {
  readonly #deps: FeedPollerDeps;
  #round: Promise<FeedPollResult[]> | undefined;
  #task: { destroy(): void | Promise<void> } | undefined;

  constructor(deps: FeedPollerDeps) {
    this.#deps = deps;
  }

  /** Polls the feeds that are due now. */
  pollDue(): Promise<FeedPollResult[]> {
    return this.#exclusive(false);
  }

  /** Polls every feed now, due or not (`newsdesk feeds poll`). */
  pollAll(): Promise<FeedPollResult[]> {
    return this.#exclusive(true);
  }

  #exclusive(all: boolean): Promise<FeedPollResult[]> {
    if (this.#round) return this.#round;
    const round = this.#poll(all).finally(() => {
      this.#round = undefined;
    });
    this.#round = round;
    return round;
  }

  async #poll(all: boolean): Promise<FeedPollResult[]> {
    const { store, logger } = this.#deps;
    const feeds = all ? await store.feeds.list() : await store.feeds.due(this.#deps.now().toISOString());
    const results: FeedPollResult[] = [];
    for (const feed of feeds) {
      try {
        results.push(await pollFeed(feed, this.#deps));
      } catch (err) {
        logger.error({ err, feed: feed.url }, "feed poll could not be recorded");
      }
    }
    const added = results.flatMap((r) => r.added.map((a) => a.id));
    if (added.length === 0) return results;
    try {
      await serialize(store, () => analyseStored({ store, logger }, added.length));
    } catch (err) {
      logger.error({ err }, "analysing polled articles failed");
    }
    try {
      await this.#deps.onIngested?.(added);
    } catch (err) {
      logger.error({ err: describeError(err) }, "onIngested failed");
    }
    return results;
  }

  /** Schedules the polling job and polls once at once. Calling it again does nothing. */
  start(): void {
    if (this.#task) return;
    const schedule = this.#deps.schedule ?? cronSchedule;
    this.#task = schedule(
      TICK,
      async () => {
        await this.#tick();
      },
      {
        name: "newsdesk-feed-poll",
        noOverlap: true,
        logger: cronLogger(this.#deps.logger, "newsdesk-feed-poll"),
      },
    );
    void this.#tick();
  }

  async #tick(): Promise<void> {
    try {
      await this.pollDue();
    } catch (err) {
      this.#deps.logger.error({ err }, "feed polling failed");
    }
  }

  /** Stops the job and waits for a round in progress to finish (so the store can be closed after). */
  async stop(): Promise<void> {
    const task = this.#task;
    this.#task = undefined;
    await task?.destroy();
    await this.#round?.catch(() => {});
  }
}
