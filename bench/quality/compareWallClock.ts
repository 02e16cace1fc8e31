// Part two: wall-clock time to reach the same target as part one, with the LM calls costing real time
// (50 ms each, 8 in flight, task and reflection LM sharing the limit as on one endpoint). Each run stops
// once it reaches the target, since only the time to get there is measured. The target: sampling
// several proposals in flight (inFlight4) gets there in at most 0.5× the time of single sampling. Only the
// configurations marked wallClock are timed.
import type { NamedConfiguration } from './configurations.ts';
import { SINGLE } from './configurations.ts';
import { CALLS_SEEDS, supportedConfigurations } from './compareCalls.ts';
import { mapLimited } from './pool.ts';
import { runOnce } from './runOnce.ts';
import { ratio, summarize, type ConfigSummary } from './summarize.ts';
import { fixed, formatTable, skipNotes } from './table.ts';
import type { QualityTask } from './tasks.ts';

// the same seeds as part one: on some tasks the target is reached only by seeds past the first ten (units:
// none of seeds 0-9 reaches it at today's defaults), so fewer seeds could leave nothing to time
export const WALL_SEEDS = CALLS_SEEDS;
export const WALL_LATENCY_MS = 50;
export const WALL_CONCURRENCY = 8;
export const IN_FLIGHT = 'inFlight4';
export const WALL_RATIO_TARGET = 0.5;
/**
 * Runs stop at the target, so the budget only bounds the ones that never get there: a roomier budget than
 * part one's lets every configuration show how long reaching the target takes it, rather than which ones
 * happen to fit the small budget (several proposals a round spend more calls per round).
 */
export const WALL_BUDGET_FACTOR = 3;
// Runs at once. Each has its own limiter (its own endpoint) and spends little CPU per LM call, so a few
// together on two cores barely delay each other's timers; all configurations share the same conditions.
const PARALLEL = 8;

export interface TaskWallResult {
  task: string;
  target: number;
  configs: ConfigSummary[];
  skipped: Record<string, string>;
  /** time to target of inFlight4 ÷ single sampling (`defaults`) */
  wallRatio: number | null;
  pass: boolean;
  table: string;
}

export async function compareWallClock(
  q: QualityTask,
  configurations: readonly NamedConfiguration[],
  target: number,
): Promise<TaskWallResult> {
  const { runnable, skipped } = supportedConfigurations(
    q,
    configurations.filter((c) => c.wallClock),
  );
  const jobs = runnable.flatMap((c) => Array.from({ length: WALL_SEEDS }, (_, seed) => ({ c, seed })));
  const settings = {
    latencyMs: WALL_LATENCY_MS,
    concurrency: WALL_CONCURRENCY,
    stopAtScore: target,
    budgetFactor: WALL_BUDGET_FACTOR,
  };
  const records = await mapLimited(jobs, PARALLEL, ({ c, seed }) => runOnce(q, c, seed, settings));
  const configs = runnable.map((c) =>
    summarize(
      c.name,
      records.filter((_, i) => jobs[i]?.c === c),
      target,
      true,
    ),
  );
  const single = configs.find((c) => c.name === SINGLE);
  const inFlight = configs.find((c) => c.name === IN_FLIGHT);
  const wallRatio = ratio(inFlight?.meanMsToTarget, single?.meanMsToTarget);
  const pass = wallRatio !== null && wallRatio <= WALL_RATIO_TARGET;

  const rows = configs.map((c) => [
    c.name,
    c.meanMsToTarget === null ? '—' : `${(c.meanMsToTarget / 1000).toFixed(2)} s`,
    `${c.reached}/${c.seeds}`,
    c.meanCallsToTarget === null ? '—' : c.meanCallsToTarget.toFixed(0),
    fixed(ratio(c.meanMsToTarget, single?.meanMsToTarget), 2),
  ]);
  const title =
    `${q.id}: ${WALL_LATENCY_MS} ms per LM call, ${WALL_CONCURRENCY} in flight, ${WALL_SEEDS} seeds, ` +
    `budget ${Math.round(q.maxMetricCalls * WALL_BUDGET_FACTOR)} metric calls (runs stop at the target), ` +
    `target ${fixed(target)}`;
  const table = formatTable(['config', 'wall→target', 'reached', 'calls→target', `÷ ${SINGLE}`], rows);
  return {
    task: q.id,
    target,
    configs,
    skipped,
    wallRatio,
    pass,
    table: [title, table, ...skipNotes(skipped)].join('\n'),
  };
}
