// One optimisation run of a task under a named configuration and engine seed, recorded as the bench
// needs it: final best valset score, metric calls, wall time and the best-so-far curve.
import { optimize } from '../../src/engine/index.ts';
import type { GepaOptions } from '../../src/engine/index.ts';
import type { Example } from '../../src/tasks/types.ts';
import { buildTaskRun, type TaskRunSettings } from './buildTaskRun.ts';
import type { NamedConfiguration } from './configurations.ts';
import { bestSoFarCurve, stopThreshold, type CurvePoint, type Known } from './curve.ts';
import type { QualityTask } from './tasks.ts';

export interface RunSettings extends TaskRunSettings {
  /** end the run as soon as its best valset score reaches this (only the time to reach it is wanted) */
  stopAtScore?: number;
}

export interface RunRecord {
  seed: number;
  finalBest: number;
  metricCalls: number;
  wallMs: number;
  curve: CurvePoint[];
  stopReason: string;
}

export async function runOnce(
  q: QualityTask,
  configuration: NamedConfiguration,
  seed: number,
  settings: RunSettings,
): Promise<RunRecord> {
  const run = buildTaskRun(q, settings);
  const known: Known[] = [];
  // the budget update of a candidate's valset evaluation comes before the engine reports its scores
  let callsNow = 0;
  const t0 = performance.now();
  try {
    const result = await optimize({
      ...run.options,
      ...(configuration.options as Partial<GepaOptions<Example>>),
      // the bench owns the seed, the stop and its own callback (a configuration's callbacks still run)
      seed,
      callbacks: [
        {
          onBudgetUpdated: (e) => void (callsNow = e.metricCallsUsed),
          onValsetEvaluated: (e) => void (known[e.candidateIdx] = { calls: callsNow, ms: performance.now() - t0 }),
        },
        ...[configuration.options.callbacks ?? []].flat(),
      ],
      ...(settings.stopAtScore !== undefined
        ? { stopConditions: { kind: 'scoreThreshold', threshold: stopThreshold(settings.stopAtScore) } }
        : {}),
    });
    const wallMs = performance.now() - t0;
    return {
      seed,
      finalBest: result.valAggregateScores[result.bestIdx] as number,
      metricCalls: result.totalMetricCalls ?? NaN,
      wallMs,
      curve: bestSoFarCurve(result.valAggregateScores, known),
      stopReason: result.stopReason,
    };
  } finally {
    run.dispose();
  }
}
