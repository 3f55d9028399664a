import { describe, expect, it } from "vitest";
import type { CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Reply } from "../src/core/reply.js";
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

const llm = useModelTestEnv();

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
