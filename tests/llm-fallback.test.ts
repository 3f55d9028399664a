import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Reply } from "../src/core/reply.js";
import { completionKey } from "../src/llm/cache.js";
import {
  type CapturedRequest,
  capturingLogger,
  type FakeAnswer,
  type FakeOpenAi,
  fakeModelWriter,
  passagesOf,
  passageWith,
  useModelTestEnv,
} from "./helpers/fake-openai.js";
import { startLocalServer } from "./helpers/local-server.js";

const llm = useModelTestEnv();

/** Promise rejections nobody handled while a test ran: a model failure must never leave one behind. */
const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);
beforeAll(() => {
  process.on("unhandledRejection", onUnhandled);
});
afterAll(() => {
  process.off("unhandledRejection", onUnhandled);
});
afterEach(async () => {
  // Rejections are reported after a turn of the event loop.
  await new Promise((resolve) => setTimeout(resolve, 20));
  expect(unhandled).toEqual([]);
  unhandled.length = 0;
});

const run = (text: string, d: CoreDeps) => handleCommand(text, { platform: "cli" }, d);

/** The reply without its note, to compare with the offline reply. */
function withoutNote(reply: Reply): Omit<Reply, "note"> {
  const { note: _note, ...rest } = reply;
  return rest;
}

const ASK = "/ask How many soldiers did Norvania offer?";
const supported = (req: CapturedRequest): FakeAnswer => ({
  content: `Adela Korvin rejected the offer on Tuesday [${passageWith(req, /Adela Korvin, on Tuesday rejected/)}].`,
});

describe("falling back to the offline answer", () => {
  it("answers offline with a note on a 429, without retrying", async () => {
    const d = await llm.withModel(() => ({ status: 429, retryAfter: "30" }));
    const reply = await run(ASK, d);
    expect(reply.note).toBe(
      "The language model is rate-limited (HTTP 429, retry in 30 s), so this is the offline answer.",
    );
    expect(withoutNote(reply)).toEqual(await run(ASK, llm.deps));
    expect(llm.server?.requests).toHaveLength(1);
  });

  it("answers offline with a note on a server error, for every story of a briefing", async () => {
    const d = await llm.withModel(() => ({ status: 500 }));
    const reply = await run("/brief", d);
    expect(reply.note).toBe(
      "The language model answered with an error (HTTP 500), so this is the offline answer.",
    );
    expect(withoutNote(reply)).toEqual(await run("/brief", llm.deps));
  });

  it("stops asking after the first failure: later items use the offline text without a request", async () => {
    let n = 0;
    // The first request fails at once; the two sent with it answer later, so the fourth item starts after the failure.
    const d = await llm.withModel((req) =>
      n++ === 0 ? { status: 503 } : { delayMs: 200, content: `${passagesOf(req).get("P1")} [P1]` },
    );
    const reply = await run("/stance sovereignty", d);
    if (reply.kind !== "stance") throw new Error(reply.kind);
    expect(reply.data.actors).toHaveLength(4);
    expect(llm.server?.requests).toHaveLength(3);
    expect(reply.note).toBe(
      "The language model answered with an error (HTTP 503), so 2 of 4 positions use the offline text.",
    );
    expect(withoutNote(reply)).toEqual(await run("/stance sovereignty", llm.deps));
  });

  it("answers offline within the deadline when the model is too slow", async () => {
    const d = await llm.withModel(() => ({ delayMs: 5000, content: "Too late [P1]." }), { timeoutMs: 300 });
    const started = Date.now();
    const reply = await run(ASK, d);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reply.note).toBe("The language model did not answer within 0.3 s, so this is the offline answer.");
    expect(withoutNote(reply)).toEqual(await run(ASK, llm.deps));
  });

  it("answers offline with a note once the day's token budget is spent, and keeps serving cached answers", async () => {
    // A day of its own, so other tests' usage does not count.
    const day = new Date("2026-04-02T09:00:00Z");
    const d = await llm.withModel(supported, { dailyTokens: 100, now: () => day });
    const first = await run(ASK, d);
    expect(first.note).toBeUndefined();
    expect(await llm.deps.store.completions.usage("2026-04-02")).toEqual({
      promptTokens: 100,
      completionTokens: 20,
      requests: 1,
    });
    const other = "/ask How long was the phone call?";
    const spent = await run(other, d);
    expect(spent.note).toBe(
      "Today's language-model budget of 100 tokens is spent, so this is the offline answer.",
    );
    expect(withoutNote(spent)).toEqual(await run(other, llm.deps));
    const again = await run(ASK, d);
    expect(again).toEqual(first);
    expect(llm.server?.requests).toHaveLength(1);
  });
});

describe("the completion cache and the token log", () => {
  it("answers a repeated prompt from the store, paying once, and logs tokens per command", async () => {
    const { logger, lines } = capturingLogger();
    const d = await llm.withModel(supported, { logger });
    const first = await run(ASK, d);
    const second = await run(ASK, d);
    expect(second).toEqual(first);
    expect(first.kind === "answer" && first.data.sentences[0]?.text).toBe(
      "Adela Korvin rejected the offer on Tuesday.",
    );
    expect(llm.server?.requests).toHaveLength(1);
    const usage = lines.filter((l) => l.msg === "llm: token usage").map((l) => l.obj);
    expect(usage).toEqual([
      expect.objectContaining({
        command: "ask",
        requests: 1,
        cached: 0,
        promptTokens: 100,
        completionTokens: 20,
      }),
      expect.objectContaining({
        command: "ask",
        requests: 0,
        cached: 1,
        promptTokens: 0,
        completionTokens: 0,
      }),
    ]);
  });

  it("asks again for another model: the cache is per model", async () => {
    const d = await llm.withModel(supported);
    await run(ASK, d);
    const other = { ...llm.deps, writer: fakeModelWriter(llm.server as FakeOpenAi, llm.deps.store) };
    await run(ASK, other);
    expect(llm.server?.requests).toHaveLength(2);
  });
});

describe("servers that misbehave", () => {
  const offlineWith = async (answer: FakeAnswer, note: string, options = {}) => {
    const d = await llm.withModel(() => answer, options);
    const started = Date.now();
    const reply = await run(ASK, d);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reply.note).toBe(note);
    expect(withoutNote(reply)).toEqual(await run(ASK, llm.deps));
  };

  it("answers offline within the deadline when the server takes the request and never answers", async () => {
    await offlineWith(
      { hang: "before-headers" },
      "The language model did not answer within 0.3 s, so this is the offline answer.",
      { timeoutMs: 300 },
    );
  });

  it("answers offline within the deadline when a stream stalls after its headers", async () => {
    const d = await llm.withModel(() => ({ hang: "after-headers" }), { timeoutMs: 300 });
    const partials: Reply[] = [];
    const started = Date.now();
    const reply = await handleCommand(ASK, { platform: "slack", onProgress: (p) => partials.push(p) }, d);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reply.note).toBe("The language model did not answer within 0.3 s, so this is the offline answer.");
    expect(partials).toEqual([]);
  });

  it("answers offline when a 200 is not JSON, has no choices, or streams malformed events", async () => {
    await offlineWith(
      { raw: "<html>gateway says hello</html>", contentType: "text/html" },
      "The language model's answer could not be read, so this is the offline answer.",
    );
    await llm.server?.close();
    await offlineWith(
      { raw: '{"choices": [', contentType: "application/json" },
      "The language model's answer could not be read, so this is the offline answer.",
    );
    await llm.server?.close();
    await offlineWith(
      {
        raw: JSON.stringify({ id: "x", object: "chat.completion", choices: [] }),
        contentType: "application/json",
      },
      "The language model wrote nothing usable, so this is the offline answer.",
    );
    await llm.server?.close();
    const d = await llm.withModel(() => ({
      events: ['{"choices": [{"delta": {"content": "Adela', "[DONE]"],
    }));
    const reply = await handleCommand(ASK, { platform: "slack", onProgress: () => {} }, d);
    expect(reply.note).toBe("The language model's answer could not be read, so this is the offline answer.");
  });

  it("answers offline on a 429 without Retry-After, and when the connection is refused", async () => {
    await offlineWith(
      { status: 429 },
      "The language model is rate-limited (HTTP 429), so this is the offline answer.",
    );
    const closed = await startLocalServer({});
    const baseUrl = closed.url("/v1");
    await closed.close();
    const writer = fakeModelWriter({ baseUrl, requests: [], close: async () => {} }, llm.deps.store);
    const reply = await run(ASK, { ...llm.deps, writer });
    expect(reply.note).toBe("The language model could not be reached, so this is the offline answer.");
    expect(withoutNote(reply)).toEqual(await run(ASK, llm.deps));
  });
});

describe("what is cached", () => {
  it("does not cache a stream the server cut short, but still shows its verified sentences", async () => {
    const d = await llm.withModel((req) => ({ ...supported(req), cutShort: true }));
    const streaming = { platform: "slack" as const, onProgress: () => {} };
    const first = await handleCommand(ASK, streaming, d);
    expect(first.kind === "answer" && first.data.sentences[0]?.text).toBe(
      "Adela Korvin rejected the offer on Tuesday.",
    );
    await handleCommand(ASK, streaming, d);
    expect(llm.server?.requests).toHaveLength(2);
  });

  it("verifies a cached answer again: a stored unsupported sentence is never shown", async () => {
    const d = await llm.withModel(supported);
    const first = await run(ASK, d);
    const request = llm.server?.requests[0] as CapturedRequest;
    const osk = passageWith(request, "Maren Osk");
    // The stored answer is changed behind the writer's back, as an older version might have stored it.
    const messages = request.body.messages as Parameters<typeof completionKey>[2];
    const key = completionKey(request.body.model, 400, messages);
    expect(await llm.deps.store.completions.getCompletion(key, request.body.model)).not.toBeNull();
    await llm.deps.store.completions.putCompletion(key, request.body.model, {
      text: `Maren Osk offered 9,000 soldiers [${osk}].`,
      promptTokens: 1,
      completionTokens: 1,
      createdAt: "2026-03-20T12:00:00.000Z",
    });
    const again = await run(ASK, d);
    expect(llm.server?.requests).toHaveLength(1);
    if (again.kind !== "answer" || first.kind !== "answer") throw new Error(again.kind);
    expect(again.data.sentences.map((s) => s.text).join(" ")).not.toMatch(/9,000/);
    expect(again.note).toMatch(/^1 model sentence was not supported/);
  });
});

describe("the daily token budget", () => {
  it("counts estimated tokens when the server reports no usage", async () => {
    const day = new Date("2026-05-03T09:00:00Z");
    const d = await llm.withModel((req) => ({ ...supported(req), usage: null }), { now: () => day });
    await run(ASK, d);
    const used = await llm.deps.store.completions.usage("2026-05-03");
    const body = llm.server?.requests[0]?.body;
    const prompt = (body?.messages ?? []).map((m) => m.content).join("\n");
    const answer = supported(llm.server?.requests[0] as CapturedRequest);
    expect(used).toEqual({
      promptTokens: Math.ceil(prompt.length / 4),
      completionTokens: Math.ceil(("content" in answer ? answer.content : "").length / 4),
      requests: 1,
    });
  });

  it("lets only one of two commands started together spend the last tokens", async () => {
    const day = new Date("2026-05-04T09:00:00Z");
    const d = await llm.withModel((req) => ({ ...supported(req), delayMs: 100 }) as FakeAnswer, {
      dailyTokens: 100,
      now: () => day,
    });
    const [a, b] = await Promise.all([run(ASK, d), run("/ask How long was the phone call?", d)]);
    expect(llm.server?.requests).toHaveLength(1);
    const notes = [a.note, b.note].filter((n) => n !== undefined);
    expect(notes).toEqual([
      "Today's language-model budget of 100 tokens is spent, so this is the offline answer.",
    ]);
  });

  it("starts afresh at midnight UTC", async () => {
    let now = new Date("2026-05-05T23:59:00Z");
    const d = await llm.withModel(supported, { dailyTokens: 100, now: () => now });
    await run(ASK, d);
    const other = "/ask How long was the phone call?";
    expect((await run(other, d)).note).toMatch(/budget of 100 tokens is spent/);
    now = new Date("2026-05-06T00:00:30Z");
    expect((await run(other, d)).note ?? "").not.toMatch(/budget/);
    expect(llm.server?.requests).toHaveLength(2);
  });

  it("counts the prompt of a request that timed out", async () => {
    const day = new Date("2026-05-07T09:00:00Z");
    const d = await llm.withModel(() => ({ hang: "before-headers" }), { timeoutMs: 200, now: () => day });
    await run(ASK, d);
    const prompt = (llm.server?.requests[0]?.body.messages ?? []).map((m) => m.content).join("\n");
    expect(await llm.deps.store.completions.usage("2026-05-07")).toEqual({
      promptTokens: Math.ceil(prompt.length / 4),
      completionTokens: 0,
      requests: 1,
    });
  });
});
