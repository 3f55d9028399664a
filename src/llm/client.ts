/** Chat completions through the `openai` package: one JSON answer, or a streamed (SSE) one reported as it grows. */
import OpenAI from "openai";
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
}

/** What the model writer needs from a model: one chat completion. */
export interface ChatClient {
  readonly model: string;
  complete(request: ChatRequest): Promise<ChatAnswer>;
}

/** About four characters a token, for servers that report no usage. */
function estimateTokens(text: string): number {
  return Math.ceil(text.length / 4);
}

function usageOf(
  usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined,
  messages: ChatMessage[],
  text: string,
): Pick<ChatAnswer, "promptTokens" | "completionTokens"> {
  return {
    promptTokens: usage?.prompt_tokens ?? estimateTokens(messages.map((m) => m.content).join("\n")),
    completionTokens: usage?.completion_tokens ?? estimateTokens(text),
  };
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
        const text = res.choices[0]?.message?.content ?? "";
        return { text, ...usageOf(res.usage, messages, text) };
      }
      const stream = await openai.chat.completions.create(
        { ...body, stream: true, stream_options: { include_usage: true } },
        { signal },
      );
      let text = "";
      let usage: { prompt_tokens?: number; completion_tokens?: number } | null | undefined;
      for await (const chunk of stream) {
        const delta = chunk.choices[0]?.delta?.content;
        if (delta) {
          text += delta;
          onText(text);
        }
        if (chunk.usage) usage = chunk.usage;
      }
      return { text, ...usageOf(usage, messages, text) };
    },
  };
}
