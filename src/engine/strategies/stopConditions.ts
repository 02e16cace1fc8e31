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
  /** reflective and merge proposals made (state.proposalCount), accepted or not */
  | { kind: 'maxProposals'; count: number }
  | { kind: 'any'; conditions: StopCondition[] }
  | { kind: 'all'; conditions: StopCondition[] }
  | { kind: 'custom'; name?: string; shouldStop: (ctx: StopContext) => boolean };

/** A duration as people say it: "15 s" below a minute, "1 min", "2.5 min" from there. */
function duration(ms: number): string {
  const round = (n: number) => Number(n.toFixed(2));
  return ms < 60_000 ? `${round(ms / 1000)} s` : `${round(ms / 60_000)} min`;
}

/** Returns a short reason when the condition holds, null otherwise; it reads as the end of "Stopped: …". */
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
      return ctx.elapsedMs >= c.ms ? `time limit of ${duration(c.ms)} reached` : null;
    case 'noImprovement':
      return s.iteration - s.lastImprovementIteration >= c.iterations
        ? `no improvement for ${c.iterations} iterations`
        : null;
    case 'scoreThreshold': {
      const best = s.valAggregate[s.bestIdx] ?? -Infinity;
      return best >= c.threshold
        ? `target score ${c.threshold} reached (best val score ${Number(best.toFixed(4))})`
        : null;
    }
    case 'maxCandidates':
      return s.candidates.length >= c.count ? `candidate limit of ${c.count} reached` : null;
    case 'maxProposals':
      return s.proposalCount >= c.count ? `proposal limit of ${c.count} reached` : null;
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
