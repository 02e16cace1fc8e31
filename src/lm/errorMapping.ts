// Turns whatever the `openai` client throws into one final LmError that names the endpoint and says why,
// in words a user can act on. By the time an error reaches here the client has already done its retries,
// so the message says so for the kinds it retries. Invariant: no message ever contains the API key.
import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { corsHintFor } from './presets.ts';
import { LmError, type ProviderId } from './types.ts';
import { errorMessage } from '../engine/index.ts';

export interface ErrorContext {
  provider: ProviderId;
  baseUrl: string;
  model: string;
  maxRetries: number;
  timeoutMs: number;
  apiKey?: string;
  signal?: AbortSignal;
}

/** Removes the key from text a server echoed back (some 401 bodies quote the key they rejected). */
export function redactKey(text: string, apiKey?: string): string {
  return apiKey && apiKey.length >= 4 ? text.split(apiKey).join('***') : text;
}

/** Retry-After as milliseconds: retry-after-ms first (what the client itself prefers), then seconds or an HTTP date. */
export function retryAfterMsOf(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number.parseFloat(headers?.get('retry-after-ms') ?? '');
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const raw = headers?.get('retry-after');
  if (!raw) return undefined;
  const seconds = Number.parseFloat(raw);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(raw);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** The server's own words: the JSON error's message, else the client's summary of a non-JSON body. */
function serverMessage(err: APIError): string {
  const body = err.error as { message?: unknown } | undefined;
  const raw =
    typeof body?.message === 'string'
      ? body.message
      : err.message.replace(/^\d{3}\s*/, '').replace(/^status code \(no body\)$/, '');
  const text = raw.replace(/\s+/g, ' ').trim().replace(/\.+$/, '');
  return text ? `: ${text.slice(0, 300)}` : '';
}

/** An LmError whose message starts with the model and endpoint, with the key redacted. */
export function lmFailure(
  ctx: ErrorContext,
  message: string,
  kind: LmError['kind'],
  status?: number,
  retryAfterMs?: number,
): LmError {
  return new LmError(
    redactKey(`${ctx.model} at ${ctx.baseUrl}: ${message}`, ctx.apiKey),
    ctx.baseUrl,
    kind,
    status,
    retryAfterMs,
  );
}

export function toLmError(err: unknown, ctx: ErrorContext): LmError {
  const make = (message: string, kind: LmError['kind'], status?: number, retryAfterMs?: number) =>
    lmFailure(ctx, message, kind, status, retryAfterMs);
  // the caller's abort wins over whatever the abort caused downstream (a cut-off body, a connection error)
  if (ctx.signal?.aborted || err instanceof APIUserAbortError) return make('the call was cancelled', 'aborted');
  if (err instanceof LmError) return err;
  const retried = ctx.maxRetries === 1 ? 'after 1 retry' : `after ${ctx.maxRetries} retries`;

  if (err instanceof APIConnectionTimeoutError)
    return make(`no answer within ${ctx.timeoutMs} ms, ${retried}`, 'timeout');
  if (err instanceof APIConnectionError) {
    return make(
      `could not reach the endpoint (network error), ${retried}. ` +
        `In a browser this is most often CORS. ${corsHintFor(ctx.provider)}`,
      'network',
    );
  }
  if (err instanceof APIError && typeof err.status === 'number') {
    const status = err.status;
    const detail = serverMessage(err);
    if (status === 401 || status === 403) {
      return make(
        `the API key was rejected (HTTP ${status})${detail}. Check the key for this endpoint; not retried.`,
        'auth',
        status,
      );
    }
    if (status === 404) {
      return make(
        `not found (HTTP 404)${detail}. Check the model name, ` +
          "and that the base URL ends where the provider's API begins (usually /v1); not retried.",
        'not_found',
        status,
      );
    }
    if (status === 429) {
      const retryAfterMs = retryAfterMsOf(err.headers);
      return make(
        `rate-limited (HTTP 429) ${retried}${detail}. Lower the concurrency or wait before resuming.`,
        'rate_limit',
        status,
        retryAfterMs,
      );
    }
    if (status >= 500 || status === 408 || status === 409)
      return make(`server error (HTTP ${status}) ${retried}${detail}`, 'server', status);
    return make(`the endpoint rejected the request (HTTP ${status})${detail}`, 'bad_request', status);
  }
  const message = errorMessage(err);
  return make(`unexpected failure: ${message}`, 'bad_response');
}
