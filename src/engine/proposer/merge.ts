// Merge (the "genetic" crossover): two front programs from different lineages that share an ancestor
// are combined component by component, keeping the text each one changed relative to the ancestor.
// Pure functions over the state; the loop decides when to call them and evaluates the result.
import type { Candidate } from '../types.ts';
import type { Rng } from '../rng.ts';
import type { GepaState } from '../state.ts';
import type { MergeState } from './mergeState.ts';

export function ancestors(parents: readonly (number | null)[][], idx: number): Set<number> {
  const seen = new Set<number>();
  const stack = [...(parents[idx] ?? [])];
  while (stack.length > 0) {
    const p = stack.pop();
    if (p === null || p === undefined || seen.has(p)) continue;
    seen.add(p);
    stack.push(...(parents[p] ?? []));
  }
  return seen;
}

/** An ancestor is worth merging over when one program kept its text for a component the other changed. */
export function hasDesirableComponents(
  candidates: readonly Candidate[],
  names: readonly string[],
  a: number,
  i: number,
  j: number,
): boolean {
  const A = candidates[a] as Candidate;
  const I = candidates[i] as Candidate;
  const J = candidates[j] as Candidate;
  return names.some((n) => (A[n] === I[n] && A[n] !== J[n]) || (A[n] === J[n] && A[n] !== I[n]));
}

export interface MergePlan {
  candidate: Candidate;
  i: number;
  j: number;
  ancestor: number;
  descriptor: string;
}

interface AncestorPair {
  i: number;
  j: number;
  ancestor: number;
}

/**
 * Draws up to `draws` random pairs of front programs until one has a common ancestor worth merging over
 * (not tried before with this pair, scored no better than either, and with a component one of them kept).
 */
function findAncestorPair(
  state: Readonly<GepaState>,
  mergeCandidates: readonly number[],
  merge: MergeState,
  rng: Rng,
  draws: number,
): AncestorPair | null {
  const scores = state.valAggregate;
  for (let draw = 0; draw < draws; draw++) {
    let [i, j] = rng.sample2(mergeCandidates);
    if (i === j) continue;
    if (j < i) [i, j] = [j, i];
    const ancI = ancestors(state.parents, i);
    const ancJ = ancestors(state.parents, j);
    if (ancI.has(j) || ancJ.has(i)) continue;
    const common = [...ancI]
      .filter((a) => ancJ.has(a))
      .sort((a, b) => a - b)
      .filter((a) => !merge.triedTriplets.includes(`${i},${j},${a}`))
      .filter((a) => (scores[a] as number) <= (scores[i] as number) && (scores[a] as number) <= (scores[j] as number))
      .filter((a) => hasDesirableComponents(state.candidates, state.componentNames, a, i, j));
    if (common.length === 0) continue;
    // Weighted by ancestor score; an all-zero set falls back to a uniform pick instead of crashing.
    const ancestor = rng.weightedChoice(
      common,
      common.map((a) => scores[a] as number),
    );
    return { i, j, ancestor };
  }
  return null;
}

/**
 * Picks a pair (i, j) from `mergeCandidates` and a common ancestor, and builds the merged program. As
 * the reference does, up to `attempts` searches of up to `attempts` random pairs each (100 draws by
 * default); returns null when no untried, useful merge turned up. Mutates `merge` to remember what was tried.
 */
export function planMerge(
  state: Readonly<GepaState>,
  mergeCandidates: readonly number[],
  merge: MergeState,
  rng: Rng,
  attempts = 10,
): MergePlan | null {
  if (mergeCandidates.length < 2) return null;
  const scores = state.valAggregate;
  const names = state.componentNames;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const pair = findAncestorPair(state, mergeCandidates, merge, rng, attempts);
    if (!pair) continue;
    const { i, j, ancestor } = pair;
    const A = state.candidates[ancestor] as Candidate;
    const I = state.candidates[i] as Candidate;
    const J = state.candidates[j] as Candidate;
    const merged: Candidate = { ...A };
    const source: number[] = [];
    for (const n of names) {
      let from: number;
      if (I[n] === J[n]) from = i;
      else if (A[n] === I[n]) from = j;
      else if (A[n] === J[n]) from = i;
      else if ((scores[i] as number) !== (scores[j] as number))
        from = (scores[i] as number) > (scores[j] as number) ? i : j;
      else from = rng.choice([i, j]);
      merged[n] = (from === i ? I[n] : J[n]) as string;
      source.push(from);
    }
    const descriptor = `${i},${j}|${source.join(',')}`;
    // the triplet counts as tried even when it only rebuilt an earlier merge: the next search skips it
    merge.triedTriplets.push(`${i},${j},${ancestor}`);
    if (merge.producedDescriptors.includes(descriptor)) continue;
    merge.producedDescriptors.push(descriptor);
    return { candidate: merged, i, j, ancestor, descriptor };
  }
  return null;
}

/**
 * Val ids to test a merged program on: balanced between examples where i wins, j wins, and ties,
 * as the reference does. Returns null when the parents share fewer than `overlapFloor` scored ids.
 */
export function mergeSubsample(
  scoresI: readonly number[],
  scoresJ: readonly number[],
  size: number,
  overlapFloor: number,
  rng: Rng,
): number[] | null {
  const n = Math.min(scoresI.length, scoresJ.length);
  if (n < overlapFloor) return null;
  const iWins: number[] = [];
  const jWins: number[] = [];
  const ties: number[] = [];
  for (let v = 0; v < n; v++) {
    const a = scoresI[v] as number;
    const b = scoresJ[v] as number;
    (a > b ? iWins : a < b ? jWins : ties).push(v);
  }
  const want = Math.min(size, n);
  const per = Math.ceil(want / 3);
  const picked: number[] = [];
  const take = (pool: number[], k: number) => {
    const shuffled = rng.shuffle([...pool]);
    for (const v of shuffled.slice(0, k)) picked.push(v);
  };
  take(iWins, per);
  take(jWins, per);
  take(ties, want - picked.length);
  if (picked.length < want) {
    const rest = Array.from({ length: n }, (_, v) => v).filter((v) => !picked.includes(v));
    take(rest, want - picked.length);
  }
  return picked.slice(0, want).sort((a, b) => a - b);
}
