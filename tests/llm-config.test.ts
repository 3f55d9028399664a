import { describe, expect, it } from "vitest";
import { loadLlmConfig } from "../src/llm/config.js";
import { writerFromConfig } from "../src/llm/create-writer.js";
import { silentLogger } from "../src/logger.js";
import { openStore } from "../src/store/open-store.js";

function configError(env: NodeJS.ProcessEnv): string {
  try {
    loadLlmConfig(env);
  } catch (err) {
    expect((err as { code?: string }).code).toBe("CONFIG_INVALID");
    return (err as Error).message;
  }
  throw new Error("expected a config error");
}

describe("loadLlmConfig", () => {
  it("is off by default and when NEWSDESK_LLM=off, whatever else is set", () => {
    expect(loadLlmConfig({})).toEqual({ enabled: false });
    expect(loadLlmConfig({ NEWSDESK_LLM: "off", OPENAI_MODEL: "m", OPENAI_API_KEY: "k" })).toEqual({
      enabled: false,
    });
    expect(loadLlmConfig({ NEWSDESK_LLM: " OFF " })).toEqual({ enabled: false });
  });

  it("rejects a NEWSDESK_LLM value other than off or on, naming the variable", () => {
    expect(configError({ NEWSDESK_LLM: "yes" })).toMatch(/NEWSDESK_LLM/);
  });

  it("requires OPENAI_MODEL when on, naming it", () => {
    expect(configError({ NEWSDESK_LLM: "on", OPENAI_API_KEY: "k" })).toMatch(/OPENAI_MODEL/);
  });

  it("requires OPENAI_API_KEY for api.openai.com, naming it", () => {
    expect(configError({ NEWSDESK_LLM: "on", OPENAI_MODEL: "gpt-4o-mini" })).toMatch(/OPENAI_API_KEY/);
  });

  it("takes defaults: OpenAI's API, a 20 s timeout and 200000 tokens a day", () => {
    expect(
      loadLlmConfig({ NEWSDESK_LLM: "on", OPENAI_MODEL: "gpt-4o-mini", OPENAI_API_KEY: "sk-test" }),
    ).toEqual({
      enabled: true,
      model: "gpt-4o-mini",
      baseUrl: null,
      apiKey: "sk-test",
      timeoutMs: 20_000,
      dailyTokens: 200_000,
    });
  });

  it("accepts a local server without a key, giving the client a placeholder key", () => {
    const config = loadLlmConfig({
      NEWSDESK_LLM: "on",
      OPENAI_MODEL: "llama3.1:8b",
      OPENAI_BASE_URL: "http://127.0.0.1:11434/v1/",
      NEWSDESK_LLM_TIMEOUT_MS: "5000",
      NEWSDESK_LLM_DAILY_TOKENS: "0",
    });
    expect(config).toMatchObject({
      enabled: true,
      baseUrl: "http://127.0.0.1:11434/v1",
      timeoutMs: 5000,
      dailyTokens: 0,
    });
    if (config.enabled) expect(config.apiKey.length).toBeGreaterThan(0);
  });

  it("rejects a base URL that is not http(s), naming OPENAI_BASE_URL", () => {
    const on = { NEWSDESK_LLM: "on", OPENAI_MODEL: "m" };
    expect(configError({ ...on, OPENAI_BASE_URL: "localhost:11434" })).toMatch(/OPENAI_BASE_URL/);
    expect(configError({ ...on, OPENAI_BASE_URL: "not a url" })).toMatch(/OPENAI_BASE_URL/);
    expect(configError({ ...on, OPENAI_BASE_URL: "ftp://example.com/v1" })).toMatch(/OPENAI_BASE_URL/);
  });

  it("rejects bad numbers, naming the variable", () => {
    const on = { NEWSDESK_LLM: "on", OPENAI_MODEL: "m", OPENAI_API_KEY: "k" };
    expect(configError({ ...on, NEWSDESK_LLM_TIMEOUT_MS: "0" })).toMatch(/NEWSDESK_LLM_TIMEOUT_MS/);
    expect(configError({ ...on, NEWSDESK_LLM_TIMEOUT_MS: "2s" })).toMatch(/NEWSDESK_LLM_TIMEOUT_MS/);
    expect(configError({ ...on, NEWSDESK_LLM_DAILY_TOKENS: "-5" })).toMatch(/NEWSDESK_LLM_DAILY_TOKENS/);
    expect(configError({ ...on, NEWSDESK_LLM_DAILY_TOKENS: "1.5" })).toMatch(/NEWSDESK_LLM_DAILY_TOKENS/);
  });
});

describe("writerFromConfig", () => {
  it("gives no writer when the model is off, and a model writer when it is on", async () => {
    const store = await openStore(":memory:");
    try {
      const deps = { store, logger: silentLogger, now: () => new Date("2026-03-20T12:00:00Z") };
      expect(writerFromConfig(loadLlmConfig({}), deps)).toBeUndefined();
      const on = loadLlmConfig({
        NEWSDESK_LLM: "on",
        OPENAI_MODEL: "m",
        OPENAI_BASE_URL: "http://127.0.0.1:9",
      });
      expect(writerFromConfig(on, deps)?.usesModel).toBe(true);
    } finally {
      await store.close();
    }
  });
});
