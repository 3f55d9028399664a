import { type Logger as BoltLogger, LogLevel } from "@slack/bolt";
import { describeError } from "../../errors.js";
import type { Logger } from "../../logger.js";

function message(parts: unknown[]): string {
  return parts
    .map((p) => (typeof p === "string" ? p : p instanceof Error ? describeError(p) : String(p)))
    .join(" ");
}

function boltLevel(level: string): LogLevel {
  if (level === "trace" || level === "debug") return LogLevel.DEBUG;
  if (level === "info") return LogLevel.INFO;
  if (level === "warn") return LogLevel.WARN;
  return LogLevel.ERROR;
}

/**
 * The injected pino logger in the shape Bolt, the WebClient and the Socket Mode client log through. The level is
 * pino's (LOG_LEVEL); Bolt's setLevel calls are ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  let name = "slack";
  return {
    debug: (...parts: unknown[]) => logger.debug({ component: name }, message(parts)),
    info: (...parts: unknown[]) => logger.info({ component: name }, message(parts)),
    warn: (...parts: unknown[]) => logger.warn({ component: name }, message(parts)),
    error: (...parts: unknown[]) => logger.error({ component: name }, message(parts)),
    setLevel: () => {},
    getLevel: () => boltLevel(logger.level),
    setName: (n: string) => {
      name = n;
    },
  };
}
