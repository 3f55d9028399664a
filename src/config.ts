import { NewsdeskError } from "./errors.js";

/** Every setting newsdesk reads from the environment, validated at startup. See .env.example. */
export interface Config {
  /** SQLite database file (NEWSDESK_DB, or --db). */
  dbPath: string;
  /** Largest input accepted: a file, a .jsonl line or a fetched page (NEWSDESK_MAX_INPUT_BYTES). */
  maxInputBytes: number;
  /** Time limit for one HTTP fetch, in ms (NEWSDESK_FETCH_TIMEOUT_MS). */
  fetchTimeoutMs: number;
  /** pino level (LOG_LEVEL): trace, debug, info, warn, error, fatal or silent. */
  logLevel: string;
  /** A digest missed while newsdesk was down is still sent this many minutes late (NEWSDESK_DIGEST_GRACE_MINUTES). */
  digestGraceMinutes: number;
  /** Where digests are archived as Markdown (NEWSDESK_BRIEFINGS_DIR). */
  briefingsDir: string;
}

const LEVELS = ["trace", "debug", "info", "warn", "error", "fatal", "silent"];

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n <= 0 || n > max) {
    throw new NewsdeskError(
      "CONFIG_INVALID",
      `Set ${name} to a whole number between 1 and ${max} (got "${raw}").`,
    );
  }
  return n;
}

/** A directory path: the default when unset, never empty or holding a NUL character. */
function directory(env: NodeJS.ProcessEnv, name: string, fallback: string): string {
  const raw = env[name];
  if (raw === undefined || raw.trim() === "") return fallback;
  if (raw.includes("\0")) throw new NewsdeskError("CONFIG_INVALID", `Set ${name} to a directory path.`);
  return raw.trim();
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<Config> = {}): Config {
  const logLevel = (env.LOG_LEVEL ?? "warn").trim().toLowerCase();
  if (!LEVELS.includes(logLevel)) {
    throw new NewsdeskError(
      "CONFIG_INVALID",
      `Set LOG_LEVEL to one of ${LEVELS.join(", ")} (got "${env.LOG_LEVEL}").`,
    );
  }
  const config: Config = {
    dbPath: env.NEWSDESK_DB?.trim() || "data/newsdesk.db",
    maxInputBytes: positiveInt(env, "NEWSDESK_MAX_INPUT_BYTES", 5 * 1024 * 1024, 1024 * 1024 * 1024),
    fetchTimeoutMs: positiveInt(env, "NEWSDESK_FETCH_TIMEOUT_MS", 15_000, 600_000),
    logLevel,
    digestGraceMinutes: positiveInt(env, "NEWSDESK_DIGEST_GRACE_MINUTES", 120, 7 * 24 * 60),
    briefingsDir: directory(env, "NEWSDESK_BRIEFINGS_DIR", "briefings"),
  };
  return { ...config, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) };
}

/** The limits on one input (a file, a .jsonl line or a fetched page), in the form ingestion and fetching take. */
export function inputLimits(config: Pick<Config, "maxInputBytes" | "fetchTimeoutMs">): {
  maxBytes: number;
  fetchTimeoutMs: number;
} {
  return { maxBytes: config.maxInputBytes, fetchTimeoutMs: config.fetchTimeoutMs };
}
