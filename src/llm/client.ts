/** Chat completions through the `openai` package: one JSON answer, or a streamed (SSE) one reported as it grows. */
import OpenAI, { APIUserAbortError } from "openai";
import type { ChatCompletionCreateParamsBase } from "openai/resources/chat/completions";
import { type EnabledLlmConfig, endpointOf } from "./config.js";

export interface ChatMessage {
  role: "system" | "user";
  content: string;
}

export interface ChatRequest {
  messages: ChatMessage[];
  /** Most tokens the answer may take. */
  maxTokens: number;
  /** Aborts the request: the command's deadline. */
  signal: AbortSignal;
  /** When given, the answer is streamed and this is called with the text so far after each chunk. */
  onText?: (soFar: string) => void;
}

export interface ChatAnswer {
  text: string;
  promptTokens: number;
  completionTokens: number;
  /**
   * Whether the server said the answer is finished (a finish_reason). A stream the server closed early has none: its
   * text is partial and must not be cached.
   */
  finished: boolean;
}

/** What the model writer needs from a model: one chat completion. */
export interface ChatClient {
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatAnswer>;
}

/** About four characters a token, for servers that report no usage. */
export function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

/** The tokens a prompt of `messages` is likely to take. */
export function promptTokenEstimate(messages: ChatMessage[]): number {
  return estimateTokens(messages.map((m) => m.content).join("\n"));
}

/** A count the server reported, when it is one (servers send null, strings or nothing). */
function count(n: unknown): number | undefined {
  return typeof n === "number" && Number.isFinite(n) && n >= 0 ? Math.round(n) : undefined;
}

function usageOf(
  usage: { prompt_tokens?: unknown; completion_tokens?: unknown } | null | undefined,
  messages: ChatMessage[],
  text: string,
): Pick<ChatAnswer, "promptTokens" | "completionTokens"> {
  return {
    promptTokens: count(usage?.prompt_tokens) ?? promptTokenEstimate(messages),
    completionTokens: count(usage?.completion_tokens) ?? estimateTokens(text),
  };
}

/** Message content as text: servers that send parts or nothing give "". */
function textOf(content: unknown): string {
  return typeof content === "string" ? content : "";
}

/**
 * A ChatClient on the openai package. Retries are off (a 429 or an error falls back to the offline answer at once)
 * and every request is bounded by `timeoutMs` and by the caller's signal.
 */
export function openAiChatClient(config: EnabledLlmConfig): ChatClient {
  const openai = new OpenAI({
    apiKey: config.apiKey,
    baseURL: endpointOf(config),
    organization: null,
    project: null,
    timeout: config.timeoutMs,
    maxRetries: 0,
  });
  // OpenAI's own API wants max_completion_tokens (reasoning models reject max_tokens); Ollama, llama.cpp and
  // LM Studio read only max_tokens, vLLM both.
  const limit = (n: number): Partial<ChatCompletionCreateParamsBase> =>
    config.baseUrl === null ? { max_completion_tokens: n } : { max_tokens: n };
  return {
    model: config.model,
    async complete({ messages, maxTokens, signal, onText }) {
      const body = { model: config.model, messages, ...limit(maxTokens) };
      if (!onText) {
        const res = await openai.chat.completions.create({ ...body, stream: false }, { signal });
        // A body that is not a completion (HTML from a proxy, "choices" missing) cannot be read.
        if (!Array.isArray(res?.choices)) throw new TypeError("the server's answer is not a chat completion");
        const text = textOf(res.choices[0]?.message?.content);
        return { text, finished: true, ...usageOf(res.usage, messages, text) };
      }
      const stream = await openai.chat.completions.create(
        { ...body, stream: true, stream_options: { include_usage: true } },
        { signal },
      );
      let text = "";
      let finished = false;
      let usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined;
      for await (const chunk of stream) {
        const choice = Array.isArray(chunk?.choices) ? chunk.choices[0] : undefined;
        const delta = textOf(choice?.delta?.content);
        if (delta) {
          text += delta;
          onText(text);
        }
        if (choice?.finish_reason) finished = true;
        if (chunk?.usage) usage = chunk.usage;
      }
      // The openai package ends a stream quietly when it is aborted: that is the deadline, not an answer.
      if (signal.aborted) throw new APIUserAbortError();
      return { text, finished, ...usageOf(usage, messages, text) };
    },
  };
}
