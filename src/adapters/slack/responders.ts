import { errorReply, type Reply } from "../../core/reply.js";
import { describeError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { renderReply } from "./blocks.js";
import type { SlackPoster } from "./poster.js";
import { ProgressGate } from "./progress.js";
import { postResponse, type RespondDeps, ResponseUrlError } from "./respond.js";
import type { SlackMessage } from "./types.js";

/** Where one command's answer goes: partial answers while it is written, then the answer. */
export interface Responder {
  /** CommandContext.onProgress. */
  progress: (partial: Reply) => void;
  /** Sends the answer; never throws (a failure is logged with `details`). */
  finish(reply: Reply): Promise<void>;
}

export interface ResponderDeps {
  now: () => Date;
  logger: Pick<Logger, "warn" | "error">;
}

/** Help, usage errors and failures are shown only to the caller. */
export function isEphemeral(reply: Reply): boolean {
  return reply.kind === "error" || reply.ephemeral === true;
}

/**
 * The answer as messages; an answer that cannot be rendered (a malformed Reply) is logged and replaced by an
 * error, so the caller still hears back.
 */
function renderOrError(
  render: (reply: Reply) => SlackMessage[],
  reply: Reply,
  details: Record<string, unknown>,
  logger: ResponderDeps["logger"],
): { reply: Reply; messages: SlackMessage[] } {
  try {
    return { reply, messages: render(reply) };
  } catch (err) {
    logger.error({ ...details, error: describeError(err) }, "Slack reply not rendered");
    const failed = errorReply("Something went wrong while writing the answer.", "failed");
    return { reply: failed, messages: render(failed) };
  }
}

/** A response_url takes five messages; progress may use two of them. */
const RESPONSE_URL_USES = 5;
const SLASH_PROGRESS_UPDATES = 2;
const THREAD_PROGRESS_UPDATES = 30;
const PROGRESS_INTERVAL_MS = 1000;
const MAX_MESSAGES = 3;

/** The answer to a slash command, through its response_url (in the channel, or ephemeral to the caller). */
export function slashResponder(
  url: string,
  details: Record<string, unknown>,
  deps: ResponderDeps & { respond: RespondDeps },
): Responder {
  const gate = new ProgressGate(
    async (partial, index) => {
      const [first] = renderReply(partial, { maxMessages: 1 });
      if (first)
        await postResponse(
          url,
          { ...first, response_type: "in_channel", replace_original: index > 0 },
          deps.respond,
        );
    },
    {
      now: deps.now,
      intervalMs: PROGRESS_INTERVAL_MS,
      maxUpdates: SLASH_PROGRESS_UPDATES,
      logger: deps.logger,
    },
  );
  return {
    progress: gate.offer,
    async finish(answer) {
      const shown = await gate.close();
      try {
        let uses = RESPONSE_URL_USES - shown;
        const { reply, messages: all } = renderOrError(
          (r) => renderReply(r, { maxMessages: MAX_MESSAGES }),
          answer,
          details,
          deps.logger,
        );
        const ephemeral = isEphemeral(reply);
        if (shown > 0 && ephemeral) {
          // The partial answer was public; the answer is not: take the partial one away.
          await postResponse(url, { text: "", blocks: [], delete_original: true }, deps.respond);
          uses--;
        }
        const messages =
          all.length <= uses
            ? all
            : renderReply(reply, { maxMessages: Math.max(1, Math.min(MAX_MESSAGES, uses)) });
        for (const [i, m] of messages.entries()) {
          await postResponse(
            url,
            {
              ...m,
              response_type: ephemeral ? "ephemeral" : "in_channel",
              replace_original: i === 0 && shown > 0 && !ephemeral,
            },
            deps.respond,
          );
        }
      } catch (err) {
        const status = err instanceof ResponseUrlError ? err.status : null;
        deps.logger.error({ ...details, status, error: describeError(err) }, "Slack reply not delivered");
      }
    },
  };
}

export interface ThreadTarget {
  channelId: string;
  userId: string;
  threadTs: string;
  /** Whether help and errors go only to the caller (in channels), or into the thread (direct messages). */
  ephemeral: boolean;
}

/** The answer to a mention or a direct message, in a thread under it. */
export function threadResponder(
  target: ThreadTarget,
  details: Record<string, unknown>,
  deps: ResponderDeps & { poster: SlackPoster },
): Responder {
  const { poster } = deps;
  let progressTs: string | undefined;
  const gate = new ProgressGate(
    async (partial) => {
      const [first] = poster.render(partial, 1);
      if (!first) return;
      if (progressTs) await poster.update(target.channelId, progressTs, first);
      else [progressTs] = await poster.postMessages(target.channelId, [first], target.threadTs);
    },
    {
      now: deps.now,
      intervalMs: PROGRESS_INTERVAL_MS,
      maxUpdates: THREAD_PROGRESS_UPDATES,
      logger: deps.logger,
    },
  );
  return {
    progress: gate.offer,
    async finish(answer) {
      await gate.close();
      try {
        const { reply, messages } = renderOrError(
          (r) => poster.render(r, MAX_MESSAGES),
          answer,
          details,
          deps.logger,
        );
        if (target.ephemeral && isEphemeral(reply)) {
          if (progressTs) await poster.remove(target.channelId, progressTs);
          await poster.postEphemeral(target.channelId, target.userId, messages, target.threadTs);
          return;
        }
        let rest = messages;
        const [first] = messages;
        if (progressTs && first) {
          await poster.update(target.channelId, progressTs, first);
          rest = messages.slice(1);
        }
        await poster.postMessages(target.channelId, rest, target.threadTs);
      } catch (err) {
        deps.logger.error({ ...details, error: describeError(err) }, "Slack reply not delivered");
      }
    },
  };
}
