// A LanguageModel for any OpenAI-compatible chat-completions endpoint, on the `openai` client. The client
// owns retries (408/409/429/5xx/connection errors, exponential backoff with jitter, Retry-After) and the
// per-request timeout; this class only configures it, validates the body, and turns failures into one
// final LmError. The one retry it adds is for what the client cannot see: a 200 whose body is truncated
// or not JSON (a flaky proxy or an overloaded server), retried within the same retry budget.
// Invariant: the API key lives in the client only — never in ids, keys or messages.
import OpenAI from 'openai';
import { parseChatBody, readBody } from './chatResponse.ts';
import { lmFailure, toLmError, type ErrorContext } from './errorMapping.ts';
import { PLACEHOLDER_API_KEY, presetFor } from './presets.ts';
import type { Completion, CompletionRequest, LanguageModel, LmEndpointConfig, LmError } from './types.ts';

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_MAX_RETRIES = 4;

export class OpenAiLanguageModel implements LanguageModel {
  readonly id: string;
  readonly settingsKey: string;
  private readonly client: OpenAI;
  private readonly ctx: ErrorContext;

  constructor(private readonly config: LmEndpointConfig) {
    const baseUrl = config.baseUrl.replace(/\/+$/, '');
    // the client validates the timeout as a positive integer
    const timeoutMs = Math.max(1, Math.round(config.timeoutMs ?? DEFAULT_TIMEOUT_MS));
    const maxRetries = Math.max(0, Math.floor(config.maxRetries ?? DEFAULT_MAX_RETRIES));
    this.id = `${config.provider}:${config.model}`;
    this.settingsKey = JSON.stringify({
      baseUrl,
      model: config.model,
      temperature: config.temperature ?? null,
      maxTokens: config.maxTokens ?? null,
    });
    this.ctx = {
      provider: config.provider,
      baseUrl,
      model: config.model,
      maxRetries,
      timeoutMs,
      apiKey: config.apiKey,
    };
    this.client = new OpenAI({
      baseURL: baseUrl,
      apiKey: config.apiKey || PLACEHOLDER_API_KEY,
      dangerouslyAllowBrowser: true,
      // a provider's required headers (Anthropic's browser opt-in) apply even if the form did not copy them
      defaultHeaders: { ...presetFor(config.provider).headers, ...config.headers },
      timeout: timeoutMs,
      maxRetries,
      ...(config.fetch ? { fetch: config.fetch } : {}),
      // never forward OpenAI account settings from the environment to another provider
      organization: null,
      project: null,
    });
  }

  async complete(request: CompletionRequest): Promise<Completion> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.attempt(request);
      } catch (err) {
        const retryable =
          (err as LmError).kind === 'bad_response' && attempt < this.ctx.maxRetries && !request.signal?.aborted;
        if (!retryable) throw err;
        await backoff(attempt, request.signal);
      }
    }
  }

  private async attempt(request: CompletionRequest): Promise<Completion> {
    const ctx = { ...this.ctx, signal: request.signal };
    const fail = (message: string, kind: LmError['kind'] = 'bad_response') => lmFailure(ctx, message, kind);
    const started = performance.now();
    const temperature = request.temperature ?? this.config.temperature;
    const maxTokens = request.maxTokens ?? this.config.maxTokens;
    let response: Response;
    try {
      const call = this.client.chat.completions
        .create(
          {
            model: this.config.model,
            messages: request.messages,
            ...(temperature !== undefined ? { temperature } : {}),
            // OpenAI's newer models reject max_tokens; other compatible servers only know max_tokens.
            ...(maxTokens !== undefined
              ? this.config.provider === 'openai'
                ? { max_completion_tokens: maxTokens }
                : { max_tokens: maxTokens }
              : {}),
          },
          { signal: request.signal },
        )
        .asResponse();
      response = await untilAborted(call, request.signal);
    } catch (err) {
      throw toLmError(err, ctx);
    }
    let raw: string;
    try {
      raw = await readBody(response, ctx.timeoutMs, fail);
    } catch (err) {
      throw toLmError(err, ctx);
    }
    const promptText = request.messages.map((m) => m.content).join('\n');
    const parsed = parseChatBody(raw, response.headers.get('content-type'), promptText, (message) => fail(message));
    return {
      text: parsed.text,
      usage: parsed.usage,
      latencyMs: performance.now() - started,
      model: parsed.model ?? this.config.model,
    };
  }
}

/** Exponential backoff with jitter (0.5 s, 1 s, 2 s … capped at 8 s), cut short by an abort. */
function backoff(attempt: number, signal?: AbortSignal): Promise<void> {
  const ms = Math.min(8000, 500 * 2 ** attempt) * (0.75 + Math.random() * 0.5);
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * The client checks the signal only between attempts, so an abort during a long Retry-After sleep would
 * wait it out; settle at once instead (the client's own promise ends quietly with its abort error later).
 */
function untilAborted<T>(promise: Promise<T>, signal?: AbortSignal): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
