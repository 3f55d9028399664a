import type { App } from "@slack/bolt";
import { parseCommand } from "../../core/commands/parse.js";
import { needsChannelPermission } from "../../core/commands/registry.js";
import type { CommandContext, CoreDeps } from "../../core/deps.js";
import { handleCommand } from "../../core/engine.js";
import { errorReply, type Reply } from "../../core/reply.js";
import { describeError } from "../../errors.js";
import type { Logger } from "../../logger.js";
import { commandLine, fromSlackNames } from "./command-names.js";
import { decodeSlackText, mentionText } from "./inbound.js";
import type { AdminCheck } from "./permissions.js";
import type { SlackPoster } from "./poster.js";
import type { RespondDeps } from "./respond.js";
import { type Responder, slashResponder, threadResponder } from "./responders.js";

export interface HandlerDeps {
  core: CoreDeps;
  poster: SlackPoster;
  admins: AdminCheck;
  respond: RespondDeps;
  logger: Pick<Logger, "debug" | "warn" | "error">;
  /** Answers a command; handleCommand unless a test replaces it. */
  run?: typeof handleCommand;
}

/** Work still running for requests already acknowledged, so `drain` can wait for it on shutdown. */
export interface Handlers {
  drain(timeoutMs: number): Promise<void>;
}

/** Event ids (and mentioned messages) remembered to drop Slack's redeliveries of an event already answered. */
const SEEN_EVENTS = 500;

interface Asked {
  line: string;
  userId: string;
  channelId: string;
  teamId?: string;
}

function str(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * Registers newsdesk with a Bolt app: every slash command (each registry command, /news-<name> for names Slack
 * reserves, and the umbrella /newsdesk), mentions of the bot and direct messages. Slash commands are acknowledged
 * at once and answered through their response_url; mentions and direct messages are answered in a thread.
 */
export function registerHandlers(app: App, deps: HandlerDeps): Handlers {
  const run = deps.run ?? handleCommand;
  const running = new Set<Promise<void>>();
  const seen = new Set<string>();

  const canManage = async (asked: Asked): Promise<boolean | undefined> => {
    const parsed = parseCommand(asked.line);
    if (!parsed.ok || !needsChannelPermission(parsed.command)) return undefined;
    return deps.admins.canManageChannel(asked.userId, asked.teamId);
  };

  const reply = async (asked: Asked, responder: Responder): Promise<Reply> => {
    try {
      const context: CommandContext = {
        platform: "slack",
        userId: asked.userId,
        channelId: asked.channelId,
        onProgress: responder.progress,
      };
      if (asked.teamId) context.workspaceId = asked.teamId;
      const admin = await canManage(asked);
      if (admin !== undefined) context.canManageChannel = admin;
      return await run(asked.line, context, deps.core);
    } catch (err) {
      deps.logger.error({ err, channel: asked.channelId, user: asked.userId }, "Slack command failed");
      return errorReply(`Something went wrong: ${describeError(err)}`, "failed");
    }
  };

  const answer = (asked: Asked, responder: Responder): Promise<void> => {
    // Never rejects: every failure is logged here or by the responder, so nothing is left unhandled.
    const task = reply(asked, responder)
      .then((r) => responder.finish(r))
      .catch((err: unknown) => {
        deps.logger.error({ err, channel: asked.channelId, user: asked.userId }, "Slack reply not delivered");
      });
    running.add(task);
    void task.finally(() => running.delete(task));
    return task;
  };

  const firstTime = (eventId: unknown): boolean => {
    const id = str(eventId);
    if (!id) return true;
    if (seen.has(id)) return false;
    seen.add(id);
    if (seen.size > SEEN_EVENTS) seen.delete(seen.values().next().value ?? "");
    return true;
  };

  app.command(/^\/[a-z0-9_-]+$/i, async ({ command, ack }) => {
    await ack();
    const asked: Asked = {
      line: commandLine(command.command, decodeSlackText(command.text ?? "")),
      userId: command.user_id,
      channelId: command.channel_id,
      teamId: command.team_id,
    };
    const details = { command: command.command, channel: command.channel_id, user: command.user_id };
    deps.logger.debug(details, "slash command");
    await answer(asked, slashResponder(command.response_url, details, { ...deps, now: deps.core.now }));
  });

  const inThread = async (
    event: Record<string, unknown>,
    line: string,
    teamId: unknown,
    ephemeral: boolean,
  ) => {
    const channelId = str(event.channel);
    const userId = str(event.user);
    const ts = str(event.ts);
    if (!channelId || !userId || !ts) return;
    const asked: Asked = { line: line === "" ? "/help" : fromSlackNames(line), userId, channelId };
    const team = str(teamId);
    if (team) asked.teamId = team;
    const target = { channelId, userId, threadTs: str(event.thread_ts) ?? ts, ephemeral };
    const details = { event: event.type, channel: channelId, user: userId };
    await answer(asked, threadResponder(target, details, { ...deps, now: deps.core.now }));
  };

  app.event("app_mention", async ({ event, body, context }) => {
    if (!firstTime(body.event_id)) return;
    const ev = event as unknown as Record<string, unknown>;
    // Editing a message that mentions the bot makes Slack send app_mention again (same ts, new event id).
    if (!firstTime(`${str(ev.channel)}:${str(ev.ts)}`)) return;
    await inThread(ev, mentionText(str(ev.text) ?? "", context.botUserId), body.team_id, true);
  });

  app.message(async ({ message, body, context }) => {
    const ev = message as unknown as Record<string, unknown>;
    // Only people's own messages in direct messages: no edits, joins or bot posts.
    if (ev.channel_type !== "im" || ev.subtype !== undefined || ev.bot_id !== undefined) return;
    if (!firstTime((body as { event_id?: unknown }).event_id)) return;
    const line = mentionText(str(ev.text) ?? "", context.botUserId);
    await inThread(ev, line, (body as { team_id?: unknown }).team_id, false);
  });

  return {
    async drain(timeoutMs) {
      if (running.size === 0) return;
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, timeoutMs);
        timer.unref();
      });
      await Promise.race([Promise.allSettled([...running]), timeout]);
      clearTimeout(timer);
    },
  };
}
