import type { Reply } from "../../core/reply.js";
import type { Logger } from "../../logger.js";

export interface ProgressOptions {
  now: () => Date;
  /** Least time between two updates. */
  intervalMs: number;
  /** Most updates (a response_url takes 5 messages in all). */
  maxUpdates: number;
  logger: Pick<Logger, "warn">;
}

/**
 * Throttles partial answers (CommandContext.onProgress) into message edits: at most one per `intervalMs` and
 * `maxUpdates` in all; partials in between are dropped (the next one, or the final answer, replaces them).
 * Updates are sent one after the other, and `close()` waits for the last, so the final answer comes after them.
 */
export class ProgressGate {
  private last = Number.NEGATIVE_INFINITY;
  private count = 0;
  private delivered = 0;
  private closed = false;
  private chain: Promise<void> = Promise.resolve();

  constructor(
    private readonly send: (partial: Reply, index: number) => Promise<void>,
    private readonly options: ProgressOptions,
  ) {}

  /** The onProgress callback. */
  readonly offer = (partial: Reply): void => {
    if (this.closed || this.count >= this.options.maxUpdates || partial.kind === "error") return;
    const t = this.options.now().getTime();
    if (t - this.last < this.options.intervalMs) return;
    this.last = t;
    const index = this.count++;
    this.chain = this.chain.then(() =>
      this.send(partial, index).then(
        () => {
          this.delivered++;
        },
        (err: unknown) => {
          this.options.logger.warn({ err }, "progress update not delivered");
        },
      ),
    );
  };

  /** Stops taking updates; once the last is done, resolves with how many were delivered. */
  async close(): Promise<number> {
    this.closed = true;
    await this.chain;
    return this.delivered;
  }
}
