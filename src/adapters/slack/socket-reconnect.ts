import type { SocketModeReceiver } from "@slack/bolt";
import type { Logger } from "../../logger.js";
import { slackErrorDetail } from "./retry.js";

type SocketModeClient = SocketModeReceiver["client"];

export interface ReconnectOptions {
  logger: Pick<Logger, "info" | "error">;
  /** Wait before the second attempt; doubled after each failure, up to `maxDelayMs`. The first is immediate. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface SocketSupervisor {
  /** Stops reconnecting (call before disconnecting on purpose). */
  stop(): void;
}

/**
 * Keeps a Socket Mode connection up. The Socket Mode client's own reconnection leaves a failed attempt as an
 * unhandled rejection (which ends a Node 20 process) and then stops trying, so the receiver is built with
 * `autoReconnectEnabled: false` and this reconnects instead: whenever the connection is lost, it starts the client
 * again, with growing waits between failed attempts, each failure logged, until connected or stopped.
 */
export function superviseSocket(client: SocketModeClient, options: ReconnectOptions): SocketSupervisor {
  let stopped = false;
  let reconnecting = false;
  let timer: NodeJS.Timeout | undefined;
  let wake: (() => void) | undefined;

  const wait = (ms: number) =>
    new Promise<void>((resolve) => {
      wake = resolve;
      timer = setTimeout(resolve, ms);
    });

  const reconnect = async (): Promise<void> => {
    reconnecting = true;
    for (let attempt = 1; !stopped; attempt++) {
      if (attempt > 1) await wait(Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (attempt - 2)));
      if (stopped) break;
      try {
        await client.start();
        options.logger.info({ attempt }, "Slack Socket Mode reconnected");
        break;
      } catch (err) {
        if (stopped) break;
        options.logger.error(
          { attempt, error: slackErrorDetail(err) },
          "Slack Socket Mode reconnection failed",
        );
      }
    }
    reconnecting = false;
  };

  // The client emits "disconnected" when its WebSocket closed (Slack asked it to reconnect, a ping went
  // unanswered, the network dropped) and, with auto-reconnect off, does nothing more.
  client.on("disconnected", () => {
    if (!stopped && !reconnecting) void reconnect();
  });

  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
      wake?.();
    },
  };
}
