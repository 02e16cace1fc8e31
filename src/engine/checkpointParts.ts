// A GepaState as parts that can be stored incrementally: a small `head` (everything an iteration may
// rewrite: counters, RNG, sampler, merge bookkeeping, round-robin pointers), one immutable row per
// candidate, and the evaluation cache as entries in insertion order. Rows and cache entries are only
// ever appended, so a checkpoint writes the head plus what is new since the previous one. Derived
// data (Pareto fronts, best index, best outputs) is not stored: `joinState` rebuilds it by replaying
// the candidates in order, exactly as the run built it. Invariant: joinState(split parts) deep-equals
// the state that was split, and the parts share nothing mutable with it.
import type { Candidate } from './types.ts';
import type { CachedEvaluation, GepaState } from './state.ts';
import { emptyFronts, updateFronts } from './paretoFront.ts';

type PerCandidateKey =
  | 'candidates'
  | 'parents'
  | 'discoveryIteration'
  | 'valSubscores'
  | 'valObjectiveScores'
  | 'valAggregate'
  | 'objectiveAggregates'
  | 'discoveryEvalCounts';
type DerivedKey = 'fronts' | 'bestIdx' | 'bestOutputsValset';

export interface CheckpointHead extends Omit<GepaState, PerCandidateKey | DerivedKey | 'evalCache'> {
  /** rows 0 … candidateCount-1 belong to this checkpoint */
  candidateCount: number;
  valsetSize: number;
  trackBestOutputs: boolean;
  /** whether the evaluation cache is on (GepaState.evalCache !== null) */
  cacheEnabled: boolean;
  /** cache entries 0 … cacheCount-1 belong to this checkpoint */
  cacheCount: number;
}

export interface CheckpointCandidate {
  idx: number;
  candidate: Candidate;
  parents: (number | null)[];
  discoveryIteration: number;
  valSubscores: number[];
  valObjectiveScores: Record<string, number>[] | null;
  valAggregate: number;
  objectiveAggregates: Record<string, number>;
  discoveryEvalCount: number;
  /** with trackBestOutputs: [valId, output] for each val example whose best-outputs list holds this candidate */
  bestOutputs?: [number, unknown][];
}

export interface CheckpointCacheEntry {
  /** position in the cache's insertion order */
  seq: number;
  key: string;
  result: CachedEvaluation;
}

export interface CheckpointParts {
  head: CheckpointHead;
  /** rows from `since.candidates` on */
  candidates: CheckpointCandidate[];
  /** entries from `since.cacheEntries` on */
  cache: CheckpointCacheEntry[];
}

/** What an earlier checkpoint of the same run already holds. */
export interface SplitSince {
  candidates: number;
  cacheEntries: number;
}

const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

/** The candidate rows' outputs in the best-outputs lists. Lists are ascending, so new ones are at the tails. */
function bestOutputsSince(lists: [number, unknown][][], from: number): Map<number, [number, unknown][]> {
  const out = new Map<number, [number, unknown][]>();
  lists.forEach((list, v) => {
    for (let k = list.length - 1; k >= 0; k--) {
      const [idx, output] = list[k] as [number, unknown];
      if (idx < from) break;
      const rows = out.get(idx) ?? [];
      rows.unshift([v, output]);
      out.set(idx, rows);
    }
  });
  for (const rows of out.values()) rows.sort((a, b) => a[0] - b[0]);
  return out;
}

/**
 * Splits `state` into its head and the rows and cache entries added since `since`. The cache entries
 * are found by insertion order: the engine only ever adds keys (never rewrites or removes one). With
 * `newCacheKeys` (the engine's checkpoint info: the keys added since `since`) nothing else is read;
 * without it every key of the cache is listed (about 0.15 µs a key), which grows with the run.
 */
export function splitState(
  state: GepaState,
  since: SplitSince = { candidates: 0, cacheEntries: 0 },
  newCacheKeys?: readonly string[],
): CheckpointParts {
  const {
    candidates,
    parents,
    discoveryIteration,
    valSubscores,
    valObjectiveScores,
    valAggregate,
    objectiveAggregates,
    discoveryEvalCounts,
    fronts,
    bestIdx: _bestIdx,
    bestOutputsValset,
    evalCache,
    ...rest
  } = state;
  const hinted = evalCache !== null && newCacheKeys !== undefined;
  const cacheKeys = !evalCache ? [] : hinted ? null : Object.keys(evalCache);
  const cacheCount = hinted
    ? since.cacheEntries + (newCacheKeys as readonly string[]).length
    : (cacheKeys as string[]).length;
  const head: CheckpointHead = {
    ...rest,
    candidateCount: candidates.length,
    valsetSize: fronts.instance.best.length,
    trackBestOutputs: bestOutputsValset !== null,
    cacheEnabled: evalCache !== null,
    cacheCount,
  };
  const outputs = bestOutputsValset ? bestOutputsSince(bestOutputsValset, since.candidates) : null;
  const rows: CheckpointCandidate[] = [];
  for (let i = since.candidates; i < candidates.length; i++) {
    const row: CheckpointCandidate = {
      idx: i,
      candidate: candidates[i] as Candidate,
      parents: parents[i] as (number | null)[],
      discoveryIteration: discoveryIteration[i] as number,
      valSubscores: valSubscores[i] as number[],
      valObjectiveScores: valObjectiveScores[i] ?? null,
      valAggregate: valAggregate[i] as number,
      objectiveAggregates: objectiveAggregates[i] as Record<string, number>,
      discoveryEvalCount: discoveryEvalCounts[i] as number,
    };
    if (outputs) row.bestOutputs = outputs.get(i) ?? [];
    rows.push(row);
  }
  const cache: CheckpointCacheEntry[] = [];
  for (let seq = since.cacheEntries; seq < cacheCount; seq++) {
    const key = (
      hinted ? (newCacheKeys as readonly string[])[seq - since.cacheEntries] : (cacheKeys as string[])[seq]
    ) as string;
    cache.push({ seq, key, result: (evalCache as Record<string, CachedEvaluation>)[key] as CachedEvaluation });
  }
  // one JSON copy: proves the parts are plain data and lets the run go on while they are written
  return copy({ head, candidates: rows, cache });
}

/** Rebuilds the state from a head, its rows 0 … candidateCount-1 and its cache entries 0 … cacheCount-1. */
export function joinState(
  head: CheckpointHead,
  rows: readonly CheckpointCandidate[],
  cache: readonly CheckpointCacheEntry[],
): GepaState {
  const { candidateCount, valsetSize, trackBestOutputs, cacheEnabled, cacheCount, ...rest } = head;
  const ordered = rows.filter((r) => r.idx < candidateCount).sort((a, b) => a.idx - b.idx);
  if (ordered.length !== candidateCount || ordered.some((r, i) => r.idx !== i)) {
    throw new Error(
      `incomplete checkpoint: the head names ${candidateCount} candidates, ${ordered.length} rows were found`,
    );
  }
  const entries = cache.filter((e) => e.seq < cacheCount).sort((a, b) => a.seq - b.seq);
  if (cacheEnabled && entries.length !== cacheCount) {
    throw new Error(`incomplete checkpoint: the head names ${cacheCount} cache entries, ${entries.length} were found`);
  }

  const fronts = emptyFronts(valsetSize);
  const bestOutputsValset: [number, unknown][][] | null = trackBestOutputs
    ? Array.from({ length: valsetSize }, () => [])
    : null;
  let bestIdx = 0;
  for (const row of ordered) {
    const idx = row.idx;
    // the same steps, in the same order, as registerCandidate
    if (idx === 0 || row.valAggregate > (ordered[bestIdx] as CheckpointCandidate).valAggregate) bestIdx = idx;
    if (bestOutputsValset) {
      const mine = new Map(row.bestOutputs ?? []);
      row.valSubscores.forEach((s, v) => {
        const prev = fronts.instance.best[v];
        const list = bestOutputsValset[v];
        if (!list || prev === undefined) return;
        if (prev === null || s > prev) bestOutputsValset[v] = [[idx, mine.get(v)]];
        else if (s === prev) list.push([idx, mine.get(v)]);
      });
    }
    updateFronts(fronts, idx, row.valSubscores, row.valObjectiveScores, row.objectiveAggregates);
  }

  let evalCache: Record<string, CachedEvaluation> | null = null;
  if (cacheEnabled) {
    evalCache = {};
    for (const e of entries) evalCache[e.key] = e.result;
  }
  return {
    ...rest,
    candidates: ordered.map((r) => r.candidate),
    parents: ordered.map((r) => r.parents),
    discoveryIteration: ordered.map((r) => r.discoveryIteration),
    valSubscores: ordered.map((r) => r.valSubscores),
    valObjectiveScores: ordered.map((r) => r.valObjectiveScores),
    valAggregate: ordered.map((r) => r.valAggregate),
    objectiveAggregates: ordered.map((r) => r.objectiveAggregates),
    fronts,
    bestIdx,
    discoveryEvalCounts: ordered.map((r) => r.discoveryEvalCount),
    bestOutputsValset,
    evalCache,
  };
}
