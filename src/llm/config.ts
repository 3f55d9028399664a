import { NewsdeskError } from "../errors.js";

/** The optional language model's settings (see .env.example). Off unless NEWSDESK_LLM=on. */
export type LlmConfig = { enabled: false } | EnabledLlmConfig;

export interface EnabledLlmConfig {
  enabled: true;
  /** OPENAI_MODEL: the model name the server knows ("gpt-4o-mini", "llama3.1:8b"). */
  model: string;
  /** OPENAI_BASE_URL: an OpenAI-compatible server (Ollama, vLLM, llama.cpp); null for api.openai.com. */
  baseUrl: string | null;
  /** OPENAI_API_KEY; a placeholder for local servers that need none (only with OPENAI_BASE_URL). */
  apiKey: string;
  /** NEWSDESK_LLM_TIMEOUT_MS: time the model gets per command before the offline answer is used. */
  timeoutMs: number;
  /** NEWSDESK_LLM_DAILY_TOKENS: tokens (prompt + completion) per UTC day; 0 for no limit. */
  dailyTokens: number;
}

const OPENAI_URL = "https://api.openai.com/v1";
/** What the openai client is given as its key when a local server needs none. */
const NO_KEY = "no-key-needed";
const DEFAULT_TIMEOUT_MS = 20_000;
const DEFAULT_DAILY_TOKENS = 200_000;

function invalid(message: string): NewsdeskError {
  return new NewsdeskError("CONFIG_INVALID", message);
}

function wholeNumber(
  env: NodeJS.ProcessEnv,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw invalid(`Set ${name} to a whole number between ${min} and ${max} (got "${env[name]}").`);
  }
  return n;
}

function baseUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.OPENAI_BASE_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw invalid(`Set OPENAI_BASE_URL to an http(s) URL such as http://127.0.0.1:11434/v1 (got "${raw}").`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw invalid(`Set OPENAI_BASE_URL to an http(s) URL such as http://127.0.0.1:11434/v1 (got "${raw}").`);
  }
  return raw.replace(/\/+$/, "");
}

/**
 * Reads the language-model settings. NEWSDESK_LLM is "off" (the default: offline answers) or "on"; when on,
 * OPENAI_MODEL is required, and OPENAI_API_KEY too unless OPENAI_BASE_URL points at a server that needs no key.
 * A bad value throws CONFIG_INVALID naming the variable to set.
 */
export function loadLlmConfig(env: NodeJS.ProcessEnv = process.env): LlmConfig {
  const switchValue = (env.NEWSDESK_LLM ?? "off").trim().toLowerCase() || "off";
  if (switchValue !== "off" && switchValue !== "on") {
    throw invalid(`Set NEWSDESK_LLM to "off" or "on" (got "${env.NEWSDESK_LLM}").`);
  }
  if (switchValue === "off") return { enabled: false };
  const model = env.OPENAI_MODEL?.trim();
  if (!model) {
    throw invalid("Set OPENAI_MODEL to the model to use (NEWSDESK_LLM=on needs one), e.g. gpt-4o-mini.");
  }
  const base = baseUrl(env);
  const key = env.OPENAI_API_KEY?.trim();
  if (!key && base === null) {
    throw invalid(
      "Set OPENAI_API_KEY (NEWSDESK_LLM=on with api.openai.com needs one), or OPENAI_BASE_URL for a local server.",
    );
  }
  return {
    enabled: true,
    model,
    baseUrl: base,
    apiKey: key || NO_KEY,
    timeoutMs: wholeNumber(env, "NEWSDESK_LLM_TIMEOUT_MS", DEFAULT_TIMEOUT_MS, 1, 600_000),
    dailyTokens: wholeNumber(env, "NEWSDESK_LLM_DAILY_TOKENS", DEFAULT_DAILY_TOKENS, 0, 1_000_000_000),
  };
}

/** The URL requests go to: OPENAI_BASE_URL, or OpenAI's own API. */
export function endpointOf(config: EnabledLlmConfig): string {
  return config.baseUrl ?? OPENAI_URL;
}
