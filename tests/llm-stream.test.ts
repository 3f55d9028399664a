import { describe, expect, it } from "vitest";
import type { CoreDeps } from "../src/core/deps.js";
import { handleCommand } from "../src/core/engine.js";
import type { Reply } from "../src/core/reply.js";
import type { WriteItem, WrittenSentence } from "../src/core/writer.js";
import { TokenBudget } from "../src/llm/budget.js";
import { CompletionCache } from "../src/llm/cache.js";
import type { ChatClient, ChatRequest } from "../src/llm/client.js";
import { ModelWriter } from "../src/llm/model-writer.js";
import { silentLogger } from "../src/logger.js";
import { passagesOf, passageWith, useModelTestEnv } from "./helpers/fake-openai.js";

const llm = useModelTestEnv();

/** Runs a command with progress reporting, keeping every partial reply. */
async function runStreaming(text: string, d: CoreDeps): Promise<{ reply: Reply; partials: Reply[] }> {
  const partials: Reply[] = [];
  const reply = await handleCommand(text, { platform: "slack", onProgress: (p) => partials.push(p) }, d);
  return { reply, partials };
}

const ASK = "/ask How many soldiers did Norvania offer?";
const sentencesOf = (r: Reply) => (r.kind === "answer" ? r.data.sentences.map((s) => s.text) : []);

describe("streaming with progress", () => {
  it("streams the answer and reports each verified sentence as it arrives, never an unsupported one", async () => {
    const d = await llm.withModel((req) => {
      const korvin = passageWith(req, /Adela Korvin, on Tuesday rejected/);
      const osk = passageWith(req, "Maren Osk");
      return {
        chunkDelayMs: 20,
        // Each line ends with a line break, so the last one is complete before the stream ends.
        content: `${[
          `Adela Korvin rejected the offer on Tuesday [${korvin}].`,
          `Norvania offered 9,000 soldiers [${osk}].`,
          `Maren Osk proposed stationing 300 Norvanian soldiers at Tolm, Brisk and Aun [${osk}].`,
        ].join("\n")}\n`,
      };
    });
    const { reply, partials } = await runStreaming(ASK, d);
    expect(llm.server?.requests[0]?.body.stream).toBe(true);
    expect(partials.map(sentencesOf)).toEqual([
      ["Adela Korvin rejected the offer on Tuesday."],
      [
        "Adela Korvin rejected the offer on Tuesday.",
        "Maren Osk proposed stationing 300 Norvanian soldiers at Tolm, Brisk and Aun.",
      ],
    ]);
    expect(partials.every((p) => p.note === "Still writing: more sentences follow.")).toBe(true);
    const final = sentencesOf(reply);
    expect(final).toHaveLength(3);
    expect(final[0]).toBe("Adela Korvin rejected the offer on Tuesday.");
    expect(final[2]).toBe("Maren Osk proposed stationing 300 Norvanian soldiers at Tolm, Brisk and Aun.");
    expect(final.join(" ")).not.toMatch(/9,000/);
    expect(reply.note).toMatch(/^1 model sentence was not supported/);
  });

  it("shows a briefing's stories as they are written, each partial a part of the final briefing", async () => {
    const d = await llm.withModel((req) => ({
      chunkDelayMs: 5,
      content: `${passagesOf(req).get("P1")} [P1]\n`,
    }));
    const { reply, partials } = await runStreaming("/brief", d);
    if (reply.kind !== "brief") throw new Error(reply.kind);
    expect(reply.data.stories).toHaveLength(3);
    expect(partials.length).toBeGreaterThan(0);
    expect(partials.some((p) => p.kind === "brief" && p.data.stories.length < 3)).toBe(true);
    for (const p of partials) {
      if (p.kind !== "brief") throw new Error(p.kind);
      for (const story of p.data.stories) {
        const done = reply.data.stories.find((s) => s.id === story.id);
        expect(done?.sentences).toEqual(story.sentences);
      }
    }
  });

  it("gives the offline answer at the deadline when a stream is too slow", async () => {
    const d = await llm.withModel(
      () => ({
        chunkDelayMs: 100,
        content: "Adela Korvin rejected the offer on Tuesday, as many reports said [P1].\n",
      }),
      { timeoutMs: 300 },
    );
    const started = Date.now();
    const { reply } = await runStreaming(ASK, d);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(reply.note).toBe("The language model did not answer within 0.3 s, so this is the offline answer.");
    const offline = await handleCommand(ASK, { platform: "cli" }, llm.deps);
    expect(sentencesOf(reply)).toEqual(sentencesOf(offline));
  });
});

describe("progress after the deadline", () => {
  it("reports nothing once the command has answered, even if a client keeps streaming past its deadline", async () => {
    let late: ChatRequest | undefined;
    // A client that ignores the abort signal and goes on sending text after the deadline.
    const client: ChatClient = {
      model: "stubborn-model",
      complete: (request) => {
        late = request;
        return new Promise(() => {});
      },
    };
    const store = llm.deps.store.completions;
    const now = () => new Date("2026-03-20T12:00:00Z");
    const writer = new ModelWriter({
      client,
      cache: new CompletionCache(store, client.model, silentLogger, now),
      budget: new TokenBudget(store, 0, now, silentLogger),
      logger: silentLogger,
      timeoutMs: 50,
      dailyTokens: 0,
    });
    const passage = "Dock workers in Port Vessa walked off the job on Tuesday.";
    const item: WriteItem = {
      subject: "Strike",
      passages: [{ id: "P1", articleId: "a1", text: passage, source: "Lumen Gazette", publishedAt: null }],
      extractive: [{ text: passage, cites: ["P1"] }],
      maxSentences: 2,
    };
    const reported: WrittenSentence[][][] = [];
    const result = await writer.writeAnswer(item, { onProgress: (p) => reported.push(p) });
    expect(result.by).toBe("extractive");
    expect(late?.signal.aborted).toBe(true);
    late?.onText?.(`${passage} [P1]\n`);
    expect(reported).toEqual([]);
  });
});
