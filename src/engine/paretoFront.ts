// Pareto fronts over the valset. A "front" is a key (a val example, an objective, or an (example,
// objective) pair) with the best score seen for it and the programs that reach that score. Programs
// are kept sorted so the fronts serialise deterministically.
import type { FrontierType } from './types.ts';

export interface KeyedFront {
  best: Record<string, number>;
  programs: Record<string, number[]>;
}

export interface FrontsState {
  /** One front per val example, indexed by val id. */
  instance: { best: (number | null)[]; programs: number[][] };
  /** One front per objective, on the candidate's valset mean for that objective. */
  objective: KeyedFront;
  /** One front per (val id, objective) pair, keyed "valId/objective". */
  cartesian: KeyedFront;
}

export function emptyFronts(valsetSize: number): FrontsState {
  return {
    instance: { best: new Array<number | null>(valsetSize).fill(null), programs: Array.from({ length: valsetSize }, () => []) },
    objective: { best: {}, programs: {} },
    cartesian: { best: {}, programs: {} },
  };
}

/** Adds `idx` to a front if it ties the best, replaces the front if it beats it. Returns whether it changed. */
// `null` means "no score yet" (JSON has no -Infinity).
function offer(best: number | null, programs: number[], score: number, idx: number): { best: number; programs: number[]; changed: boolean } {
  if (best === null || score > best) return { best: score, programs: [idx], changed: true };
  if (score === best && !programs.includes(idx)) {
    const next = [...programs, idx].sort((a, b) => a - b);
    return { best, programs: next, changed: true };
  }
  return { best, programs, changed: false };
}

function offerKeyed(front: KeyedFront, key: string, score: number, idx: number): boolean {
  const r = offer(front.best[key] ?? null, front.programs[key] ?? [], score, idx);
  front.best[key] = r.best;
  front.programs[key] = r.programs;
  return r.changed;
}

function membersOf(fronts: FrontsState): Set<number> {
  const s = new Set<number>();
  for (const p of fronts.instance.programs) for (const i of p) s.add(i);
  for (const p of Object.values(fronts.objective.programs)) for (const i of p) s.add(i);
  for (const p of Object.values(fronts.cartesian.programs)) for (const i of p) s.add(i);
  return s;
}

export interface FrontUpdate {
  changed: boolean;
  /** Programs that were on some front before this candidate and are on none now. */
  displaced: number[];
}

/** Offers a newly scored candidate to every front (mutates `fronts`). */
export function updateFronts(
  fronts: FrontsState,
  idx: number,
  scores: readonly number[],
  objectivesPerExample: readonly Record<string, number>[] | null,
  objectiveAggregate: Record<string, number>,
): FrontUpdate {
  const before = membersOf(fronts);
  let changed = false;
  const inst = fronts.instance;
  for (let v = 0; v < scores.length; v++) {
    const r = offer(inst.best[v] ?? null, inst.programs[v] ?? [], scores[v] as number, idx);
    if (r.changed) {
      inst.best[v] = r.best;
      inst.programs[v] = r.programs;
      changed = true;
    }
  }
  for (const [name, value] of Object.entries(objectiveAggregate)) changed = offerKeyed(fronts.objective, name, value, idx) || changed;
  if (objectivesPerExample) {
    objectivesPerExample.forEach((objs, v) => {
      for (const [name, value] of Object.entries(objs)) changed = offerKeyed(fronts.cartesian, `${v}/${name}`, value, idx) || changed;
    });
  }
  const after = membersOf(fronts);
  const displaced = [...before].filter((p) => !after.has(p)).sort((a, b) => a - b);
  return { changed, displaced };
}

/** The fronts a selector works on, as key → programs, for the configured frontier type. */
export function frontierMapping(fronts: FrontsState, type: FrontierType): Map<string, number[]> {
  const m = new Map<string, number[]>();
  const addInstance = () => fronts.instance.programs.forEach((p, v) => m.set(`val:${v}`, p));
  const addObjective = () => Object.entries(fronts.objective.programs).forEach(([k, p]) => m.set(`obj:${k}`, p));
  if (type === 'instance' || type === 'hybrid') addInstance();
  if (type === 'objective' || type === 'hybrid') addObjective();
  if (type === 'cartesian') Object.entries(fronts.cartesian.programs).forEach(([k, p]) => m.set(`pair:${k}`, p));
  // Objective-based fronts need objective scores; without them fall back to the instance fronts.
  if (m.size === 0) addInstance();
  return m;
}

/**
 * Drops dominated programs, as the reference does: in ascending score order, a program is dominated
 * when every front it is on still has another surviving member. One ascending pass equals the
 * reference's restart-after-each-removal loop, because removals only make later removals harder.
 */
export function removeDominated(mapping: Map<string, number[]>, scores: readonly number[]): Map<string, number[]> {
  const frontsOf = new Map<number, string[]>();
  const count = new Map<string, number>();
  for (const [key, progs] of mapping) {
    count.set(key, progs.length);
    for (const p of progs) {
      const list = frontsOf.get(p);
      if (list) list.push(key);
      else frontsOf.set(p, [key]);
    }
  }
  const order = [...frontsOf.keys()].sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0) || a - b);
  const dominated = new Set<number>();
  for (const p of order) {
    const keys = frontsOf.get(p) as string[];
    if (keys.every((k) => (count.get(k) as number) >= 2)) {
      dominated.add(p);
      for (const k of keys) count.set(k, (count.get(k) as number) - 1);
    }
  }
  const out = new Map<string, number[]>();
  for (const [key, progs] of mapping) out.set(key, progs.filter((p) => !dominated.has(p)));
  return out;
}

/** How many fronts each program is on, ordered by program index. */
export function frontFrequencies(mapping: Map<string, number[]>): [number, number][] {
  const freq = new Map<number, number>();
  for (const progs of mapping.values()) for (const p of progs) freq.set(p, (freq.get(p) ?? 0) + 1);
  return [...freq.entries()].sort((a, b) => a[0] - b[0]);
}

/** Mean of the best score per val example: what the whole front achieves together. */
export function paretoAggregate(fronts: FrontsState): number {
  const best = fronts.instance.best;
  if (best.length === 0) return 0;
  return best.reduce<number>((s, b) => s + (b ?? 0), 0) / best.length;
}
