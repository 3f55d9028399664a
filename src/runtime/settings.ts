import { type DiscordConfig, loadDiscordConfig } from "../adapters/discord/config.js";
import { loadSlackConfig, type SlackConfig } from "../adapters/slack/config.js";
import { type Config, loadConfig } from "../config.js";
import { loadUrlPolicy, type UrlPolicy } from "../ingest/fetch/url-policy-config.js";
import { type LlmConfig, loadLlmConfig } from "../llm/config.js";
import { loadFeedPollMinutes } from "../schedule/feed-config.js";

/** The settings that shape answers, wherever they are asked for (the prompt, `newsdesk chat`, any platform). */
export interface CoreSettings {
  config: Config;
  llm: LlmConfig;
  urlPolicy: UrlPolicy;
  feedPollMinutes: number;
}

/** Every setting `serve` needs, each validated before anything starts: a bad one names its variable. */
export interface Settings extends CoreSettings {
  /** Null when SLACK_BOT_TOKEN is unset. */
  slack: SlackConfig | null;
  /** Null when DISCORD_TOKEN is unset. */
  discord: DiscordConfig | null;
}

export function loadCoreSettings(env: NodeJS.ProcessEnv, overrides: Partial<Config> = {}): CoreSettings {
  return {
    config: loadConfig(env, overrides),
    llm: loadLlmConfig(env),
    urlPolicy: loadUrlPolicy(env),
    feedPollMinutes: loadFeedPollMinutes(env),
  };
}

export function loadSettings(env: NodeJS.ProcessEnv, overrides: Partial<Config> = {}): Settings {
  return {
    ...loadCoreSettings(env, overrides),
    slack: loadSlackConfig(env),
    discord: loadDiscordConfig(env),
  };
}
