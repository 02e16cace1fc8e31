// The whole run as one plain, versioned, JSON-serialisable object. Anything that influences what the
// next iteration does (RNG, sampler position, round-robin pointers, merge bookkeeping) lives here, so
// resuming from a checkpoint continues exactly where the run stopped.
import type { Candidate } from './types.ts';
import type { RngState } from './rng.ts';
import { Rng } from './rng.ts';
import type { SamplerState } from './strategies/batchSampler.ts';
import { emptySamplerState } from './strategies/batchSampler.ts';
import type { FrontsState } from './paretoFront.ts';
import { emptyFronts } from './paretoFront.ts';
import type { MergeState } from './proposer/mergeState.ts';
import type { DecidedRound } from './proposer/reflective.ts';
import { emptyMergeState } from './proposer/mergeState.ts';

export const STATE_VERSION = 1;

export interface CachedEvaluation {
  score: number;
  output: unknown;
  objectiveScores?: Record<string, number>;
}

export interface GepaState {
  version: typeof STATE_VERSION;
  seed: number;
  /** Number of iterations completed (the next iteration's number is iteration + 1). */
  iteration: number;
  componentNames: string[];
  candidates: Candidate[];
  /** parents[i]: parent indices of candidate i; the seed has [null]. Merges have two. */
  parents: (number | null)[][];
  /** Iteration at which each candidate was discovered (0 for the seed). */
  discoveryIteration: number[];
  /** valSubscores[i][valId]: candidate i's score on val example valId. */
  valSubscores: number[][];
  /** valObjectiveScores[i][valId]: candidate i's objective scores, or null when the adapter gives none. */
  valObjectiveScores: (Record<string, number>[] | null)[];
  valAggregate: number[];
  /** Mean of each objective over the valset, per candidate ({} without objectives). */
  objectiveAggregates: Record<string, number>[];
  fronts: FrontsState;
  bestIdx: number;
  discoveryEvalCounts: number[];
  totalMetricCalls: number;
  numFullValEvals: number;
  lastImprovementIteration: number;
  consecutiveErrors: number;
  /** Proposal rows emitted so far (ids for the proposals table). */
  proposalCount: number;
  /** Per candidate: index into componentNames of the next component round-robin rewrites. */
  roundRobinNext: number[];
  rng: RngState;
  sampler: SamplerState;
  merge: MergeState;
  /** Items added to the trainset mid-run (through the trainset handle); kept so a resume sees them. */
  trainsetAdded: unknown[];
  /** Per val example: [candidateIdx, output] pairs of the programs on that example's front. */
  bestOutputsValset: [number, unknown][][] | null;
  /** Evaluation cache, key → result; null when caching is off. */
  evalCache: Record<string, CachedEvaluation> | null;
  /** Accumulated run time in ms, measured with the injected clock (0 without one). */
  elapsedMs: number;
  /** Sum of the costs the reflection LM reported (0 when it reports none). */
  totalReflectionCost: number;
  /** With overlapRounds: the last round, decided, whose winners the next iteration scores and adds. */
  pendingRound?: DecidedRound | null;
}

export interface NewStateOptions {
  seed: number;
  componentNames: string[];
  valsetSize: number;
  trackBestOutputs: boolean;
  cacheEvaluation: boolean;
}

/** The state of a run that has not scored anything yet. */
export function createState(o: NewStateOptions): GepaState {
  return {
    version: STATE_VERSION,
    seed: o.seed,
    iteration: 0,
    componentNames: [...o.componentNames],
    candidates: [],
    parents: [],
    discoveryIteration: [],
    valSubscores: [],
    valObjectiveScores: [],
    valAggregate: [],
    objectiveAggregates: [],
    fronts: emptyFronts(o.valsetSize),
    bestIdx: 0,
    discoveryEvalCounts: [],
    totalMetricCalls: 0,
    numFullValEvals: 0,
    lastImprovementIteration: 0,
    consecutiveErrors: 0,
    proposalCount: 0,
    roundRobinNext: [],
    rng: new Rng(o.seed).state(),
    sampler: emptySamplerState(),
    merge: emptyMergeState(),
    trainsetAdded: [],
    bestOutputsValset: o.trackBestOutputs ? Array.from({ length: o.valsetSize }, () => []) : null,
    evalCache: o.cacheEvaluation ? {} : null,
    elapsedMs: 0,
    totalReflectionCost: 0,
    pendingRound: null,
  };
}

/** A deep copy through JSON: proves the state is plain data and detaches it from the live run. */
export function cloneState(state: GepaState): GepaState {
  return JSON.parse(JSON.stringify(state)) as GepaState;
}

export function serializeState(state: GepaState): string {
  return JSON.stringify(state);
}

export function deserializeState(text: string): GepaState {
  const parsed = JSON.parse(text) as Partial<GepaState>;
  if (parsed.version !== STATE_VERSION) {
    throw new Error(
      `Unsupported GEPA state version ${String(parsed.version)}; this engine reads version ${STATE_VERSION}`,
    );
  }
  return parsed as GepaState;
}
