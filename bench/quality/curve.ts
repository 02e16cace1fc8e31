// The score-over-cost curve of one run: the best valset aggregate so far, stepping up each time a
// candidate beats it, at the metric-call count and the wall time at which its valset score became known.
// Both are taken from the engine's callbacks when it reports the valset scores (see runOnce.ts), not from
// the result's discovery counts: the reference counts those before the candidate's own valset evaluation,
// when its score is not known yet.

/** when a candidate's valset score became known */
export interface Known {
  calls: number;
  /** ms since optimize was called */
  ms: number;
}

export interface CurvePoint {
  calls: number;
  /** ms since optimize was called */
  ms: number;
  best: number;
}

// valset aggregates are means of per-example scores: a target computed as a mean of them may differ in the
// last bits from a score that meets it
const EPS = 1e-9;

/** The seed's point, then one point per new best. */
export function bestSoFarCurve(valAggregateScores: readonly number[], known: readonly Known[]): CurvePoint[] {
  const curve: CurvePoint[] = [];
  valAggregateScores.forEach((score, i) => {
    const last = curve[curve.length - 1];
    if (last && score <= last.best) return;
    curve.push({ calls: known[i]?.calls ?? NaN, ms: known[i]?.ms ?? NaN, best: score });
  });
  return curve;
}

/** The first point whose best-so-far meets the target, or null when the run never reached it. */
export function firstReaching(curve: readonly CurvePoint[], target: number): CurvePoint | null {
  return curve.find((p) => p.best >= target - EPS) ?? null;
}

/** A threshold the engine's scoreThreshold stop compares exactly, with the same tolerance as firstReaching. */
export function stopThreshold(target: number): number {
  return target - EPS;
}

/** "calls→score" pairs on one line, for the report's per-seed details. */
export function formatCurve(curve: readonly CurvePoint[], withMs = false): string {
  return curve.map((p) => `${p.calls}${withMs ? `@${Math.round(p.ms)}ms` : ''}→${p.best.toFixed(3)}`).join(' ');
}
