// The test server over raw HTTP (fetch): the OpenAI wire format, CORS for browser callers, the control
// and stats endpoints, and each injected fault as the wire shows it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DemoLanguageModel } from '../../src/lm/demo/index.ts';
import { defaultResponder, echoResponder } from './responders.ts';
import { startLmServer, type LmServer } from './server.ts';

let server: LmServer;
beforeAll(async () => {
  server = await startLmServer({ apiKey: 'k', models: ['demo', 'other'], responder: echoResponder });
});
afterAll(() => server.close());
beforeEach(async () => {
  await control({ latencyMs: 0, faults: { rate: 0, sequence: [], retryAfterMs: 1000 }, resetStats: true });
});

const auth = { authorization: 'Bearer k', 'content-type': 'application/json' };
const chatBody = (over: object = {}) =>
  JSON.stringify({ model: 'demo', messages: [{ role: 'user', content: 'abcdefgh' }], ...over });
const chat = (over: object = {}, headers: Record<string, string> = auth) =>
  fetch(`${server.url}/chat/completions`, { method: 'POST', headers, body: chatBody(over) });
const control = (patch: object) =>
  fetch(`${server.origin}/__control`, { method: 'POST', body: JSON.stringify(patch) }).then((r) => r.json());
const stats = () => fetch(`${server.origin}/__stats`).then((r) => r.json());

describe('the local OpenAI-compatible server', () => {
  it('answers a chat completion in the OpenAI format with usage at ~4 chars a token', async () => {
    const res = await chat();
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.json();
    expect(body).toMatchObject({
      object: 'chat.completion',
      model: 'demo',
      choices: [{ index: 0, message: { role: 'assistant', content: 'echo: abcdefgh' }, finish_reason: 'stop' }],
    });
    expect(body.usage).toEqual({ prompt_tokens: 2, completion_tokens: 4, total_tokens: 6 });
  });

  it('cuts the answer at max_tokens and says so', async () => {
    const body = await (await chat({ max_tokens: 1 })).json();
    expect(body.choices[0]).toMatchObject({ message: { content: 'echo' }, finish_reason: 'length' });
  });

  it('lists models', async () => {
    const res = await fetch(`${server.url}/models`, { headers: auth });
    expect((await res.json()).data.map((m: { id: string }) => m.id)).toEqual(['demo', 'other']);
  });

  it('answers CORS preflights, allowing the headers asked for (Authorization and x-stainless-*)', async () => {
    const res = await fetch(`${server.url}/chat/completions`, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization,content-type,x-stainless-os',
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-methods')).toContain('POST');
    expect(res.headers.get('access-control-allow-headers')).toBe('authorization,content-type,x-stainless-os');
    expect(res.headers.get('access-control-expose-headers')).toContain('retry-after');
    expect((await stats()).preflights).toBe(1);
  });

  it('401 without the key, 404 for an unknown model, 400 for a malformed body — all counted', async () => {
    expect((await chat({}, { 'content-type': 'application/json' })).status).toBe(401);
    const missing = await chat({ model: 'nope' });
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('model_not_found');
    expect(
      (await fetch(`${server.url}/chat/completions`, { method: 'POST', headers: auth, body: '{not json' })).status,
    ).toBe(400);
    expect((await stats()).byStatus).toEqual({ '401': 1, '404': 1, '400': 1 });
  });

  it('injects a 429 with Retry-After (seconds and milliseconds)', async () => {
    await control({ faults: { sequence: ['429'], retryAfterMs: 2500 } });
    const res = await chat();
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('3');
    expect(res.headers.get('retry-after-ms')).toBe('2500');
    expect((await chat()).status).toBe(200);
  });

  it('injects a 500, a non-JSON body and a truncated body', async () => {
    await control({ faults: { sequence: ['500', 'non_json', 'truncated'] } });
    expect((await chat()).status).toBe(500);
    const html = await chat();
    expect(html.headers.get('content-type')).toBe('text/html');
    await expect(html.text().then((t) => JSON.parse(t))).rejects.toThrow();
    const cut = await chat();
    expect(cut.status).toBe(200);
    await expect(cut.text()).rejects.toThrow();
    expect((await stats()).faults).toEqual({ '500': 1, non_json: 1, truncated: 1 });
  });

  it('a hung request gets no answer until the client gives up', async () => {
    await control({ faults: { sequence: ['hang'] } });
    // the client's own timeout ends the call: an answer would have resolved it
    await expect(
      fetch(`${server.url}/chat/completions`, {
        method: 'POST',
        headers: auth,
        body: chatBody(),
        signal: AbortSignal.timeout(150),
      }),
    ).rejects.toMatchObject({ name: 'TimeoutError' });
    await expect.poll(async () => (await stats()).inFlight).toBe(0);
    expect((await stats()).byStatus).toEqual({ hang: 1 });
  });

  it('latency is switchable at runtime and counts calls in flight', async () => {
    // a latency no test outlasts: three calls are held, in flight, until their clients leave
    await control({ latencyMs: 600_000 });
    const leave = new AbortController();
    const held = [1, 2, 3].map(() =>
      fetch(`${server.url}/chat/completions`, {
        method: 'POST',
        headers: auth,
        body: chatBody(),
        signal: leave.signal,
      }).catch((err: Error) => err.name),
    );
    await expect.poll(async () => (await stats()).inFlight).toBe(3);
    expect((await stats()).completions).toBe(0);
    leave.abort();
    expect(await Promise.all(held)).toEqual(['AbortError', 'AbortError', 'AbortError']);
    await expect.poll(async () => (await stats()).inFlight).toBe(0);
    await control({ latencyMs: 0 });
    expect((await chat()).status).toBe(200);
    const s = await stats();
    expect(s).toMatchObject({ chatRequests: 4, completions: 1, maxInFlight: 3, inFlight: 0 });
    expect(s.log.map((e: { n: number }) => e.n).sort()).toEqual([1, 2, 3, 4]);
  });

  it('a seeded fault rate faults the same request numbers every time', async () => {
    const faultedRequests = async () => {
      await control({ resetStats: true, faults: { rate: 0.4, kinds: ['500'], seed: 9 } });
      for (let i = 0; i < 20; i++) await chat();
      return (await stats()).log.filter((e: { fault?: string }) => e.fault).map((e: { n: number }) => e.n);
    };
    const first = await faultedRequests();
    expect(first.length).toBeGreaterThan(2);
    expect(first.length).toBeLessThan(18);
    expect(await faultedRequests()).toEqual(first);
  });

  it('close() ends even while a request hangs', async () => {
    const own = await startLmServer({ faults: { sequence: ['hang'] } });
    const pending = fetch(`${own.url}/chat/completions`, { method: 'POST', body: chatBody() }).catch((e: unknown) => e);
    await expect.poll(() => own.stats().chatRequests).toBe(1);
    await own.close();
    expect(await pending).toBeInstanceOf(Error);
  });

  it('answers with the offline demo model by default', async () => {
    const own = await startLmServer();
    const messages = [
      { role: 'system' as const, content: 'Classify the sentiment of the review.' },
      { role: 'user' as const, content: 'Review: I loved it.' },
    ];
    const body = await (
      await fetch(`${own.url}/chat/completions`, { method: 'POST', body: JSON.stringify({ model: 'demo', messages }) })
    ).json();
    await own.close();
    const expected = (await new DemoLanguageModel().complete({ messages })).text;
    expect(body.choices[0].message.content).toBe(expected);
    expect(await defaultResponder(messages, 'demo')).toBe(expected);
  });

  it('uses a given responder', async () => {
    const own = await startLmServer({ responder: (messages, model) => `${model} saw ${messages.length} messages` });
    const body = await (
      await fetch(`${own.url}/chat/completions`, { method: 'POST', body: chatBody({ model: 'anything' }) })
    ).json();
    expect(body.choices[0].message.content).toBe('anything saw 1 messages');
    await own.close();
    expect(
      echoResponder(
        [
          { role: 'system', content: 's' },
          { role: 'user', content: 'u' },
        ],
        'm',
      ),
    ).toBe('echo: u');
  });
});
