import type { Logger as CronLogger } from "node-cron";
import type { CoreDeps } from "../core/deps.js";

/**
 * node-cron's own messages ("task still running, new execution blocked by overlap prevention!", "missed
 * execution …") routed to the injected logger instead of the console, where they would land in the terminal
 * prompt and bypass the JSON log. An overrun or a missed minute is expected (a slow feed round, a long re-group):
 * those are debug lines; errors stay errors.
 */
export function cronLogger(logger: CoreDeps["logger"], job: string): CronLogger {
  const debug = (message: string | Error) => logger.debug({ job }, `node-cron: ${String(message)}`);
  return {
    info: debug,
    warn: debug,
    debug,
    error: (message, err) => logger.error({ job, err: err ?? message }, `node-cron: ${String(message)}`),
  };
}
