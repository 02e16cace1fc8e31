// Turning auto / maxFullEvals / maxMetricCalls into one metric-call cap, with the dspy.GEPA formula.
import type { AutoBudget } from './types.ts';
import { GepaConfigError } from './types.ts';

export const AUTO_RUN_SETTINGS: Record<AutoBudget, { n: number }> = {
  light: { n: 6 },
  medium: { n: 12 },
  heavy: { n: 18 },
};

/** dspy.GEPA.auto_budget, term for term. */
export function autoBudget(
  numPreds: number,
  numCandidates: number,
  valsetSize: number,
  minibatchSize = 35,
  fullEvalSteps = 5,
): number {
  const numTrials = Math.trunc(Math.max(2 * (numPreds * 2) * Math.log2(numCandidates), 1.5 * numCandidates));
  if (numTrials < 0 || valsetSize < 0 || minibatchSize < 0)
    throw new RangeError('numTrials, valsetSize and minibatchSize must be >= 0');
  if (fullEvalSteps < 1) throw new RangeError('fullEvalSteps must be >= 1');
  const V = valsetSize;
  const N = numTrials;
  let total = V + numCandidates * 5 + N * minibatchSize;
  if (N === 0) return total;
  const periodicFulls = Math.floor((N + 1) / fullEvalSteps) + 1;
  const extraFinal = N < fullEvalSteps ? 1 : 0;
  total += (periodicFulls + extraFinal) * V;
  return total;
}

export interface BudgetInput {
  auto?: AutoBudget;
  maxFullEvals?: number;
  maxMetricCalls?: number;
  hasStopConditions: boolean;
  numComponents: number;
  trainsetSize: number;
  /** size of the valset the run scores on (the trainset when none was given) */
  valsetSize: number;
  /** whether a separate valset was given: maxFullEvals counts it only then, as dspy does */
  valsetProvided?: boolean;
}

/** The metric-call cap, or null when only explicit stop conditions end the run. */
export function resolveMetricCallBudget(b: BudgetInput): number | null {
  const given = (['auto', 'maxFullEvals', 'maxMetricCalls'] as const).filter(
    (k) => b[k] !== undefined && b[k] !== null,
  );
  if (given.length > 1)
    throw new GepaConfigError(given.join(', '), 'give exactly one of auto, maxFullEvals and maxMetricCalls');
  if (given.length === 0) {
    if (!b.hasStopConditions)
      throw new GepaConfigError(
        'maxMetricCalls',
        'set a budget: one of auto, maxFullEvals, maxMetricCalls, or explicit stopConditions',
      );
    return null;
  }
  if (b.auto != null) {
    if (!(b.auto in AUTO_RUN_SETTINGS))
      throw new GepaConfigError('auto', `must be 'light', 'medium' or 'heavy', got ${JSON.stringify(b.auto)}`);
    return autoBudget(b.numComponents, AUTO_RUN_SETTINGS[b.auto].n, b.valsetSize);
  }
  if (b.maxFullEvals != null) {
    if (!Number.isInteger(b.maxFullEvals) || b.maxFullEvals <= 0)
      throw new GepaConfigError('maxFullEvals', 'must be a positive integer');
    return b.maxFullEvals * (b.trainsetSize + (b.valsetProvided === false ? 0 : b.valsetSize));
  }
  const m = b.maxMetricCalls as number;
  if (!Number.isInteger(m) || m <= 0) throw new GepaConfigError('maxMetricCalls', 'must be a positive integer');
  return m;
}

/**
 * Worst-case metric calls one reflective iteration may spend: parent and child on the minibatch, child on the valset.
 */
export function reflectiveIterationCost(minibatchSize: number, valsetSize: number): number {
  return reflectiveRoundCost(minibatchSize, valsetSize, 1, 1);
}

/** The same for a round of several proposals, `kept` of which may enter the pool (each then on the valset). */
export function reflectiveRoundCost(
  minibatchSize: number,
  valsetSize: number,
  proposals: number,
  kept: number,
): number {
  return proposals * 2 * minibatchSize + kept * valsetSize;
}
