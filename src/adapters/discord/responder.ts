import { performance } from "node:perf_hooks";
import { type ChatInputCommandInteraction, MessageFlags } from "discord.js";
import type { CoreDeps } from "../../core/deps.js";
import { errorReply, type Reply } from "../../core/reply.js";
import { type DiscordMessage, renderReply } from "./embeds.js";

/** Every message newsdesk sends names no one to ping, whatever its text says. */
const NO_MENTIONS = { parse: [] };

/** An edit of the original reply: its visibility was fixed when it was created. */
function edit(message: DiscordMessage) {
  return { embeds: message.embeds, allowedMentions: NO_MENTIONS };
}

/** A new reply or follow-up, shown only to the caller when `ephemeral`. */
function send(message: DiscordMessage, ephemeral: boolean) {
  return ephemeral ? { ...edit(message), flags: MessageFlags.Ephemeral as const } : edit(message);
}

/** Replies shown only to the caller: help, usage errors and failures. */
export function isEphemeral(reply: Reply): boolean {
  return reply.ephemeral === true || reply.kind === "error";
}

/**
 * Answers one slash command: replies at once when the answer is ready, or defers (Discord's "thinking…") and later
 * edits the deferred reply. Progress edits are throttled. All REST calls for the interaction run in order.
 */
export class InteractionResponder {
  private state: "new" | "deferred" | "answered" = "new";
  private chain: Promise<void> = Promise.resolve();
  private pending: Reply | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastEdit = Number.NEGATIVE_INFINITY;
  private finished = false;
  private failedToRender = false;

  constructor(
    private readonly interaction: ChatInputCommandInteraction,
    private readonly progressIntervalMs: number,
    private readonly logger: CoreDeps["logger"],
  ) {}

  private enqueue(what: string, step: () => Promise<unknown>): Promise<void> {
    this.chain = this.chain.then(step).then(
      () => undefined,
      (err: unknown) => {
        this.logger.error(
          { err, command: this.interaction.commandName, step: what },
          "discord response failed",
        );
      },
    );
    return this.chain;
  }

  /** Acknowledges the command now ("newsdesk is thinking…"); the answer follows as an edit. Idempotent. */
  defer(): void {
    if (this.state !== "new" || this.finished) return;
    this.state = "deferred";
    void this.enqueue("defer", () => this.interaction.deferReply());
  }

  /** A partial answer: shown by editing the deferred reply, at most once per progress interval. */
  progress(partial: Reply): void {
    if (this.finished) return;
    this.pending = partial;
    this.defer();
    if (this.timer) return;
    const wait = Math.max(0, this.lastEdit + this.progressIntervalMs - performance.now());
    this.timer = setTimeout(() => this.flushProgress(), wait);
  }

  private flushProgress(): void {
    this.timer = null;
    const partial = this.pending;
    this.pending = null;
    if (this.finished || !partial) return;
    this.lastEdit = performance.now();
    let first: DiscordMessage | undefined;
    try {
      [first] = renderReply(partial, { maxMessages: 1 });
    } catch (err) {
      // This runs in a timer: a throw here would end the process. The next partial, or the answer, follows.
      this.logger.warn({ err, command: this.interaction.commandName }, "discord progress not rendered");
      return;
    }
    if (first) void this.enqueue("progress", () => this.interaction.editReply(edit(first)));
  }

  /**
   * The answer as messages; an answer that cannot be rendered (a malformed Reply) is logged and replaced by an
   * error, so the caller still hears back.
   */
  private render(reply: Reply): DiscordMessage[] {
    try {
      return renderReply(reply);
    } catch (err) {
      this.logger.error({ err, command: this.interaction.commandName }, "discord reply not rendered");
      this.failedToRender = true;
      return renderReply(errorReply("Something went wrong while writing the answer.", "failed"));
    }
  }

  /** Sends the final answer: the first message as the reply, the rest as follow-ups. */
  finish(reply: Reply): Promise<void> {
    this.finished = true;
    this.pending = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const [first, ...rest] = this.render(reply);
    const ephemeral = isEphemeral(reply) || this.failedToRender;
    const deferred = this.state === "deferred";
    this.state = "answered";
    return this.enqueue("answer", async () => {
      if (!first) return;
      if (!deferred) {
        await this.interaction.reply(send(first, ephemeral));
      } else if (ephemeral) {
        // The deferred reply is public: replace it with a message only the caller sees.
        await this.interaction.deleteReply();
        await this.interaction.followUp(send(first, true));
      } else {
        await this.interaction.editReply(edit(first));
      }
      for (const message of rest) await this.interaction.followUp(send(message, ephemeral));
    });
  }
}
