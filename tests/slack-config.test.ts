import { describe, expect, test } from "vitest";
import { loadSlackConfig } from "../src/adapters/slack/config.js";
import { startSlack } from "../src/adapters/slack/start.js";
import { NewsdeskError } from "../src/errors.js";
import { silentLogger } from "../src/logger.js";
import { demoDeps } from "./helpers/demo-store.js";
import { BOT_TOKEN, FakeSlack, SIGNING_SECRET } from "./helpers/fake-slack.js";
import { startLocalServer } from "./helpers/local-server.js";

const BOT = "xoxb-1-2-abc";
const APP = "xapp-1-A1-2-def";

function configError(env: NodeJS.ProcessEnv): NewsdeskError {
  try {
    loadSlackConfig(env);
  } catch (err) {
    if (err instanceof NewsdeskError) return err;
    throw err;
  }
  throw new Error("expected a CONFIG_INVALID error");
}

describe("loadSlackConfig", () => {
  test("returns null when SLACK_BOT_TOKEN is not set", () => {
    expect(loadSlackConfig({})).toBeNull();
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: "  " })).toBeNull();
  });

  test("other Slack settings without SLACK_BOT_TOKEN stop startup naming SLACK_BOT_TOKEN", () => {
    const err = configError({ SLACK_APP_TOKEN: APP });
    expect(err.code).toBe("CONFIG_INVALID");
    expect(err.message).toMatch(/SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not/);
  });

  test("an app token selects Socket Mode, the default", () => {
    expect(loadSlackConfig({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP })).toEqual({
      mode: "socket",
      botToken: BOT,
      appToken: APP,
      port: 3000,
      apiUrl: "https://slack.com/api/",
    });
  });

  test("a signing secret alone selects HTTP mode on SLACK_PORT and SLACK_HOST", () => {
    const config = loadSlackConfig({
      SLACK_BOT_TOKEN: BOT,
      SLACK_SIGNING_SECRET: "abc123",
      SLACK_PORT: "8080",
      SLACK_HOST: "127.0.0.1",
    });
    expect(config).toMatchObject({ mode: "http", signingSecret: "abc123", port: 8080, host: "127.0.0.1" });
  });

  test("SLACK_MODE picks HTTP when both credentials are set, and must name a mode", () => {
    const both = { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP, SLACK_SIGNING_SECRET: "abc" };
    expect(loadSlackConfig(both)?.mode).toBe("socket");
    expect(loadSlackConfig({ ...both, SLACK_MODE: "HTTP" })?.mode).toBe("http");
    expect(configError({ ...both, SLACK_MODE: "webhook" }).message).toMatch(/SLACK_MODE/);
  });

  test("neither an app token nor a signing secret names both variables", () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT }).message).toMatch(/SLACK_APP_TOKEN.*SLACK_SIGNING_SECRET/);
  });

  test("SLACK_MODE without its credential names the missing variable", () => {
    expect(configError({ SLACK_BOT_TOKEN: BOT, SLACK_MODE: "http", SLACK_APP_TOKEN: APP }).message).toMatch(
      /set SLACK_SIGNING_SECRET/,
    );
    expect(
      configError({ SLACK_BOT_TOKEN: BOT, SLACK_MODE: "socket", SLACK_SIGNING_SECRET: "x" }).message,
    ).toMatch(/set SLACK_APP_TOKEN/);
  });

  test("tokens with the wrong prefix name their variable without echoing the secret", () => {
    const app = configError({ SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: "xoxb-not-an-app-token-secret" });
    expect(app.message).toMatch(/^Set SLACK_APP_TOKEN .*"xapp-"/);
    expect(app.message).not.toContain("secret");
    expect(configError({ SLACK_BOT_TOKEN: "xoxp-user-token", SLACK_APP_TOKEN: APP }).message).toMatch(
      /^Set SLACK_BOT_TOKEN .*"xoxb-"/,
    );
  });

  test.each(["abc", "0", "70000", "80.5", "-1"])("SLACK_PORT=%s stops startup naming SLACK_PORT", (port) => {
    const err = configError({ SLACK_BOT_TOKEN: BOT, SLACK_SIGNING_SECRET: "x", SLACK_PORT: port });
    expect(err.message).toMatch(/^Set SLACK_PORT to a port number between 1 and 65535/);
  });

  test("SLACK_API_URL gets a trailing slash, and must be an http(s) URL", () => {
    const env = { SLACK_BOT_TOKEN: BOT, SLACK_APP_TOKEN: APP };
    expect(loadSlackConfig({ ...env, SLACK_API_URL: "https://slack-gov.com/api" })?.apiUrl).toBe(
      "https://slack-gov.com/api/",
    );
    expect(configError({ ...env, SLACK_API_URL: "slack.com/api" }).message).toMatch(/^Set SLACK_API_URL/);
    expect(configError({ ...env, SLACK_API_URL: "ftp://slack.com/api/" }).message).toMatch(
      /^Set SLACK_API_URL/,
    );
    expect(configError({ ...env, SLACK_API_URL: "https://slack.com/api/?x=1" }).message).toMatch(
      /SLACK_API_URL/,
    );
  });
});

describe("startSlack checks the bot token at startup", () => {
  test("a token Slack refuses stops startup naming SLACK_BOT_TOKEN", async () => {
    const fake = await FakeSlack.start();
    try {
      const start = startSlack({
        config: {
          mode: "http",
          botToken: "xoxb-wrong",
          signingSecret: SIGNING_SECRET,
          port: 0,
          host: "127.0.0.1",
          apiUrl: fake.apiUrl,
        },
        deps: await demoDeps(),
        logger: silentLogger,
        retryConfig: { retries: 0 },
      });
      await expect(start).rejects.toThrow(/Slack refused SLACK_BOT_TOKEN \(invalid_auth\)/);
    } finally {
      await fake.close();
    }
  });

  test("an app token Slack refuses stops startup naming SLACK_APP_TOKEN", async () => {
    const fake = await FakeSlack.start();
    await fake.startSocket();
    try {
      const start = startSlack({
        config: { mode: "socket", botToken: BOT_TOKEN, appToken: "xapp-wrong", port: 0, apiUrl: fake.apiUrl },
        deps: await demoDeps(),
        logger: silentLogger,
        retryConfig: { retries: 0 },
      });
      await expect(start).rejects.toThrow(/Socket Mode connection \(invalid_auth\): set SLACK_APP_TOKEN/);
      expect(fake.connections).toBe(0);
    } finally {
      await fake.close();
    }
  });

  test("a port already in use stops startup naming SLACK_PORT", async () => {
    const fake = await FakeSlack.start();
    const busy = await startLocalServer({});
    const port = Number(new URL(busy.url()).port);
    try {
      const start = startSlack({
        config: {
          mode: "http",
          botToken: BOT_TOKEN,
          signingSecret: SIGNING_SECRET,
          port,
          host: "127.0.0.1",
          apiUrl: fake.apiUrl,
        },
        deps: await demoDeps(),
        logger: silentLogger,
        retryConfig: { retries: 0 },
      });
      await expect(start).rejects.toThrow(/EADDRINUSE.*set SLACK_PORT/);
    } finally {
      await busy.close();
      await fake.close();
    }
  });

  test("an unreachable Web API stops startup naming SLACK_API_URL", async () => {
    const down = await startLocalServer({});
    const apiUrl = down.url("/api/");
    await down.close();
    const start = startSlack({
      config: {
        mode: "http",
        botToken: BOT_TOKEN,
        signingSecret: SIGNING_SECRET,
        port: 0,
        host: "127.0.0.1",
        apiUrl,
      },
      deps: await demoDeps(),
      logger: silentLogger,
      retryConfig: { retries: 0 },
    });
    await expect(start).rejects.toThrow(/check SLACK_API_URL/);
  });
});
