// A whole GEPA run through the real `openai` client over HTTP to the local test server with 20 % of
// requests faulted (429 with Retry-After, 500, hangs, truncated and non-JSON bodies). The faults must be
// invisible in the result: the run equals a fault-free run of the same seed, every metric call is
// counted once, and every paid LM call is one well-formed completion the server served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLmServer, type LmServer } from './lmServer/server.ts';
import { optimize } from '../src/engine/index.ts';
import type { GepaResult } from '../src/engine/index.ts';
import { buildRun } from '../src/run/buildRun.ts';
import { inlineRows } from '../src/run/runDataset.ts';
import type { RunConfig } from '../src/run/runConfig.ts';
import { demoRunConfig } from '../src/run/demoRunConfig.ts';
import { sentimentTask } from '../src/tasks/demos/index.ts';

let server: LmServer;
beforeAll(async () => {
  server = await startLmServer({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

function config(): RunConfig {
  // the timeout ends each hung request; it must also outlast an answer delayed by a busy machine, or a
  // served completion would be abandoned and paid again, and the counts below would differ
  const endpoint = { provider: 'custom' as const, baseUrl: server.url, model: 'demo', timeoutMs: 2000, maxRetries: 8 };
  return demoRunConfig(sentimentTask, {
    name: 'faulty endpoint',
    model: endpoint,
    valFraction: 0.3,
    budget: { maxMetricCalls: 160 },
    options: { concurrency: 8 },
  });
}

async function run(): Promise<{ result: GepaResult; evaluated: number; paidCalls: number; cachedCalls: number }> {
  const cfg = config();
  const built = buildRun(cfg, { rows: inlineRows(cfg.dataset.rows ?? []) });
  let evaluated = 0;
  const adapter = built.options.adapter;
  const counting = {
    ...adapter,
    makeReflectiveDataset: adapter.makeReflectiveDataset.bind(adapter),
    evaluate: (...args: Parameters<typeof adapter.evaluate>) => {
      evaluated += args[0].length;
      return adapter.evaluate(...args);
    },
  };
  try {
    const result = await optimize({ ...built.options, adapter: counting });
    const totals = built.meter.totals();
    return { result, evaluated, paidCalls: totals.calls - totals.cachedCalls, cachedCalls: totals.cachedCalls };
  } finally {
    built.dispose();
  }
}

describe('a GEPA run against an endpoint that fails 20 % of requests', () => {
  it('completes, counts each metric call once, pays each served completion once, ends as a clean run', async () => {
    server.setFaults({ rate: 0, sequence: [] });
    server.resetStats();
    const clean = await run();
    const cleanStats = server.stats();
    expect(cleanStats.completions).toBe(clean.paidCalls);

    server.setFaults({ rate: 0.2, kinds: ['429', '500', 'hang', 'truncated', 'non_json'], seed: 11, retryAfterMs: 20 });
    server.resetStats();
    const faulty = await run();
    const stats = server.stats();

    const injected = Object.values(stats.faults).reduce((s, n) => s + (n ?? 0), 0);
    expect(injected).toBeGreaterThan(10);
    expect(Object.keys(stats.faults).sort()).toEqual(['429', '500', 'hang', 'non_json', 'truncated']);
    expect(stats.chatRequests).toBe(stats.completions + injected);

    expect(faulty.result.totalMetricCalls).toBe(faulty.evaluated);
    expect(faulty.result.totalMetricCalls).toBeLessThanOrEqual(160);
    expect(faulty.paidCalls).toBe(stats.completions);
    expect(faulty.result.toDict()).toEqual(clean.result.toDict());
    expect(faulty.result.valAggregateScores[faulty.result.bestIdx]).toBeGreaterThan(
      faulty.result.valAggregateScores[0] as number,
    );
  }, 120_000);
});
