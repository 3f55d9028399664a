/** The time a command gives the model in all: aborts requests when it passes and never lets a caller wait longer. */
export class Deadline {
  readonly #controller = new AbortController();
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #expired: Promise<never>;

  constructor(ms: number) {
    let expire: (err: Error) => void = () => {};
    this.#expired = new Promise<never>((_, reject) => {
      expire = reject;
    });
    // Nobody may be racing when it expires.
    this.#expired.catch(() => {});
    this.#timer = setTimeout(() => {
      this.#controller.abort();
      expire(new Error(`deadline of ${ms} ms passed`));
    }, ms);
  }

  /** Aborted when the deadline passes: hand it to requests. */
  get signal(): AbortSignal {
    return this.#controller.signal;
  }

  get passed(): boolean {
    return this.#controller.signal.aborted;
  }

  /** `work`, or a rejection as soon as the deadline passes, whichever comes first. */
  race<T>(work: Promise<T>): Promise<T> {
    work.catch(() => {});
    return Promise.race([work, this.#expired]);
  }

  /** Stops the timer once the command is written. */
  clear(): void {
    clearTimeout(this.#timer);
  }
}
