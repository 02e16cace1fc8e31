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
  /** memberships[p]: how many fronts (of every kind) program p is on; kept so updates stay O(change). */
  memberships: number[];
}

export function emptyFronts(valsetSize: number): FrontsState {
  return {
    instance: {
      best: new Array<number | null>(valsetSize).fill(null),
      programs: Array.from({ length: valsetSize }, () => []),
    },
    objective: { best: {}, programs: {} },
    cartesian: { best: {}, programs: {} },
    memberships: [],
  };
}

/** Adds `idx` to a front if it ties the best, replaces the front if it beats it. Returns whether it changed. */
interface Offer {
  best: number;
  programs: number[];
  /** programs pushed off this front */
  removed: number[];
  /** whether the offered program is newly on this front */
  joined: boolean;
  changed: boolean;
}

// `null` means "no score yet" (JSON has no -Infinity). In a run `idx` is the newest program, larger
// than every index on a front, so the common case appends in O(1) and the list stays sorted.
function offer(best: number | null, programs: number[], score: number, idx: number): Offer {
  if (best === null || score > best) {
    const removed = programs.filter((p) => p !== idx);
    return { best: score, programs: [idx], removed, joined: removed.length === programs.length, changed: true };
  }
  if (score === best) {
    const last = programs[programs.length - 1];
    if (last === undefined || last < idx) programs.push(idx);
    else if (programs.includes(idx)) return { best, programs, removed: [], joined: false, changed: false };
    else
      programs.splice(
        programs.findIndex((p) => p > idx),
        0,
        idx,
      );
    return { best, programs, removed: [], joined: true, changed: true };
  }
  return { best, programs, removed: [], joined: false, changed: false };
}

export interface FrontUpdate {
  changed: boolean;
  /** Programs that were on some front before this candidate and are on none now. */
  displaced: number[];
}

/** Offers a newly scored candidate (the newest index) to every front (mutates `fronts`). */
export function updateFronts(
  fronts: FrontsState,
  idx: number,
  scores: readonly number[],
  objectivesPerExample: readonly Record<string, number>[] | null,
  objectiveAggregate: Record<string, number>,
): FrontUpdate {
  const m = fronts.memberships;
  while (m.length <= idx) m.push(0);
  let changed = false;
  const touched = new Set<number>();
  const apply = (r: Offer) => {
    if (!r.changed) return;
    changed = true;
    if (r.joined) m[idx] = (m[idx] as number) + 1;
    for (const p of r.removed) {
      m[p] = (m[p] as number) - 1;
      touched.add(p);
    }
  };
  const keyed = (front: KeyedFront, key: string, score: number) => {
    const r = offer(front.best[key] ?? null, front.programs[key] ?? [], score, idx);
    front.best[key] = r.best;
    front.programs[key] = r.programs;
    apply(r);
  };
  const inst = fronts.instance;
  for (let v = 0; v < scores.length; v++) {
    const score = scores[v] as number;
    const best = inst.best[v] ?? null;
    const programs = inst.programs[v] ?? [];
    // the two common cases without allocating (this runs over the whole valset per candidate):
    // below the best, and a tie by the newest program (what offer does, in O(1))
    if (best !== null && score < best) continue;
    if (score === best && (programs.length === 0 || (programs[programs.length - 1] as number) < idx)) {
      programs.push(idx);
      inst.programs[v] = programs;
      m[idx] = (m[idx] as number) + 1;
      changed = true;
      continue;
    }
    const r = offer(best, programs, score, idx);
    inst.best[v] = r.best;
    inst.programs[v] = r.programs;
    apply(r);
  }
  for (const [name, value] of Object.entries(objectiveAggregate)) keyed(fronts.objective, name, value);
  if (objectivesPerExample) {
    objectivesPerExample.forEach((objs, v) => {
      for (const [name, value] of Object.entries(objs)) keyed(fronts.cartesian, `${v}/${name}`, value);
    });
  }
  const displaced = [...touched].filter((p) => m[p] === 0).sort((a, b) => a - b);
  return { changed, displaced };
}

/** Every program on at least one front, ascending. */
export function frontMembers(fronts: FrontsState): number[] {
  const out: number[] = [];
  fronts.memberships.forEach((c, p) => c > 0 && out.push(p));
  return out;
}

/**
 * The fronts a selector works on, for the configured frontier type: the programs of each front. Only
 * membership matters to dominance and sampling, so the fronts are not named (nor built as a map).
 */
export function frontierLists(fronts: FrontsState, type: FrontierType): number[][] {
  const lists: number[][] = [];
  if (type === 'instance' || type === 'hybrid') lists.push(...fronts.instance.programs);
  if (type === 'objective' || type === 'hybrid') lists.push(...Object.values(fronts.objective.programs));
  if (type === 'cartesian') lists.push(...Object.values(fronts.cartesian.programs));
  // Objective-based fronts need objective scores; without them fall back to the instance fronts.
  return lists.length === 0 ? fronts.instance.programs.slice() : lists;
}

/** Mean of the best score per val example: what the whole front achieves together. */
export function paretoAggregate(fronts: FrontsState): number {
  const best = fronts.instance.best;
  if (best.length === 0) return 0;
  return best.reduce<number>((s, b) => s + (b ?? 0), 0) / best.length;
}
