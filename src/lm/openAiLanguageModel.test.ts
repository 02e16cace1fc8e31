// Through the real `openai` client over HTTP to the local test server: success, the client's retries on
// 429/500/timeouts, and every failure ending as one clear LmError.
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { echoResponder } from '../../e2e/lmServer/responders.ts';
import { startLmServer, type LmServer } from '../../e2e/lmServer/server.ts';
import { OpenAiLanguageModel } from './openAiLanguageModel.ts';
import { LmError, type LmEndpointConfig } from './types.ts';

const KEY = 'sk-test-secret-key-0123';
const messages = [
  { role: 'system' as const, content: 'You answer briefly.' },
  { role: 'user' as const, content: 'What is the capital of France?' },
];

let server: LmServer;
beforeAll(async () => {
  server = await startLmServer({ apiKey: KEY, models: ['test-model'], responder: echoResponder });
});
afterAll(() => server.close());
beforeEach(() => {
  server.setFaults({ rate: 0, sequence: [], retryAfterMs: 30 });
  server.setLatency(0);
  server.resetStats();
});

function model(over: Partial<LmEndpointConfig> = {}) {
  return new OpenAiLanguageModel({
    provider: 'custom',
    baseUrl: server.url,
    model: 'test-model',
    apiKey: KEY,
    timeoutMs: 2000,
    maxRetries: 2,
    ...over,
  });
}

async function failure(p: Promise<unknown>): Promise<LmError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(LmError);
  return err as LmError;
}

describe('OpenAiLanguageModel', () => {
  it('returns the text, the reported usage and the model', async () => {
    const c = await model().complete({ messages });
    expect(c.text).toBe('echo: What is the capital of France?');
    const promptChars = messages.map((m) => m.content).join('\n').length;
    expect(c.usage).toEqual({
      promptTokens: Math.ceil(promptChars / 4),
      completionTokens: Math.ceil(c.text.length / 4),
    });
    expect(c.model).toBe('test-model');
    expect(c.cached).toBeUndefined();
    expect(c.latencyMs).toBeGreaterThanOrEqual(0);
    expect(server.stats().chatRequests).toBe(1);
  });

  it('ids and settings keys name the model and its answer-changing settings, never the key', () => {
    const a = model({ temperature: 0 });
    expect(a.id).toBe('custom:test-model');
    expect(a.settingsKey).not.toContain(KEY);
    expect(a.settingsKey).not.toBe(model({ temperature: 0.7 }).settingsKey);
    expect(a.settingsKey).toBe(model({ temperature: 0, apiKey: 'other' }).settingsKey);
  });

  it.each(['custom', 'openai'] as const)(
    'forwards max tokens (%s spelling) so the server cuts the answer',
    async (provider) => {
      const c = await model({ provider }).complete({ messages, maxTokens: 2 });
      expect(c.text).toBe('echo: Wh');
      expect(c.usage.completionTokens).toBe(2);
    },
  );

  it('retries a 429, waiting the Retry-After the server asked for, then succeeds', async () => {
    // the client's wait is a setTimeout: faked, the test moves the clock instead of measuring it
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    onTestFinished(() => void vi.useRealTimers());
    server.setFaults({ sequence: ['429'], retryAfterMs: 30_000 });
    const call = model().complete({ messages });
    await expect.poll(() => server.stats().byStatus).toEqual({ '429': 1 });
    await vi.advanceTimersByTimeAsync(29_900);
    expect(server.stats().chatRequests).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    const c = await call;
    expect(c.text).toContain('capital of France');
    expect(server.stats().byStatus).toEqual({ '429': 1, '200': 1 });
  });

  it('retries a 500 with backoff, then succeeds', async () => {
    server.setFaults({ sequence: ['500'] });
    const c = await model().complete({ messages });
    expect(c.text).toContain('capital of France');
    expect(server.stats().byStatus).toEqual({ '500': 1, '200': 1 });
  });

  it('ends rate-limited after the retries with a final error carrying Retry-After', async () => {
    server.setFaults({ sequence: ['429', '429', '429'], retryAfterMs: 20 });
    const err = await failure(model({ maxRetries: 2 }).complete({ messages }));
    expect(err.kind).toBe('rate_limit');
    expect(err.status).toBe(429);
    expect(err.retryAfterMs).toBe(20);
    expect(err.message).toMatch(
      /test-model at http:\/\/127\.0\.0\.1:\d+\/v1: rate-limited \(HTTP 429\) after 2 retries/,
    );
    expect(err.endpoint).toBe(server.url);
    expect(server.stats().chatRequests).toBe(3);
  });

  it('ends with a server error after the retries on persistent 500s', async () => {
    server.setFaults({ sequence: ['500', '500'] });
    const err = await failure(model({ maxRetries: 1 }).complete({ messages }));
    expect(err.kind).toBe('server');
    expect(err.status).toBe(500);
    expect(err.message).toContain('after 1 retry');
    expect(server.stats().chatRequests).toBe(2);
  });

  it('times out a hung request, retries it, then fails with a timeout naming the limit', async () => {
    server.setFaults({ sequence: ['hang', 'hang'] });
    const err = await failure(model({ timeoutMs: 80, maxRetries: 1 }).complete({ messages }));
    expect(err.kind).toBe('timeout');
    expect(err.message).toContain('no answer within 80 ms, after 1 retry');
    expect(server.stats().faults.hang).toBe(2);
  });

  it('retries a non-JSON 200 and succeeds when the next answer is good', async () => {
    server.setFaults({ sequence: ['non_json'] });
    const res = await model().complete({ messages });
    expect(res.text.length).toBeGreaterThan(0);
    expect(server.stats().chatRequests).toBe(2);
  });

  it('reports a non-JSON 200 as bad_response once the retries are spent', async () => {
    server.setFaults({ sequence: ['non_json', 'non_json'] });
    const err = await failure(model({ maxRetries: 1 }).complete({ messages }));
    expect(err.kind).toBe('bad_response');
    expect(err.message).toContain('not JSON (text/html)');
    expect(err.message).toContain('502 Bad Gateway');
    expect(server.stats().chatRequests).toBe(2);
  });

  it('reports a body cut off mid-way as bad_response (no retries configured)', async () => {
    server.setFaults({ sequence: ['truncated'] });
    const err = await failure(model({ maxRetries: 0 }).complete({ messages }));
    expect(err.kind).toBe('bad_response');
    expect(err.message).toContain('cut off');
    expect(server.stats().chatRequests).toBe(1);
  });

  it('rejects a bad key at once as auth, and keeps the key out of the message', async () => {
    const wrong = 'sk-wrong-key-9876';
    const err = await failure(model({ apiKey: wrong, maxRetries: 3 }).complete({ messages }));
    expect(err.kind).toBe('auth');
    expect(err.status).toBe(401);
    expect(err.message).toContain('API key was rejected');
    expect(err.message).not.toContain(wrong);
    expect(err.message).not.toContain(KEY);
    expect(server.stats().chatRequests).toBe(1);
  });

  it('reports an unknown model at once as not_found', async () => {
    const err = await failure(model({ model: 'no-such-model', maxRetries: 3 }).complete({ messages }));
    expect(err.kind).toBe('not_found');
    expect(err.status).toBe(404);
    expect(err.message).toContain('no-such-model');
    expect(server.stats().chatRequests).toBe(1);
  });

  // a hung request and a Retry-After longer than the test's timeout: only the abort can end these calls
  it('cancels through the signal, and the server sees the client leave', async () => {
    server.setFaults({ sequence: ['hang'] });
    const controller = new AbortController();
    const call = model().complete({ messages, signal: controller.signal });
    await expect.poll(() => server.stats().inFlight).toBe(1);
    controller.abort();
    expect((await failure(call)).kind).toBe('aborted');
    await expect.poll(() => server.stats().inFlight).toBe(0);
    expect(server.stats().completions).toBe(0);
  });

  it('cancels at once even while the client waits out a long Retry-After', async () => {
    server.setFaults({ sequence: ['429'], retryAfterMs: 600_000 });
    const controller = new AbortController();
    const call = model().complete({ messages, signal: controller.signal });
    await expect.poll(() => server.stats().chatRequests).toBe(1);
    controller.abort();
    expect((await failure(call)).kind).toBe('aborted');
    expect(server.stats().chatRequests).toBe(1);
  });

  it("explains a network error with the provider's CORS hint", async () => {
    const gone = await startLmServer();
    const url = gone.url;
    await gone.close();
    const err = await failure(
      new OpenAiLanguageModel({ provider: 'lmstudio', baseUrl: url, model: 'x', maxRetries: 0 }).complete({ messages }),
    );
    expect(err.kind).toBe('network');
    expect(err.message).toContain(url);
    expect(err.message).toContain('CORS');
    expect(err.message).toContain('lms server start --cors');
  });
});
