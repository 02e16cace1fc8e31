// The LM layer's contract: one small interface every model implementation (OpenAI-compatible HTTP,
// the offline demo model) satisfies, plus the settings and usage records that travel with calls.
export type ChatRole = 'system' | 'user' | 'assistant';

export interface ChatMessage {
  role: ChatRole;
  content: string;
}

export interface TokenUsage {
  promptTokens: number;
  completionTokens: number;
}

export interface CompletionRequest {
  messages: ChatMessage[];
  /** overrides the model's configured temperature for this call */
  temperature?: number;
  maxTokens?: number;
  signal?: AbortSignal;
}

export interface Completion {
  text: string;
  usage: TokenUsage;
  latencyMs: number;
  /** the model that answered, as the endpoint reports it */
  model: string;
  /** served from the evaluation cache: nothing was paid */
  cached?: boolean;
}

export interface LanguageModel {
  /** stable label for logs, usage and errors, e.g. "openai:gpt-4.1-mini" or "demo" */
  readonly id: string;
  /** the settings that change answers (model, temperature, max tokens, base URL): part of cache keys */
  readonly settingsKey: string;
  complete(request: CompletionRequest): Promise<Completion>;
}

/** Where a model lives and how to call it. The API key is held in memory only. */
export interface LmEndpointConfig {
  provider: ProviderId;
  baseUrl: string;
  model: string;
  apiKey?: string;
  temperature?: number;
  maxTokens?: number;
  headers?: Record<string, string>;
  /** calls in flight at once to this endpoint (default 8) */
  concurrency?: number;
  /** per-request timeout in ms (default 60 000) */
  timeoutMs?: number;
  /** retries on 429 / 5xx / network errors / timeouts (default 4) */
  maxRetries?: number;
  /** the fetch the client calls (default: the global one); Node hosts pass a leaner one, see cli/nodeFetch */
  fetch?: typeof fetch;
}

export type ProviderId =
  'openai' | 'openrouter' | 'anthropic' | 'groq' | 'together' | 'ollama' | 'lmstudio' | 'vllm' | 'custom' | 'demo';

/** Dollars per million tokens. */
export interface Price {
  inputPerMTok: number;
  outputPerMTok: number;
}

export type PriceTable = Record<string, Price>;

export interface UsageRecord {
  /** which LM ("task" or "reflection") */
  role: 'task' | 'reflection' | 'judge';
  lmId: string;
  usage: TokenUsage;
  costUsd: number;
  cached: boolean;
}

export class LmError extends Error {
  constructor(
    message: string,
    readonly endpoint: string,
    readonly kind:
      | 'auth'
      | 'not_found'
      | 'rate_limit'
      | 'server'
      | 'timeout'
      | 'network'
      | 'bad_response'
      | 'aborted'
      | 'bad_request',
    readonly status?: number,
    /** for 'rate_limit': how long the server asked callers to wait (Retry-After), if it said */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'LmError';
  }
}
