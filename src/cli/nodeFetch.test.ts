// nodeFetch against the local test server: the fetch behaviour the OpenAI client relies on, and the same
// LM outcome as with the global fetch for every fault the server can inject.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoResponder } from '../../e2e/lmServer/responders.ts';
import { startLmServer, type LmServer } from '../../e2e/lmServer/server.ts';
import type { FaultKind } from '../../e2e/lmServer/faults.ts';
import { OpenAiLanguageModel } from '../lm/openAiLanguageModel.ts';
import type { LmError, LmEndpointConfig } from '../lm/types.ts';
import { nodeFetch } from './nodeFetch.ts';

const KEY = 'sk-test-key-4242';
const messages = [{ role: 'user' as const, content: 'Say hello.' }];
const body = JSON.stringify({ model: 'test-model', messages });

let server: LmServer;
beforeAll(async () => {
  server = await startLmServer({ apiKey: KEY, models: ['test-model'], responder: echoResponder });
});
afterAll(() => server.close());
beforeEach(() => {
  server.setFaults({ rate: 0, sequence: [], retryAfterMs: 20 });
  server.setLatency(0);
  server.resetStats();
});

const post = (init: RequestInit = {}) =>
  nodeFetch(`${server.url}/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${KEY}`, 'content-type': 'application/json' },
    body,
    ...init,
  });

describe('nodeFetch', () => {
  it('sends method, headers and body, and returns status, headers and the body', async () => {
    const res = await post();
    expect(res.status).toBe(200);
    expect(res.ok).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(JSON.parse(await res.text()).choices[0].message.content).toBe('echo: Say hello.');
  });

  it('returns an error status as a response, not a rejection', async () => {
    const res = await post({ headers: { authorization: 'Bearer wrong', 'content-type': 'application/json' } });
    expect(res.status).toBe(401);
    expect((await res.json()).error.code).toBe('invalid_api_key');
  });

  it('resolves at the headers and fails when a cut-off body is read', async () => {
    server.setFaults({ sequence: ['truncated'] });
    const res = await post();
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('rejects with the AbortError when aborted before the answer, and the server sees the client leave', async () => {
    server.setFaults({ sequence: ['hang'] });
    const controller = new AbortController();
    const call = post({ signal: controller.signal });
    await expect.poll(() => server.stats().inFlight).toBe(1);
    controller.abort();
    await expect(call).rejects.toMatchObject({ name: 'AbortError' });
    await expect.poll(() => server.stats().inFlight).toBe(0);
  });

  it('rejects at once for a signal already aborted, sending nothing', async () => {
    await expect(post({ signal: AbortSignal.abort() })).rejects.toMatchObject({ name: 'AbortError' });
    expect(server.stats().chatRequests).toBe(0);
  });

  it("rejects a connection failure with TypeError('fetch failed') and the cause, as undici does", async () => {
    const gone = await startLmServer();
    await gone.close();
    const err = await nodeFetch(`${gone.url}/models`).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
    expect((err as TypeError).cause).toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('hands requests it does not cover (a Request object) to the global fetch', async () => {
    const res = await nodeFetch(new Request(`${server.url}/models`, { headers: { authorization: `Bearer ${KEY}` } }));
    expect(res.status).toBe(200);
  });
});

/** What a call ends as, in terms that do not depend on timing or ports. */
async function outcome(fetchImpl: typeof fetch | undefined, over: Partial<LmEndpointConfig>, faults: FaultKind[]) {
  server.resetStats();
  server.setFaults({ sequence: faults });
  const model = new OpenAiLanguageModel({
    provider: 'custom',
    baseUrl: server.url,
    model: 'test-model',
    apiKey: KEY,
    timeoutMs: 300,
    maxRetries: 1,
    ...(fetchImpl ? { fetch: fetchImpl } : {}),
    ...over,
  });
  const ended = await model.complete({ messages }).then(
    (c) => ({ text: c.text }),
    (e: unknown) => {
      const err = e as LmError;
      return { kind: err.kind, status: err.status, message: err.message.replace(/:\d+\//g, ':PORT/') };
    },
  );
  return { ended, byStatus: server.stats().byStatus };
}

describe('OpenAiLanguageModel on nodeFetch', () => {
  it.each<[string, FaultKind[], Partial<LmEndpointConfig>]>([
    ['an answer', [], {}],
    ['a 500 then an answer', ['500'], {}],
    ['429s past the retries', ['429', '429'], {}],
    ['hung requests past the retries (timeout)', ['hang', 'hang'], {}],
    ['a non-JSON 200 then an answer', ['non_json'], {}],
    ['a body cut off, no retries', ['truncated'], { maxRetries: 0 }],
    ['a bad key', [], { apiKey: 'sk-wrong' }],
    ['an unknown model', [], { model: 'no-such-model' }],
  ])('ends as with the global fetch: %s', async (_name, faults, over) => {
    const expected = await outcome(undefined, over, faults);
    expect(await outcome(nodeFetch, over, faults)).toEqual(expected);
  });

  it('ends as a network error when nothing listens, as with the global fetch', async () => {
    const gone = await startLmServer();
    await gone.close();
    const kind = async (fetchImpl?: typeof fetch) => {
      const m = new OpenAiLanguageModel({
        provider: 'custom',
        baseUrl: gone.url,
        model: 'x',
        maxRetries: 0,
        ...(fetchImpl ? { fetch: fetchImpl } : {}),
      });
      return m.complete({ messages }).catch((e: LmError) => e.kind);
    };
    expect(await kind(nodeFetch)).toBe(await kind());
  });
});
