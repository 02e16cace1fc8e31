// Experiment tracking's cost to the run: a demo run (the sentiment task, the demo model at 20 ms a call
// behind the run's concurrency limit) timed without a tracker and with a tracker logging to a local
// stand-in server while it fails 30 % of requests (seeded) and is down for the run's first half second:
// the MLflow tracker against the MLflow-compatible server, and the W&B tracker (W&B's own SDK, in its
// worker thread behind the CLI's relay) against the W&B stand-in. Pairs alternate so drift on a shared
// machine hits both sides; the figure is the median ratio of run wall times (the optimisation, up to the
// driver's return; the bounded wait for delivery at the end is reported apart). Target (issue 11): ≤ 1.05
// for each backend, and nothing undelivered.
import { startMlflowServer } from '../e2e/mlflowServer/server.ts';
import { demoConfig, trackedRun } from '../e2e/mlflowServer/trackedRun.ts';
import { startWandbServer } from '../e2e/wandbServer/server.ts';
import { nodeWandbHost } from '../src/cli/wandbSdkHost.ts';
import { MlflowTracker } from '../src/tracking/mlflow/mlflowTracker.ts';
import type { Tracker } from '../src/tracking/tracker.ts';
import { WandbTracker } from '../src/tracking/wandb/wandbTracker.ts';
import type { BenchReport } from './report.ts';

const PAIRS = 5;
const LATENCY_MS = 20;
const WANDB_KEY = 'bench-wandb-key-0123456789abcdef';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

/** A flaky stand-in server, down at first, and a tracker logging to it. */
interface FlakyBackend {
  tracker: Tracker;
  setDown(down: boolean): void;
  failedRequests(): number;
  close(): Promise<void>;
}

const BACKENDS: Record<'mlflow' | 'wandb', (seed: number) => Promise<FlakyBackend>> = {
  async mlflow(seed) {
    const server = await startMlflowServer({ failureRate: 0.3, seed });
    return {
      tracker: new MlflowTracker({ target: { trackingUri: server.url, experimentName: 'bench' } }),
      setDown: (d) => server.setDown(d),
      failedRequests: () => server.requests.filter((r) => r.status === 'dropped' || (r.status as number) >= 429).length,
      close: () => server.close(),
    };
  },
  async wandb(seed) {
    const server = await startWandbServer({ failureRate: 0.3, seed, apiKey: WANDB_KEY });
    const host = nodeWandbHost({ baseUrl: server.url, apiKey: WANDB_KEY, redact: (t) => t });
    return {
      tracker: new WandbTracker({ target: { project: 'bench' }, host }),
      setDown: (d) => server.setDown(d),
      failedRequests: () => server.requests.filter((r) => r.status === 'dropped' || (r.status as number) >= 429).length,
      close: () => server.close(),
    };
  },
};

async function measure(backend: keyof typeof BACKENDS) {
  const config = demoConfig({ budget: { maxMetricCalls: 200 } });
  const ratios: number[] = [];
  const finishes: number[] = [];
  let undelivered = 0;
  let failedRequests = 0;
  for (let i = 0; i < PAIRS; i++) {
    const without = await trackedRun(config, [], { demoLatencyMs: LATENCY_MS });
    const flaky = await BACKENDS[backend](i + 1);
    flaky.setDown(true);
    const up = setTimeout(() => flaky.setDown(false), 500);
    const withTracker = await trackedRun(config, [flaky.tracker], { demoLatencyMs: LATENCY_MS });
    clearTimeout(up);
    failedRequests += flaky.failedRequests();
    await flaky.close();
    undelivered += withTracker.report?.backends.reduce((n, b) => n + b.undelivered.length, 0) ?? 0;
    finishes.push(withTracker.finishMs);
    ratios.push(withTracker.runMs / without.runMs);
  }
  return { ratio: median(ratios), ratios, finishes, undelivered, failedRequests };
}

export async function trackingBench(): Promise<BenchReport> {
  const mlflow = await measure('mlflow');
  const wandb = await measure('wandb');
  const line = (name: string, m: typeof mlflow) =>
    `${name} ${m.ratio.toFixed(3)} (${m.undelivered} undelivered, ${m.failedRequests} failed or dropped requests)`;
  return {
    name: 'tracking',
    summary:
      `run wall time with a flaky tracker ÷ without, median of ${PAIRS} pairs: ${line('MLflow', mlflow)}, ` +
      `${line('W&B', wandb)}; target ≤ 1.05 and nothing undelivered`,
    pass: [mlflow, wandb].every((m) => m.ratio <= 1.05 && m.undelivered === 0),
    details: {
      mlflow: { ...mlflow, ratios: mlflow.ratios.map((r) => Number(r.toFixed(3))) },
      wandb: { ...wandb, ratios: wandb.ratios.map((r) => Number(r.toFixed(3))) },
    },
  };
}
