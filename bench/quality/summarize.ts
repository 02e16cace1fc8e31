// A configuration's runs on one task, reduced to the bench's figures: mean final best valset score,
// mean metric calls, and the cost of reaching the target (the reference's mean final best) — the mean
// over the seeds that reached it, with how many did — in metric calls and in wall time.
import type { RunRecord } from './runOnce.ts';
import { firstReaching, formatCurve, type CurvePoint } from './curve.ts';

export interface ConfigSummary {
  name: string;
  seeds: number;
  meanFinal: number;
  meanCalls: number;
  reached: number;
  /** mean over the seeds that reached the target; null when none did */
  meanCallsToTarget: number | null;
  /**
   * The metric calls at which the mean over all seeds of the best-so-far score first meets the target (null:
   * never). Unlike the per-seed mean it counts every seed, the ones that never get there too: by this
   * measure the reference itself gets to its own mean final best only at about its last call.
   */
  meanCurveCallsToTarget: number | null;
  /** wall-clock part only */
  meanMsToTarget: number | null;
  /** one line per seed: its figures and its best-so-far curve ("calls→score", "calls@ms→score" for wall clock) */
  perSeed: string[];
}

export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const meanOrNull = (xs: readonly number[]): number | null => (xs.length > 0 ? mean(xs) : null);

function describeSeed(r: RunRecord, hit: CurvePoint | null, wallClock: boolean): string {
  const reached = hit
    ? wallClock
      ? `target at ${(hit.ms / 1000).toFixed(2)} s (${hit.calls} calls)`
      : `target at ${hit.calls} calls`
    : 'target not reached';
  const run = wallClock
    ? `run ${(r.wallMs / 1000).toFixed(2)} s, ${r.metricCalls} calls`
    : `final ${r.finalBest.toFixed(3)}, ${r.metricCalls} calls`;
  return `seed ${r.seed}: ${run}, ${reached}; ${formatCurve(r.curve, wallClock)}`;
}

/** `wallClock`: the runs stopped at the target, so their final scores say nothing and their times do */
export function summarize(
  name: string,
  records: readonly RunRecord[],
  target: number,
  wallClock = false,
): ConfigSummary {
  const hits = records.map((r) => firstReaching(r.curve, target));
  const reached = hits.filter((h): h is CurvePoint => h !== null);
  return {
    name,
    seeds: records.length,
    meanFinal: mean(records.map((r) => r.finalBest)),
    meanCalls: mean(records.map((r) => r.metricCalls)),
    reached: reached.length,
    meanCallsToTarget: meanOrNull(reached.map((h) => h.calls)),
    meanCurveCallsToTarget: meanCurveReaching(records, target),
    meanMsToTarget: wallClock ? meanOrNull(reached.map((h) => h.ms)) : null,
    perSeed: records.map((r, i) => describeSeed(r, hits[i] ?? null, wallClock)),
  };
}

/** The first metric-call count at which the seeds' mean best-so-far meets the target (see ConfigSummary). */
export function meanCurveReaching(records: readonly RunRecord[], target: number): number | null {
  const steps = [...new Set(records.flatMap((r) => r.curve.map((p) => p.calls)))].sort((a, b) => a - b);
  const bestAt = (r: RunRecord, calls: number) =>
    r.curve.reduce((best, p) => (p.calls <= calls ? Math.max(best, p.best) : best), 0);
  return steps.find((c) => mean(records.map((r) => bestAt(r, c))) >= target - 1e-9) ?? null;
}

/** a / b, or null when either is missing */
export function ratio(a: number | null | undefined, b: number | null | undefined): number | null {
  return a == null || b == null || b === 0 ? null : a / b;
}
