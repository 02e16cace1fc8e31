// LM throughput: a 300-metric-call GEPA run at concurrency 8 against the local OpenAI-compatible server
// with 200 ms latency per request, through the real `openai` client. Reported as the ratio of wall time
// to the critical-path bound: for every LM round (one adapter evaluation, one reflection step) the
// bound is ⌈requests in the round / concurrency⌉ × steps × latency. The rounds are measured from the
// server's request counter, so cache hits (no request) cost nothing in the bound either.
import { startLmServer } from '../e2e/lmServer/server.ts';
import { optimize } from '../src/engine/index.ts';
import { buildRun } from '../src/run/buildRun.ts';
import { inlineRows } from '../src/run/runDataset.ts';
import type { RunConfig } from '../src/run/runConfig.ts';
import { DEFAULT_RUN_OPTIONS } from '../src/run/runConfig.ts';
import { sentimentTask } from '../src/tasks/demos/index.ts';
import { demoRunConfig } from '../src/run/demoRunConfig.ts';
import type { BenchReport } from './report.ts';

const LATENCY_MS = 200;
const CONCURRENCY = 8;
const BUDGET = 300;

export async function lmThroughputBench(): Promise<BenchReport> {
  const server = await startLmServer({ port: 0, host: '127.0.0.1', latencyMs: LATENCY_MS });
  try {
    const endpoint = {
      provider: 'custom' as const,
      baseUrl: server.url,
      model: 'demo',
      timeoutMs: 30_000,
      maxRetries: 2,
    };
    const config: RunConfig = demoRunConfig(sentimentTask, {
      name: 'throughput bench',
      model: endpoint,
      valFraction: 0.3,
      budget: { maxMetricCalls: BUDGET },
      options: { ...DEFAULT_RUN_OPTIONS, concurrency: CONCURRENCY },
    });
    const built = buildRun(config, { rows: inlineRows(sentimentTask.rows) });
    const steps = config.program.steps.length;
    let boundMs = 0;
    let rounds = 0;
    const measured = async <T>(stepsPerRequest: number, f: () => Promise<T>): Promise<T> => {
      const before = server.stats().chatRequests;
      const out = await f();
      const requests = server.stats().chatRequests - before;
      if (requests > 0) {
        rounds++;
        boundMs += Math.ceil(requests / stepsPerRequest / CONCURRENCY) * stepsPerRequest * LATENCY_MS;
      }
      return out;
    };
    const inner = built.options.adapter;
    const reflect = built.options.reflectionLm!;
    const t0 = performance.now();
    const result = await optimize({
      ...built.options,
      adapter: {
        ...inner,
        makeReflectiveDataset: inner.makeReflectiveDataset.bind(inner),
        evaluate: (...a: Parameters<typeof inner.evaluate>) => measured(steps, () => inner.evaluate(...a)),
      },
      reflectionLm: (prompt, signal) => measured(1, () => reflect(prompt, signal)),
    });
    const wallMs = performance.now() - t0;
    built.dispose();
    const ratio = wallMs / boundMs;
    return {
      name: 'lm throughput',
      summary:
        `wall ${Math.round(wallMs)} ms vs critical-path bound ${boundMs} ms over ${rounds} LM rounds: ` +
        `ratio ${ratio.toFixed(3)} (target ≤ 1.15)`,
      pass: ratio <= 1.15,
      details: {
        latencyMs: LATENCY_MS,
        concurrency: CONCURRENCY,
        metricCalls: result.totalMetricCalls,
        requests: server.stats().chatRequests,
        maxInFlight: server.stats().maxInFlight,
        rounds,
        boundMs,
        wallMs,
        ratio,
      },
    };
  } finally {
    await server.close();
  }
}
