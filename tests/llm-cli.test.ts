import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEMO_DIR } from "./helpers/demo-store.js";
import { type FakeOpenAi, passageWith, startFakeOpenAi } from "./helpers/fake-openai.js";
import { tempDir } from "./helpers/ingest-env.js";
import { cli } from "./helpers/run-cli.js";

let server: FakeOpenAi | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function demoDb(): Promise<string> {
  const db = join(tempDir().dir, "demo.db");
  expect((await cli(["--db", db, "ingest", DEMO_DIR])).code).toBe(0);
  return db;
}

const ASK = "/ask How many soldiers did Norvania offer?";

describe("newsdesk chat with NEWSDESK_LLM", () => {
  it("makes no request while NEWSDESK_LLM is off, even with a server configured", async () => {
    server = await startFakeOpenAi(() => ({ content: "Unused [P1]." }));
    const db = await demoDb();
    const env = { OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: "local-model", OPENAI_API_KEY: "k" };
    const r = await cli(["--db", db, "chat", ASK, "--json"], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).intro).toBe("From the stored articles, in their own words:");
    expect(server.requests).toHaveLength(0);
  });

  it("answers through the model when NEWSDESK_LLM=on with a local server and no key", async () => {
    server = await startFakeOpenAi((req) => ({
      content: `Adela Korvin rejected the offer on Tuesday [${passageWith(req, /Adela Korvin, on Tuesday rejected/)}].`,
    }));
    const db = await demoDb();
    const env = { NEWSDESK_LLM: "on", OPENAI_BASE_URL: server.baseUrl, OPENAI_MODEL: "local-model" };
    const r = await cli(["--db", db, "chat", ASK, "--json"], { env });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).data.sentences[0].text).toBe("Adela Korvin rejected the offer on Tuesday.");
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.body.model).toBe("local-model");
    // A second run answers from the completion cache in the database.
    expect((await cli(["--db", db, "chat", ASK], { env })).out).toMatch(
      /Adela Korvin rejected the offer on Tuesday\./,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("stops with exit status 2 and names the missing variable", async () => {
    const db = await demoDb();
    const r = await cli(["--db", db, "chat", ASK], { env: { NEWSDESK_LLM: "on" } });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/OPENAI_MODEL/);
  });
});
