/**
 * A local OpenAI-compatible server for the language-model tests: POST /chat/completions on 127.0.0.1, answering
 * each request as a script says (JSON, or SSE chunks when the request asks to stream; an HTTP error such as 429 with
 * Retry-After or 500; an answer slower than the client's deadline) and capturing every request.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { afterAll, afterEach, beforeAll } from "vitest";
import type { CoreDeps } from "../../src/core/deps.js";
import type { Writer } from "../../src/core/writer.js";
import type { EnabledLlmConfig } from "../../src/llm/config.js";
import { writerFromConfig } from "../../src/llm/create-writer.js";
import { type Logger, silentLogger } from "../../src/logger.js";
import type { Store } from "../../src/store/store.js";
import { demoDeps } from "./demo-store.js";
import { startLocalServer } from "./local-server.js";

export interface ChatBody {
  model: string;
  messages: Array<{ role: string; content: string }>;
  stream?: boolean;
  max_tokens?: number;
  max_completion_tokens?: number;
}

export interface CapturedRequest {
  body: ChatBody;
  authorization: string | undefined;
}

export type FakeAnswer =
  /**
   * A completion: JSON, or streamed in pieces `chunkDelayMs` apart when the request streams. `usage: null`: the
   * server reports no usage. `cutShort`: a stream ends after its content, without a finish reason, usage or [DONE].
   */
  | {
      content: string;
      usage?: { prompt_tokens: number; completion_tokens: number } | null;
      chunkDelayMs?: number;
      cutShort?: boolean;
    }
  /** A 200 with this body as it is (not a completion), of this content type. */
  | { raw: string; contentType: string }
  /** Server-sent events as given (each a `data:` payload), then the end of the response. */
  | { events: string[] }
  /** Never answers: before sending headers, or after the headers and a first chunk of a stream. */
  | { hang: "before-headers" | "after-headers" }
  /** An HTTP error with an OpenAI-style error body. */
  | { status: number; retryAfter?: string }
  /** An answer that starts only after `delayMs`. */
  | { delayMs: number; content: string };

export interface FakeOpenAi {
  /** For OPENAI_BASE_URL. */
  baseUrl: string;
  requests: CapturedRequest[];
  close(): Promise<void>;
}

const sleep = (ms: number, timers: Set<ReturnType<typeof setTimeout>>) =>
  new Promise<void>((resolve) => {
    const t = setTimeout(() => {
      timers.delete(t);
      resolve();
    }, ms);
    timers.add(t);
  });

async function readBody(req: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const chunk of req) parts.push(chunk as Buffer);
  return Buffer.concat(parts).toString("utf8");
}

function completion(
  model: string,
  content: string,
  usage: { prompt_tokens: number; completion_tokens: number },
) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion",
    created: 0,
    model,
    choices: [{ index: 0, message: { role: "assistant", content }, finish_reason: "stop", logprobs: null }],
    usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
  };
}

function chunk(model: string, delta: Record<string, string>, finish: string | null) {
  return {
    id: "chatcmpl-fake",
    object: "chat.completion.chunk",
    created: 0,
    model,
    choices: [{ index: 0, delta, finish_reason: finish }],
  };
}

/** The content in pieces of about `size` characters, so a line arrives in several chunks. */
function pieces(content: string, size = 12): string[] {
  const out: string[] = [];
  for (let i = 0; i < content.length; i += size) out.push(content.slice(i, i + size));
  return out;
}

export async function startFakeOpenAi(
  script: (request: CapturedRequest, n: number) => FakeAnswer,
): Promise<FakeOpenAi> {
  const requests: CapturedRequest[] = [];
  const timers = new Set<ReturnType<typeof setTimeout>>();
  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "POST") {
      res.writeHead(405).end();
      return;
    }
    const captured: CapturedRequest = {
      body: JSON.parse(await readBody(req)) as ChatBody,
      authorization: req.headers.authorization,
    };
    requests.push(captured);
    const answer = script(captured, requests.length);
    const model = captured.body.model;
    if ("hang" in answer) {
      if (answer.hang === "after-headers") {
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(`data: ${JSON.stringify(chunk(model, { role: "assistant", content: "Adela" }, null))}\n\n`);
      }
      return;
    }
    if ("raw" in answer) {
      res.writeHead(200, { "content-type": answer.contentType });
      res.end(answer.raw);
      return;
    }
    if ("events" in answer) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const e of answer.events) res.write(`data: ${e}\n\n`);
      res.end();
      return;
    }
    if ("status" in answer) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (answer.retryAfter !== undefined) headers["retry-after"] = answer.retryAfter;
      res.writeHead(answer.status, headers);
      res.end(
        JSON.stringify({ error: { message: `fake error ${answer.status}`, type: "fake", code: null } }),
      );
      return;
    }
    if ("delayMs" in answer) await sleep(answer.delayMs, timers);
    if (res.destroyed) return;
    const usage =
      "usage" in answer && answer.usage !== undefined
        ? answer.usage
        : { prompt_tokens: 100, completion_tokens: 20 };
    if (!captured.body.stream) {
      res.writeHead(200, { "content-type": "application/json" });
      const body: Record<string, unknown> = completion(
        model,
        answer.content,
        usage ?? { prompt_tokens: 0, completion_tokens: 0 },
      );
      if (usage === null) delete body.usage;
      res.end(JSON.stringify(body));
      return;
    }
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
    const send = (data: unknown) => res.write(`data: ${JSON.stringify(data)}\n\n`);
    send(chunk(model, { role: "assistant", content: "" }, null));
    const delay = "chunkDelayMs" in answer ? (answer.chunkDelayMs ?? 0) : 0;
    for (const piece of pieces(answer.content)) {
      if (delay > 0) await sleep(delay, timers);
      if (res.destroyed) return;
      send(chunk(model, { content: piece }, null));
    }
    if ("cutShort" in answer && answer.cutShort) {
      res.end();
      return;
    }
    send(chunk(model, {}, "stop"));
    if (usage)
      send({ id: "chatcmpl-fake", object: "chat.completion.chunk", created: 0, model, choices: [], usage });
    res.end("data: [DONE]\n\n");
  };
  const server = await startLocalServer({ "/chat/completions": handle });
  return {
    baseUrl: server.url("/").replace(/\/$/, ""),
    requests,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      await server.close();
    },
  };
}

/** The passages of a captured request: id → text, as fenced in its user message. */
export function passagesOf(request: CapturedRequest): Map<string, string> {
  const user = request.body.messages.find((m) => m.role === "user")?.content ?? "";
  const out = new Map<string, string>();
  for (const m of user.matchAll(/⟪(P\d+)[^⟫]*⟫\n([^\n]*)\n⟪\/\1⟫/gu)) out.set(m[1] as string, m[2] as string);
  return out;
}

/** The fenced SUBJECT of a captured request (a headline, an actor, a question). */
export function subjectOf(request: CapturedRequest): string {
  const user = request.body.messages.find((m) => m.role === "user")?.content ?? "";
  return /⟪SUBJECT⟫\n([^\n]*)\n⟪\/SUBJECT⟫/u.exec(user)?.[1] ?? "";
}

/** The id of the first passage containing `needle`, or "P0" (a passage that does not exist). */
export function passageWith(request: CapturedRequest, needle: string | RegExp): string {
  for (const [id, text] of passagesOf(request)) {
    if (typeof needle === "string" ? text.includes(needle) : needle.test(text)) return id;
  }
  return "P0";
}

/** A model-backed writer talking to `server` (its own model name by default, so tests never share cache entries). */
export function fakeModelWriter(
  server: FakeOpenAi,
  store: Store,
  options: Partial<EnabledLlmConfig> & {
    logger?: Pick<Logger, "debug" | "info" | "warn">;
    now?: () => Date;
  } = {},
): Writer {
  const { logger = silentLogger, now = () => new Date("2026-03-20T12:00:00Z"), ...config } = options;
  modelCounter++;
  const writer = writerFromConfig(
    {
      enabled: true,
      model: `fake-model-${modelCounter}`,
      baseUrl: server.baseUrl,
      apiKey: "test-key",
      timeoutMs: 5000,
      dailyTokens: 0,
      ...config,
    },
    { store, logger, now },
  );
  if (!writer) throw new Error("no writer");
  return writer;
}

let modelCounter = 0;

export type ModelWriterOptions = Parameters<typeof fakeModelWriter>[2];

export interface ModelTestEnv {
  /** The demo store's deps: opened before the file's tests, closed after them. */
  deps: CoreDeps;
  /** The fake server the running test started, if any: closed after each test. */
  server: FakeOpenAi | undefined;
  /** Starts a fake server answering as `script` says; the deps with a model writer talking to it. */
  withModel(script: (req: CapturedRequest) => FakeAnswer, options?: ModelWriterOptions): Promise<CoreDeps>;
}

/** The demo deps and fake model servers for the tests of the calling file, with the hooks that open and close them. */
export function useModelTestEnv(): ModelTestEnv {
  const env: ModelTestEnv = {
    deps: undefined as unknown as CoreDeps,
    server: undefined,
    async withModel(script, options = {}) {
      env.server = await startFakeOpenAi(script);
      return { ...env.deps, writer: fakeModelWriter(env.server, env.deps.store, options) };
    },
  };
  beforeAll(async () => {
    env.deps = await demoDeps();
  });
  afterAll(async () => {
    await env.deps.store.close();
  });
  afterEach(async () => {
    await env.server?.close();
    env.server = undefined;
  });
  return env;
}

/** A logger that keeps what is logged at info level and above. */
export function capturingLogger(): {
  logger: Pick<Logger, "debug" | "info" | "warn">;
  lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }>;
} {
  const lines: Array<{ level: string; obj: Record<string, unknown>; msg: string }> = [];
  const at = (level: string) => (obj: Record<string, unknown>, msg: string) => {
    lines.push({ level, obj, msg });
  };
  const logger = { debug: () => {}, info: at("info"), warn: at("warn") };
  return { logger: logger as unknown as Pick<Logger, "debug" | "info" | "warn">, lines };
}
