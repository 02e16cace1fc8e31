import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import { describe, expect, it } from 'vitest';
import { redactKey, retryAfterMsOf, toLmError, type ErrorContext } from './errorMapping.ts';

const ctx: ErrorContext = {
  provider: 'ollama',
  baseUrl: 'http://localhost:11434/v1',
  model: 'llama3.2',
  maxRetries: 4,
  timeoutMs: 5000,
  apiKey: 'sk-abcdef123456',
};
const apiError = (status: number, message: string, headers: Record<string, string> = {}) =>
  APIError.generate(status, { error: { message } }, undefined, new Headers(headers));

describe('toLmError', () => {
  it.each([
    [401, 'auth'],
    [403, 'auth'],
    [404, 'not_found'],
    [429, 'rate_limit'],
    [500, 'server'],
    [503, 'server'],
    [400, 'bad_request'],
    [422, 'bad_request'],
  ])('HTTP %i is %s', (status, kind) => {
    const e = toLmError(apiError(status, 'nope'), ctx);
    expect(e).toMatchObject({ kind, status, endpoint: ctx.baseUrl });
    expect(e.message.startsWith('llama3.2 at http://localhost:11434/v1: ')).toBe(true);
  });

  it('timeouts, connection errors and aborts', () => {
    expect(toLmError(new APIConnectionTimeoutError(), ctx).message).toContain(
      'no answer within 5000 ms, after 4 retries',
    );
    const net = toLmError(new APIConnectionError({ message: 'fetch failed' }), ctx);
    expect(net.kind).toBe('network');
    expect(net.message).toContain('OLLAMA_ORIGINS');
    expect(toLmError(new APIUserAbortError(), ctx).kind).toBe('aborted');
    expect(toLmError(new Error('anything'), { ...ctx, signal: AbortSignal.abort() }).kind).toBe('aborted');
  });

  it("quotes the server's message, or a non-JSON error body, without the status twice", () => {
    expect(toLmError(apiError(400, 'max_tokens is too large.'), ctx).message).toContain(
      '(HTTP 400): max_tokens is too large',
    );
    const html = APIError.generate(502, undefined, '<html>Bad gateway</html>', new Headers());
    expect(toLmError(html, ctx).message).toContain('server error (HTTP 502) after 4 retries: <html>Bad gateway</html>');
    expect(toLmError(APIError.generate(500, undefined, undefined, new Headers()), ctx).message).toMatch(
      /HTTP 500\) after 4 retries$/,
    );
  });

  it("keeps a rate limit's Retry-After", () => {
    expect(toLmError(apiError(429, 'slow', { 'retry-after': '7' }), ctx).retryAfterMs).toBe(7000);
  });

  it('never repeats the key a server echoed', () => {
    const e = toLmError(apiError(401, `Incorrect API key provided: ${ctx.apiKey}`), ctx);
    expect(e.message).not.toContain(ctx.apiKey);
    expect(e.message).toContain('***');
  });
});

describe('helpers', () => {
  it('reads retry-after-ms before retry-after, seconds or an HTTP date', () => {
    expect(retryAfterMsOf(new Headers({ 'retry-after-ms': '250', 'retry-after': '9' }))).toBe(250);
    expect(retryAfterMsOf(new Headers({ 'retry-after': '1.5' }))).toBe(1500);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(retryAfterMsOf(new Headers({ 'retry-after': 'Thu, 01 Jan 2026 00:00:03 GMT' }), now)).toBe(3000);
    expect(retryAfterMsOf(new Headers({}))).toBeUndefined();
    expect(retryAfterMsOf(undefined)).toBeUndefined();
  });

  it('redacts every occurrence of the key, and leaves text alone without one', () => {
    expect(redactKey('a KEY1234 b KEY1234', 'KEY1234')).toBe('a *** b ***');
    expect(redactKey('plain', undefined)).toBe('plain');
  });
});
