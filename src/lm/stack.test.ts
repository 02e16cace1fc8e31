import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { echoResponder } from '../../e2e/lmServer/responders.ts';
import { startLmServer, type LmServer } from '../../e2e/lmServer/server.ts';
import { MemoryCacheStore } from './evaluationCache.ts';
import { ConcurrencyLimiter } from './limiter.ts';
import { OpenAiLanguageModel } from './openAiLanguageModel.ts';
import { stackModel } from './stack.ts';
import { UsageMeter } from './usage.ts';

let server: LmServer;
beforeAll(async () => {
  server = await startLmServer({ latencyMs: 30, responder: echoResponder });
});
afterAll(() => server.close());

describe('stackModel', () => {
  it('limits real requests, shares identical ones, and meters every call once', async () => {
    const meter = new UsageMeter({ prices: { m: { inputPerMTok: 1, outputPerMTok: 1 } } });
    const limiter = new ConcurrencyLimiter({ concurrency: 2 });
    const { model, cache } = stackModel(
      new OpenAiLanguageModel({ provider: 'custom', baseUrl: server.url, model: 'm' }),
      {
        role: 'task',
        limiter,
        cache: new MemoryCacheStore(),
        meter,
      },
    );
    const ask = (i: number) => model.complete({ messages: [{ role: 'user', content: `q${i % 4}` }] });
    await Promise.all(Array.from({ length: 12 }, (_, i) => ask(i)));

    expect(server.stats().chatRequests).toBe(4);
    expect(server.stats().maxInFlight).toBe(2);
    expect(cache?.stats()).toMatchObject({ hits: 8, misses: 4 });
    const totals = meter.byRole().task!;
    expect(totals).toMatchObject({ calls: 12, cachedCalls: 8 });
    expect(totals.savedUsd).toBeCloseTo(2 * totals.costUsd, 12);
    expect(model.id).toBe('custom:m');
  });

  it('without a cache or meter it is the limited model', async () => {
    const { model, cache } = stackModel(
      new OpenAiLanguageModel({ provider: 'custom', baseUrl: server.url, model: 'm' }),
      { role: 'reflection' },
    );
    expect(cache).toBeUndefined();
    await expect(model.complete({ messages: [{ role: 'user', content: 'x' }] })).resolves.toMatchObject({
      text: 'echo: x',
    });
  });
});
