/**
 * The model-backed Writer: asks the model for each item's sentences (answered from the cache when the same prompt
 * was paid for before), verifies every sentence against the passages it cites, and falls back to the extractive
 * sentences item by item on a timeout, an error, a 429 or a spent budget. It never throws and never waits past its
 * deadline.
 */
import type { WriteItem, WriteOptions, WriteResult, Writer, WrittenSentence } from "../core/writer.js";
import { describeError } from "../errors.js";
import type { Logger } from "../logger.js";
import { CommandUsage, type TokenBudget } from "./budget.js";
import { type CompletionCache, completionKey } from "./cache.js";
import { type ChatClient, promptTokenEstimate } from "./client.js";
import { compose, verifiedSoFar } from "./compose.js";
import { Deadline } from "./deadline.js";
import { classify, type Failure, fallbackNote, type ItemNoun, unsupportedNote } from "./failure.js";
import { completeLines } from "./parse-output.js";
import { buildMessages, type WriteKind } from "./prompt.js";

export interface ModelWriterDeps {
  client: ChatClient;
  cache: CompletionCache;
  budget: TokenBudget;
  logger: Pick<Logger, "debug" | "info" | "warn">;
  /** The time one command gives the model in all, in ms. */
  timeoutMs: number;
  /** The daily budget, for notes. */
  dailyTokens: number;
}

/** Most tokens one answer may take. */
const MAX_TOKENS: Record<WriteKind, number> = { brief: 400, stance: 160, answer: 400 };
/** Requests in flight at once for one command. */
const CONCURRENCY = 3;
const NOUNS: Record<WriteKind, ItemNoun> = {
  brief: { one: "story", many: "stories" },
  stance: { one: "position", many: "positions" },
  answer: { one: "answer", many: "answers" },
};
const COMMANDS: Record<WriteKind, string> = { brief: "brief", stance: "stance", answer: "ask" };

interface ItemOutcome {
  sentences: WrittenSentence[];
  /** Whether any of its sentences is the model's. */
  byModel: boolean;
  failure?: Failure;
  replaced: number;
  dropped: number;
}

/** One command's writing: its deadline, its costs, the first failure (no more requests after it), its progress. */
interface Run {
  kind: WriteKind;
  topic: string | undefined;
  deadline: Deadline;
  usage: CommandUsage;
  stop?: Failure;
  progress: WrittenSentence[][];
  done: number;
  onProgress: WriteOptions["onProgress"];
  /** Set once the command's result is returned: a late chunk of a request must not report progress after it. */
  finished: boolean;
}

async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export class ModelWriter implements Writer {
  readonly usesModel = true;
  readonly #d: ModelWriterDeps;

  constructor(deps: ModelWriterDeps) {
    this.#d = deps;
  }

  writeBrief(stories: WriteItem[], options: WriteOptions = {}): Promise<WriteResult> {
    return this.#write("brief", stories, undefined, options);
  }

  writeStancePositions(topic: string, actors: WriteItem[], options: WriteOptions = {}): Promise<WriteResult> {
    return this.#write("stance", actors, topic, options);
  }

  writeAnswer(answer: WriteItem, options: WriteOptions = {}): Promise<WriteResult> {
    return this.#write("answer", [answer], undefined, options);
  }

  async #write(
    kind: WriteKind,
    items: WriteItem[],
    topic: string | undefined,
    options: WriteOptions,
  ): Promise<WriteResult> {
    if (items.length === 0) return { items: [], by: "extractive" };
    const run: Run = {
      kind,
      topic,
      deadline: new Deadline(this.#d.timeoutMs),
      usage: new CommandUsage(),
      progress: items.map(() => []),
      done: 0,
      onProgress: options.onProgress,
      finished: false,
    };
    try {
      const outcomes = await mapLimit(items, CONCURRENCY, async (item, i) => {
        const outcome = await this.#safeItem(run, item, i);
        run.done++;
        if (run.done < items.length) this.#report(run, i, outcome.sentences);
        return outcome;
      });
      return this.#result(kind, outcomes);
    } finally {
      run.finished = true;
      run.deadline.clear();
      run.usage.log(this.#d.logger, COMMANDS[kind], this.#d.client.model);
    }
  }

  async #safeItem(run: Run, item: WriteItem, i: number): Promise<ItemOutcome> {
    try {
      return await this.#item(run, item, i);
    } catch (err) {
      this.#d.logger.warn({ err: describeError(err), command: COMMANDS[run.kind] }, "llm: writing failed");
      return this.#offline(run, item, { kind: "unreadable" });
    }
  }

  #offline(run: Run, item: WriteItem, failure: Failure): ItemOutcome {
    run.usage.offline++;
    return { sentences: item.extractive, byModel: false, failure, replaced: 0, dropped: 0 };
  }

  async #item(run: Run, item: WriteItem, i: number): Promise<ItemOutcome> {
    if (item.passages.length === 0)
      return { sentences: item.extractive, byModel: false, replaced: 0, dropped: 0 };
    const { client, cache, budget, logger } = this.#d;
    const messages = buildMessages(run.kind, item, run.topic);
    const maxTokens = MAX_TOKENS[run.kind];
    const key = completionKey(client.model, maxTokens, messages);
    let text: string;
    const cached = await cache.get(key);
    if (cached) {
      run.usage.cached++;
      text = cached.text;
    } else {
      if (run.stop) return this.#offline(run, item, run.stop);
      if (run.deadline.passed) return this.#offline(run, item, { kind: "timeout" });
      const promptTokens = promptTokenEstimate(messages);
      const reservation = await budget.reserve(promptTokens + maxTokens);
      if (!reservation) return this.#offline(run, item, { kind: "budget" });
      const onText = run.onProgress ? (soFar: string) => this.#streamed(run, item, i, soFar) : undefined;
      try {
        const request = { messages, maxTokens, signal: run.deadline.signal, ...(onText ? { onText } : {}) };
        const answer = await run.deadline.race(client.complete(request));
        run.usage.add(answer);
        await reservation.settle(answer);
        // Only a finished answer is kept: a stream cut short would be served, cut short, from then on.
        if (answer.finished && answer.text.trim() !== "") await cache.put(key, answer);
        text = answer.text;
      } catch (err) {
        const failure = classify(err, run.deadline.passed);
        run.stop ??= failure;
        // A request that timed out or sent something unreadable reached the model, which may have charged for the
        // prompt: it counts against the budget. One the server refused (an HTTP error, a 429) or never got does not.
        const charged = failure.kind === "timeout" || failure.kind === "unreadable";
        const cost = { promptTokens: charged ? promptTokens : 0, completionTokens: 0 };
        if (charged) run.usage.add(cost);
        await reservation.settle(cost);
        logger.warn(
          { err: describeError(err), failure: failure.kind, command: COMMANDS[run.kind] },
          "llm: request failed, using the offline answer",
        );
        return this.#offline(run, item, failure);
      }
    }
    const composed = compose(item, text);
    if (!composed) return this.#offline(run, item, { kind: "empty" });
    if (composed.rejected.length > 0) {
      logger.info({ command: COMMANDS[run.kind], rejected: composed.rejected }, "llm: unsupported sentences");
    }
    return {
      sentences: composed.sentences,
      byModel: composed.kept > 0,
      replaced: composed.replaced,
      dropped: composed.dropped,
    };
  }

  /** A streamed answer grew: report it when it holds more verified sentences than before. */
  #streamed(run: Run, item: WriteItem, i: number, soFar: string): void {
    const sentences = verifiedSoFar(item, completeLines(soFar));
    if (sentences.length > (run.progress[i]?.length ?? 0)) this.#report(run, i, sentences);
  }

  #report(run: Run, i: number, sentences: WrittenSentence[]): void {
    if (!run.onProgress || run.finished) return;
    run.progress[i] = sentences;
    try {
      run.onProgress(run.progress.map((s) => [...s]));
    } catch (err) {
      this.#d.logger.warn({ err: describeError(err) }, "llm: progress callback failed");
    }
  }

  #result(kind: WriteKind, outcomes: ItemOutcome[]): WriteResult {
    const limits = { timeoutMs: this.#d.timeoutMs, dailyTokens: this.#d.dailyTokens };
    const notes = [
      unsupportedNote(
        outcomes.reduce((n, o) => n + o.replaced, 0),
        outcomes.reduce((n, o) => n + o.dropped, 0),
      ),
      ...fallbackNote(
        outcomes.map((o) => o.failure),
        NOUNS[kind],
        limits,
      ),
    ].filter((n): n is string => n !== undefined);
    const byModel = outcomes.filter((o) => o.byModel).length;
    const by = byModel === outcomes.length ? "model" : byModel === 0 ? "extractive" : "mixed";
    const result: WriteResult = { items: outcomes.map((o) => o.sentences), by };
    if (notes.length > 0) result.note = notes.join(" ");
    return result;
  }
}
