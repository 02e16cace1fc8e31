// One task's run as the studio and the CLI build it (demoRunConfig + buildRun on the offline demo model,
// in-process), with the run config's default tuning options (DEFAULT_RUN_OPTIONS: what a new studio setup
// and a CLI config without options run), which configurations are laid over.
import type { GepaOptions } from '../../src/engine/index.ts';
import { buildRun } from '../../src/run/buildRun.ts';
import { demoRunConfig } from '../../src/run/demoRunConfig.ts';
import { inlineRows } from '../../src/run/runDataset.ts';
import type { Example } from '../../src/tasks/types.ts';
import type { QualityTask } from './tasks.ts';

export interface TaskRunSettings {
  /** simulated latency of each demo model call */
  latencyMs: number;
  /** LM calls in flight (task and reflection LM together); unlimited when absent, as buildRun runs the demo model */
  concurrency?: number;
  /** the task's budget times this (default 1) */
  budgetFactor?: number;
}

export interface TaskRun {
  options: GepaOptions<Example>;
  dispose(): void;
}

export function buildTaskRun(q: QualityTask, s: TaskRunSettings): TaskRun {
  const config = demoRunConfig(q.task, {
    budget: { maxMetricCalls: Math.round(q.maxMetricCalls * (s.budgetFactor ?? 1)) },
    ...(s.concurrency !== undefined ? { options: { concurrency: s.concurrency } } : {}),
  });
  // with a concurrency, task and reflection LM share one limiter, as two models on one endpoint do
  const built = buildRun(config, {
    rows: inlineRows(q.task.rows),
    demoLatencyMs: s.latencyMs,
    limitDemoModel: s.concurrency !== undefined,
  });
  // the bench owns the seed; every other option is the product default a configuration may override
  const { seed: _seed, ...options } = built.options;
  return {
    options,
    dispose: () => built.dispose(),
  };
}
