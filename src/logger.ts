import { pino, type Logger } from "pino";

export type { Logger };

/** The process logger. Tests pass level "silent"; everything else receives the logger it should use. */
export function createLogger(level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ level }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: "silent" });
