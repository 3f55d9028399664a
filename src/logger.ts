import pino, { type Logger } from "pino";

export type { Logger };

/** The process logger: JSON lines on stderr. Tests use `silentLogger`; everything else receives the logger it should use. */
export function createLogger(level: string): Logger {
  // An unknown level is reported by the config check; until then log at "warn".
  const known = Object.hasOwn(pino.levels.values, level) || level === "silent";
  return pino({ level: known ? level : "warn" }, pino.destination(2));
}

export const silentLogger: Logger = pino({ level: "silent" });
