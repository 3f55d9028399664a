import pino, { type Logger } from "pino";

export type { Logger };

/** The process logger: JSON lines on stderr. Tests use `silentLogger`; everything else receives the logger it should use. */
export function createLogger(level: string): Logger {
  return pino({ level }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: "silent" });
