// A multi-objective run's objectives as the views read them from the candidates' events: the objective
// names, each objective's Pareto front (the candidates whose valset mean on it is the highest, ties
// included: the engine's objective front, which it keeps the same way), the best mean so far over metric
// calls for the score chart, and a colour / axis domain for values that need not lie in [0, 1].
import type { CandidateView } from '../../store/runStore.ts';

type Candidates = readonly (CandidateView | undefined)[];

/** The objectives the candidates report, in the order the metric first gave them. */
export function objectiveNames(candidates: Candidates): string[] {
  const names = new Set<string>();
  for (const c of candidates) for (const name of Object.keys(c?.objectives?.aggregate ?? {})) names.add(name);
  return [...names];
}

export interface ObjectiveFront {
  name: string;
  /** the highest valset mean on this objective */
  best: number;
  /** the candidates that reach it, by index */
  programs: number[];
}

/** Per objective, the candidates with the highest valset mean on it. */
export function objectiveFronts(candidates: Candidates): ObjectiveFront[] {
  const fronts = new Map<string, ObjectiveFront>();
  for (const c of candidates) {
    if (!c?.objectives) continue;
    const idx = c.row.candidateIdx;
    for (const [name, value] of Object.entries(c.objectives.aggregate)) {
      const f = fronts.get(name);
      if (!f || value > f.best) fronts.set(name, { name, best: value, programs: [idx] });
      else if (value === f.best) f.programs.push(idx);
    }
  }
  return objectiveNames(candidates).map((name) => fronts.get(name)!);
}

export interface StepPoint {
  x: number;
  y: number;
}

/**
 * The best valset mean on `name` over metric calls: a step up at each candidate that beats it (candidates
 * in the order they were found), run on to `until` so the line reaches "now".
 */
export function objectiveBestSeries(candidates: Candidates, name: string, until: number): StepPoint[] {
  const found = candidates
    .filter((c): c is CandidateView => c?.objectives?.aggregate[name] !== undefined)
    .sort(
      (a, b) => a.row.metricCallsAtDiscovery - b.row.metricCallsAtDiscovery || a.row.candidateIdx - b.row.candidateIdx,
    );
  const out: StepPoint[] = [];
  for (const c of found) {
    const y = c.objectives!.aggregate[name]!;
    const last = out[out.length - 1];
    if (!last || y > last.y) out.push({ x: c.row.metricCallsAtDiscovery, y });
  }
  const last = out[out.length - 1];
  if (last && until > last.x) out.push({ x: until, y: last.y });
  return out;
}

/** [0, 1] when every value lies in it (the scores' own scale); otherwise widened to take them all in. */
export function objectiveDomain(values: Iterable<number>): [number, number] {
  let lo = 0;
  let hi = 1;
  for (const v of values) {
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

/** Every value an objective takes: per example and as means, so one domain fits both. */
export function objectiveValues(candidates: Candidates, name: string): number[] {
  const out: number[] = [];
  for (const c of candidates) {
    if (!c?.objectives) continue;
    const mean = c.objectives.aggregate[name];
    if (mean !== undefined) out.push(mean);
    for (const e of c.objectives.perExample) if (e[name] !== undefined) out.push(e[name]);
  }
  return out;
}
