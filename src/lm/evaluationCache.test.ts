import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { echoResponder } from '../../e2e/lmServer/responders.ts';
import { startLmServer, type LmServer } from '../../e2e/lmServer/server.ts';
import { cachedModel, cacheKey, MemoryCacheStore, type CacheStore } from './evaluationCache.ts';
import { OpenAiLanguageModel } from './openAiLanguageModel.ts';
import type { LmEndpointConfig } from './types.ts';
import { UsageMeter } from './usage.ts';

const messages = [
  { role: 'system' as const, content: 'Answer with one word.' },
  { role: 'user' as const, content: 'Colour of the sky?' },
];

let server: LmServer;
beforeAll(async () => {
  server = await startLmServer({ latencyMs: 30, responder: echoResponder });
});
afterAll(() => server.close());
beforeEach(() => {
  server.setFaults({ rate: 0, sequence: [] });
  server.resetStats();
});

const http = (over: Partial<LmEndpointConfig> = {}) =>
  new OpenAiLanguageModel({ provider: 'custom', baseUrl: server.url, model: 'gpt-4.1-mini', ...over });
const prices = { 'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6 } };

describe('cachedModel', () => {
  it('a second identical call makes no request and is marked cached', async () => {
    const model = cachedModel(http(), new MemoryCacheStore());
    const first = await model.complete({ messages });
    const second = await model.complete({ messages });
    expect(first.cached).toBeUndefined();
    expect(second).toMatchObject({ text: first.text, usage: first.usage, cached: true });
    expect(server.stats().chatRequests).toBe(1);
    expect(model.stats()).toMatchObject({ hits: 1, misses: 1, sharedInFlight: 0 });
  });

  it('concurrent identical calls share one request; exactly one of them is the paid one', async () => {
    const model = cachedModel(http(), new MemoryCacheStore());
    const all = await Promise.all(Array.from({ length: 5 }, () => model.complete({ messages })));
    expect(server.stats().chatRequests).toBe(1);
    expect(all.filter((c) => !c.cached)).toHaveLength(1);
    expect(new Set(all.map((c) => c.text)).size).toBe(1);
    expect(model.stats()).toMatchObject({ hits: 4, sharedInFlight: 4, misses: 1 });
  });

  it('a different temperature, max tokens or message is a new request', async () => {
    const model = cachedModel(http(), new MemoryCacheStore());
    await model.complete({ messages, temperature: 0 });
    await model.complete({ messages, temperature: 0.7 });
    await model.complete({ messages, temperature: 0.7, maxTokens: 50 });
    await model.complete({
      messages: [...messages.slice(0, 1), { role: 'user', content: 'Colour of grass?' }],
      temperature: 0,
    });
    expect(server.stats().chatRequests).toBe(4);
    await model.complete({ messages, temperature: 0.7 });
    expect(server.stats().chatRequests).toBe(4);
  });

  it('models with different settings never share entries, even in one store', async () => {
    const store = new MemoryCacheStore();
    await cachedModel(http({ temperature: 0 }), store).complete({ messages });
    await cachedModel(http({ temperature: 1 }), store).complete({ messages });
    await cachedModel(http({ temperature: 0 }), store).complete({ messages });
    expect(server.stats().chatRequests).toBe(2);
    expect(store.size).toBe(2);
  });

  it('an omitted override and an explicit undefined are the same key', () => {
    expect(cacheKey('s', { messages, temperature: undefined })).toBe(cacheKey('s', { messages }));
    expect(cacheKey('s', { messages, temperature: 0 })).not.toBe(cacheKey('s', { messages }));
  });

  it('does not cache failures: the next identical call tries again', async () => {
    const model = cachedModel(http({ maxRetries: 0 }), new MemoryCacheStore());
    server.setFaults({ sequence: ['500'] });
    await expect(model.complete({ messages })).rejects.toMatchObject({ kind: 'server' });
    const ok = await model.complete({ messages });
    expect(ok.cached).toBeUndefined();
    expect(server.stats().chatRequests).toBe(2);
  });

  it("reports money saved at the meter's prices, and the meter counts the paid call once", async () => {
    const meter = new UsageMeter({ prices });
    const model = meter.wrap(cachedModel(http(), new MemoryCacheStore(), { pricing: meter }), 'task');
    const [a] = await Promise.all([model.complete({ messages }), model.complete({ messages })]);
    await model.complete({ messages });
    const perCall = meter.costOf('custom:gpt-4.1-mini', a!.usage);
    expect(perCall).toBeGreaterThan(0);
    const totals = meter.byLm()['custom:gpt-4.1-mini']!;
    expect(totals).toMatchObject({ calls: 3, cachedCalls: 2 });
    expect(totals.costUsd).toBeCloseTo(perCall, 12);
    expect(totals.savedUsd).toBeCloseTo(2 * perCall, 12);
  });

  it('one sharer aborting leaves the others their answer; all aborting cancels the request', async () => {
    const model = cachedModel(http(), new MemoryCacheStore());
    const quitter = new AbortController();
    const stays = model.complete({ messages });
    const leaves = model.complete({ messages, signal: quitter.signal });
    quitter.abort();
    await expect(leaves).rejects.toMatchObject({ kind: 'aborted' });
    await expect(stays).resolves.toMatchObject({ text: 'echo: Colour of the sky?' });
    expect(server.stats().completions).toBe(1);

    server.resetStats();
    const other = [{ role: 'user' as const, content: 'something else' }];
    const a = new AbortController();
    const b = new AbortController();
    const pa = model.complete({ messages: other, signal: a.signal });
    const pb = model.complete({ messages: other, signal: b.signal });
    await new Promise((r) => setTimeout(r, 5));
    a.abort();
    b.abort();
    await Promise.allSettled([pa, pb]);
    await expect.poll(() => server.stats().inFlight).toBe(0);
    expect(server.stats().completions).toBe(0);
    // a later identical call is not stuck on the cancelled one
    await expect(model.complete({ messages: other })).resolves.toMatchObject({ text: 'echo: something else' });
  });

  it('a failing store never fails the call', async () => {
    const broken: CacheStore = {
      get: () => Promise.reject(new Error('db gone')),
      set: () => Promise.reject(new Error('db gone')),
    };
    const model = cachedModel(http(), broken);
    await expect(model.complete({ messages })).resolves.toMatchObject({ text: 'echo: Colour of the sky?' });
    expect(model.stats().storeErrors).toBe(2);
  });
});
