// Part one: every configuration on every task over many seeds, scored by metric calls only (the LM
// latency is small, since only the count of metric calls matters here). The target on each task is the
// reference's mean final best; the criterion is that `defaults` reaches it with at most 0.8× the
// reference's calls and ends no lower on average. "Reaches" is measured on the mean over all seeds of the
// best-so-far curve (see summarize.ts); the mean over only the seeds that got there is printed beside it.
import type { NamedConfiguration } from './configurations.ts';
import { REFERENCE, SINGLE } from './configurations.ts';
import { buildTaskRun } from './buildTaskRun.ts';
import { unsupportedReason } from './engineSupport.ts';
import { determinismMismatch } from './determinism.ts';
import { mapLimited } from './pool.ts';
import { runOnce, type RunRecord } from './runOnce.ts';
import { mean, ratio, summarize, type ConfigSummary } from './summarize.ts';
import { fixed, formatTable, skipNotes } from './table.ts';
import type { QualityTask } from './tasks.ts';

// more seeds than the minimum of 10: runs cost about 0.1 s of CPU each, and half the seeds of a
// configuration as good as the reference miss its mean by construction
export const CALLS_SEEDS = 20;
export const CALLS_LATENCY_MS = 5;
/** runs at once: they mostly wait on the simulated latency, and results do not depend on timing */
const PARALLEL = 4;
export const CALLS_RATIO_TARGET = 0.8;

export interface TaskCallsResult {
  task: string;
  budget: number;
  seedScore: number;
  target: number;
  configs: ConfigSummary[];
  skipped: Record<string, string>;
  /** calls to target of `defaults` ÷ the reference's */
  callsRatio: number | null;
  pass: boolean;
  determinism: string;
  table: string;
}

/** Which configurations the engine can run, and why the others cannot. */
export function supportedConfigurations(q: QualityTask, configurations: readonly NamedConfiguration[]) {
  const probe = buildTaskRun(q, { latencyMs: 0 });
  try {
    const skipped: Record<string, string> = {};
    const runnable = configurations.filter((c) => {
      const why = unsupportedReason(probe.options, c.options);
      if (why) skipped[c.name] = why;
      return !why;
    });
    return { runnable, skipped };
  } finally {
    probe.dispose();
  }
}

export async function compareCalls(
  q: QualityTask,
  configurations: readonly NamedConfiguration[],
): Promise<TaskCallsResult> {
  const { runnable, skipped } = supportedConfigurations(q, configurations);
  const seeds = Array.from({ length: CALLS_SEEDS }, (_, i) => i);
  const records = new Map<string, RunRecord[]>();
  for (const c of runnable)
    records.set(c.name, await mapLimited(seeds, PARALLEL, (s) => runOnce(q, c, s, { latencyMs: CALLS_LATENCY_MS })));
  const reference = records.get(REFERENCE);
  if (!reference) throw new Error(`the ${REFERENCE} configuration must run: it sets the target`);
  const target = mean(reference.map((r) => r.finalBest));
  const configs = runnable.map((c) => summarize(c.name, records.get(c.name) ?? [], target));

  // the same seed again must give the same run (see determinism.ts)
  const referenceConfig = runnable.find((c) => c.name === REFERENCE) as NamedConfiguration;
  const again = await runOnce(q, referenceConfig, 0, { latencyMs: CALLS_LATENCY_MS });
  const mismatch = determinismMismatch(reference[0] as RunRecord, again);
  const determinism = mismatch ? `NOT DETERMINISTIC: seed 0 ran twice, ${mismatch}` : 'seed 0 ran twice: identical';

  const ref = configs.find((c) => c.name === REFERENCE) as ConfigSummary;
  const single = configs.find((c) => c.name === SINGLE);
  const callsRatio = ratio(single?.meanCurveCallsToTarget, ref.meanCurveCallsToTarget);
  const pass =
    !mismatch &&
    !!single &&
    callsRatio !== null &&
    callsRatio <= CALLS_RATIO_TARGET &&
    single.meanFinal >= ref.meanFinal - 1e-9;

  const seedScore = reference[0]?.curve[0]?.best ?? NaN;
  const rows = configs.map((c) => [
    c.name,
    fixed(c.meanFinal),
    c.meanCalls.toFixed(0),
    c.meanCurveCallsToTarget === null ? '—' : String(c.meanCurveCallsToTarget),
    fixed(ratio(c.meanCurveCallsToTarget, ref.meanCurveCallsToTarget), 2),
    c.meanCallsToTarget === null ? '—' : c.meanCallsToTarget.toFixed(0),
    `${c.reached}/${c.seeds}`,
  ]);
  const title =
    `${q.id}: seed val score ${fixed(seedScore)}, budget ${q.maxMetricCalls} metric calls, ${CALLS_SEEDS} seeds, ` +
    `target ${fixed(target)} (reference mean final best); ${determinism}`;
  const table = formatTable(
    ['config', 'mean final best', 'mean calls', 'mean curve→target', '÷ reference', 'per seed→target', 'reached'],
    rows,
  );
  return {
    task: q.id,
    budget: q.maxMetricCalls,
    seedScore,
    target,
    configs,
    skipped,
    callsRatio,
    pass,
    determinism,
    table: [title, table, ...skipNotes(skipped)].join('\n'),
  };
}
