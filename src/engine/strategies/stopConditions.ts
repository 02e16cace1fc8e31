// When the run ends. Conditions are plain data (so a run config stays JSON), except `custom`.
// They are checked at iteration boundaries; the metric-call budget is also enforced as a hard cap
// before each evaluation (see budget.ts).
import type { GepaState } from '../state.ts';

export interface StopContext {
  state: Readonly<GepaState>;
  /** ms since the run (including earlier sessions of a resumed run) started; 0 without a clock */
  elapsedMs: number;
}

export type StopCondition =
  | { kind: 'maxMetricCalls'; calls: number }
  | { kind: 'maxFullEvals'; evals: number }
  | { kind: 'maxIterations'; iterations: number }
  | { kind: 'timeout'; ms: number }
  | { kind: 'noImprovement'; iterations: number }
  | { kind: 'scoreThreshold'; threshold: number }
  | { kind: 'maxCandidates'; count: number }
  | { kind: 'any'; conditions: StopCondition[] }
  | { kind: 'all'; conditions: StopCondition[] }
  | { kind: 'custom'; name?: string; shouldStop: (ctx: StopContext) => boolean };

/** Returns a short reason when the condition holds, null otherwise. */
export function checkStop(c: StopCondition, ctx: StopContext): string | null {
  const s = ctx.state;
  switch (c.kind) {
    case 'maxMetricCalls':
      return s.totalMetricCalls >= c.calls ? `metric calls ${s.totalMetricCalls} reached ${c.calls}` : null;
    case 'maxFullEvals':
      return s.numFullValEvals >= c.evals ? `full valset evaluations ${s.numFullValEvals} reached ${c.evals}` : null;
    case 'maxIterations':
      return s.iteration >= c.iterations ? `iterations ${s.iteration} reached ${c.iterations}` : null;
    case 'timeout':
      return ctx.elapsedMs >= c.ms ? `timeout after ${Math.round(ctx.elapsedMs)} ms` : null;
    case 'noImprovement':
      return s.iteration - s.lastImprovementIteration >= c.iterations
        ? `no improvement for ${c.iterations} iterations`
        : null;
    case 'scoreThreshold': {
      const best = s.valAggregate[s.bestIdx] ?? -Infinity;
      return best >= c.threshold ? `best val score ${best} reached ${c.threshold}` : null;
    }
    case 'maxCandidates':
      return s.candidates.length >= c.count ? `candidates ${s.candidates.length} reached ${c.count}` : null;
    case 'any': {
      for (const sub of c.conditions) {
        const r = checkStop(sub, ctx);
        if (r) return r;
      }
      return null;
    }
    case 'all': {
      if (c.conditions.length === 0) return null;
      const reasons = c.conditions.map((sub) => checkStop(sub, ctx));
      return reasons.every((r) => r !== null) ? reasons.join(' and ') : null;
    }
    case 'custom':
      return c.shouldStop(ctx) ? `custom stop condition${c.name ? ` "${c.name}"` : ''}` : null;
  }
}

/** Metric-call caps that apply unconditionally (top level or inside a top-level `any`). */
export function hardMetricCallCaps(c: StopCondition): number[] {
  if (c.kind === 'maxMetricCalls') return [c.calls];
  if (c.kind === 'any') return c.conditions.flatMap(hardMetricCallCaps);
  return [];
}

export function usesClock(c: StopCondition): boolean {
  if (c.kind === 'timeout') return true;
  if (c.kind === 'any' || c.kind === 'all') return c.conditions.some(usesClock);
  return false;
}
