import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { echoResponder } from '../../e2e/lmServer/responders.ts';
import { startLmServer, type LmServer } from '../../e2e/lmServer/server.ts';
import { ConcurrencyLimiter, LimiterPool, limitedModel } from './limiter.ts';
import { OpenAiLanguageModel } from './openAiLanguageModel.ts';
import { LmError, type LanguageModel } from './types.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A task that reports how many tasks run at once. */
function probe() {
  let now = 0;
  let max = 0;
  const started: number[] = [];
  const task =
    (id: number, ms = 10) =>
    async () => {
      started.push(id);
      max = Math.max(max, ++now);
      await sleep(ms);
      now--;
      return id;
    };
  return { task, started, max: () => max };
}

describe('ConcurrencyLimiter', () => {
  it('never runs more than its concurrency, and runs everything', async () => {
    const limiter = new ConcurrencyLimiter({ concurrency: 3 });
    const p = probe();
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => limiter.run(p.task(i))));
    expect(results).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(p.max()).toBe(3);
    expect(limiter.inFlight).toBe(0);
  });

  it('defaults to 8 in flight', async () => {
    const limiter = new ConcurrencyLimiter();
    const p = probe();
    await Promise.all(Array.from({ length: 20 }, (_, i) => limiter.run(p.task(i))));
    expect(p.max()).toBe(8);
  });

  it('frees the slot when a task throws', async () => {
    const limiter = new ConcurrencyLimiter({ concurrency: 1 });
    await expect(limiter.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
  });

  it('drops a queued call whose signal aborts, without ever starting it', async () => {
    const limiter = new ConcurrencyLimiter({ concurrency: 1, name: 'ep' });
    const p = probe();
    const first = limiter.run(p.task(1, 40));
    const controller = new AbortController();
    const queued = limiter.run(p.task(2), controller.signal);
    const third = limiter.run(p.task(3));
    expect(limiter.waiting).toBe(2);
    controller.abort();
    await expect(queued).rejects.toMatchObject({ kind: 'aborted' });
    expect(limiter.waiting).toBe(1);
    await Promise.all([first, third]);
    expect(p.started).toEqual([1, 3]);
  });

  it('rejects an already-aborted call at once', async () => {
    const limiter = new ConcurrencyLimiter();
    await expect(limiter.run(async () => 1, AbortSignal.abort())).rejects.toBeInstanceOf(LmError);
  });

  it('raising the concurrency starts queued calls', async () => {
    const limiter = new ConcurrencyLimiter({ concurrency: 1 });
    const p = probe();
    const all = Promise.all([1, 2, 3].map((i) => limiter.run(p.task(i, 30))));
    limiter.setConcurrency(3);
    await all;
    expect(p.max()).toBe(3);
    expect(() => limiter.setConcurrency(0)).toThrow(RangeError);
  });

  it('after sustained rate limits, holds new calls for the Retry-After period', async () => {
    // fake timers: the pause is checked against the clock the limiter reads, not measured in wall time
    vi.useFakeTimers();
    onTestFinished(() => void vi.useRealTimers());
    const pauses: number[] = [];
    const limiter = new ConcurrencyLimiter({
      concurrency: 4,
      pauseAfterRateLimits: 2,
      onPause: (p) => pauses.push(p.pauseMs),
    });
    limiter.noteRateLimit(100);
    expect(limiter.pausedUntilMs).toBe(0);
    limiter.noteRateLimit(120);
    expect(pauses).toEqual([120]);
    expect(limiter.pausedUntilMs).toBe(Date.now() + 120);
    let ran = false;
    const call = limiter.run(async () => void (ran = true));
    await vi.advanceTimersByTimeAsync(119);
    expect(ran).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await call;
    expect(ran).toBe(true);
    expect(limiter.pausedUntilMs).toBe(0);
  });

  it('a success breaks the streak of rate limits', () => {
    const limiter = new ConcurrencyLimiter({ pauseAfterRateLimits: 2 });
    limiter.noteRateLimit(1000);
    limiter.noteSuccess();
    limiter.noteRateLimit(1000);
    expect(limiter.pausedUntilMs).toBe(0);
  });

  it('limitedModel feeds final rate-limit errors into the pause', async () => {
    vi.useFakeTimers({ now: 1_000_000 });
    onTestFinished(() => void vi.useRealTimers());
    const limiter = new ConcurrencyLimiter({ pauseAfterRateLimits: 1 });
    const limited: LanguageModel = {
      id: 'x',
      settingsKey: 'x',
      complete: async () => {
        throw new LmError('slow down', 'http://x', 'rate_limit', 429, 5000);
      },
    };
    await expect(limitedModel(limited, limiter).complete({ messages: [] })).rejects.toMatchObject({
      kind: 'rate_limit',
    });
    expect(limiter.pausedUntilMs).toBe(1_005_000);
  });

  it('a pool hands out one limiter per endpoint', () => {
    const pool = new LimiterPool();
    const a = pool.for('http://h/v1/', 4);
    expect(pool.for('http://h/v1')).toBe(a);
    expect(pool.for('http://other/v1')).not.toBe(a);
  });
});

describe('limitedModel against the test server', () => {
  let server: LmServer;
  beforeAll(async () => {
    server = await startLmServer({ latencyMs: 40, responder: echoResponder });
  });
  afterAll(() => server.close());

  const messages = (i: number) => [{ role: 'user' as const, content: `question ${i}` }];

  it("keeps the server at exactly the limiter's concurrency", async () => {
    server.resetStats();
    const limiter = new ConcurrencyLimiter({ concurrency: 3 });
    const model = limitedModel(
      new OpenAiLanguageModel({ provider: 'custom', baseUrl: server.url, model: 'm' }),
      limiter,
    );
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => model.complete({ messages: messages(i) })));
    expect(answers.map((a) => a.text)).toEqual(Array.from({ length: 12 }, (_, i) => `echo: question ${i}`));
    expect(server.stats().maxInFlight).toBe(3);
    expect(server.stats().chatRequests).toBe(12);
  });

  it('queued calls that abort never reach the server', async () => {
    server.resetStats();
    const limiter = new ConcurrencyLimiter({ concurrency: 2 });
    const model = limitedModel(
      new OpenAiLanguageModel({ provider: 'custom', baseUrl: server.url, model: 'm' }),
      limiter,
    );
    const controller = new AbortController();
    const kept = [0, 1, 2].map((i) => model.complete({ messages: messages(i) }));
    const dropped = [3, 4, 5].map((i) => model.complete({ messages: messages(i), signal: controller.signal }));
    controller.abort();
    const outcomes = await Promise.allSettled(dropped);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected', 'rejected']);
    await Promise.all(kept);
    expect(server.stats().chatRequests).toBe(3);
    expect(limiter.inFlight).toBe(0);
    expect(limiter.waiting).toBe(0);
  });
});
