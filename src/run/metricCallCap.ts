// The metric-call cap a run config buys for a dataset of these sizes: what the budget header shows from
// the first event on, what the CLI checks before a run, and what the engine enforces. One function, so
// the three never disagree. Null means no cap (only the stop conditions end the run).
import { resolveMetricCallBudget } from '../engine/index.ts';
import type { RunConfig } from './runConfig.ts';

export function metricCallCap(
  config: Pick<RunConfig, 'budget' | 'program'>,
  sizes: { train: number; val: number },
): number | null {
  return resolveMetricCallBudget({
    ...config.budget,
    hasStopConditions: true,
    numComponents: config.program.steps.length,
    trainsetSize: sizes.train,
    valsetSize: sizes.val,
    valsetProvided: true,
  });
}
