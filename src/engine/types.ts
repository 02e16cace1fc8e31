// The engine's ports: what an adapter, a reflection LM, callbacks and options look like.
// Everything here is plain data or a function signature, so it crosses the worker boundary as types only.
import type { GepaState } from './state.ts';
import type { StopCondition } from './strategies/stopConditions.ts';
import type { CallbackHandlers } from './callbacks.ts';
import type { TrackingEvent } from './tracking.ts';
import type { Rng } from './rng.ts';
import type { SamplingStrategy } from './strategies/proposalSampling.ts';
import type { SelectionStrategy } from './strategies/proposalSelection.ts';

/** The part of the platform's AbortSignal the engine relies on (it compiles without DOM types). */
export interface AbortSignalLike {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: 'abort', listener: () => void): void;
}

/** A candidate program: component name → text (e.g. { system_prompt: "…" }). */
export type Candidate = Record<string, string>;

/** One evaluation of a candidate on a batch: one entry per example, in batch order. */
export interface EvaluationBatch<Trajectory = unknown, Output = unknown> {
  outputs: Output[];
  scores: number[];
  /** Present when captureTraces was true; the reflective dataset is built from these. */
  trajectories?: Trajectory[] | null;
  /** Optional per-example objective scores for multi-objective fronts. */
  objectiveScores?: Record<string, number>[] | null;
}

export type ReflectiveRecord = Record<string, unknown>;
export type ReflectiveDataset = Record<string, ReflectiveRecord[]>;

/**
 * The adapter contract. `evaluate` must not throw for one example's failure: it returns the failure
 * score (and error text as feedback) for that example. A throw means the whole batch failed.
 */
export interface GepaAdapter<Data = unknown, Trajectory = unknown, Output = unknown> {
  evaluate(
    batch: Data[],
    candidate: Candidate,
    captureTraces: boolean,
    signal?: AbortSignalLike,
  ): Promise<EvaluationBatch<Trajectory, Output>>;
  makeReflectiveDataset(
    candidate: Candidate,
    evalBatch: EvaluationBatch<Trajectory, Output>,
    componentsToUpdate: string[],
  ): ReflectiveDataset | Promise<ReflectiveDataset>;
  proposeNewTexts?: CandidateProposer;
}

/** What a reflection LM may answer: the raw text, with what the call cost if it knows (summed into the result). */
export interface ReflectionReply {
  text: string;
  /** in the caller's currency unit (the studio and CLI report US dollars) */
  cost?: number;
}

/** Reflection LM: prompt in, raw text (or text and cost) out. */
export type ReflectionLm = (prompt: string, signal?: AbortSignalLike) => Promise<string | ReflectionReply>;

/** Replaces the built-in reflection step: returns the new text for each component it updates. */
export type CandidateProposer = (
  candidate: Candidate,
  reflectiveDataset: ReflectiveDataset,
  componentsToUpdate: string[],
  signal?: AbortSignalLike,
) => Promise<Record<string, string>>;

export type CandidateSelectionStrategy = 'pareto' | 'current_best' | 'epsilon_greedy' | 'top_k_pareto';
export type FrontierType = 'instance' | 'objective' | 'hybrid' | 'cartesian';
export type AcceptanceCriterion = 'strict_improvement' | 'improvement_or_equal';
export type AutoBudget = 'light' | 'medium' | 'heavy';

/** Custom component selector: which components of the parent to rewrite this iteration. */
export type ComponentSelectorFn = (ctx: {
  state: Readonly<GepaState>;
  candidateIdx: number;
  candidate: Candidate;
  rng: Rng;
}) => string[];

export type ModuleSelector = 'round_robin' | 'all' | ComponentSelectorFn;

/** Milliseconds from an arbitrary origin; injected because the engine never reads the wall clock. */
export type Clock = () => number;

export interface GepaOptions<Data = unknown, Trajectory = unknown, Output = unknown> {
  seedCandidate: Candidate;
  trainset: Data[];
  valset?: Data[];
  adapter: GepaAdapter<Data, Trajectory, Output>;
  reflectionLm?: ReflectionLm;
  candidateSelectionStrategy?: CandidateSelectionStrategy;
  /** epsilon for 'epsilon_greedy' (default 0.1) */
  epsilon?: number;
  /** k for 'top_k_pareto' (default 5) */
  topK?: number;
  frontierType?: FrontierType;
  skipPerfectScore?: boolean;
  perfectScore?: number;
  failureScore?: number;
  reflectionMinibatchSize?: number;
  moduleSelector?: ModuleSelector;
  useMerge?: boolean;
  maxMergeInvocations?: number;
  mergeValOverlapFloor?: number;
  /** How many val examples a merged child is first tested on (default 5). */
  mergeSubsampleSize?: number;
  maxMetricCalls?: number;
  maxFullEvals?: number;
  auto?: AutoBudget;
  stopConditions?: StopCondition | StopCondition[];
  signal?: AbortSignalLike;
  callbacks?: CallbackHandlers | CallbackHandlers[];
  /** Receives the tracking stream (scalar metrics, table rows, run summary). */
  onTrackingEvent?: (event: TrackingEvent) => void;
  /**
   * Called with the state after every iteration; the engine awaits it (checkpointing). `info` lists the
   * evaluation-cache keys added since the previous call, so a writer can append them without listing
   * the whole cache.
   */
  checkpoint?: (state: GepaState, info: CheckpointInfo) => void | string | Promise<void | string>;
  trackBestOutputs?: boolean;
  acceptanceCriterion?: AcceptanceCriterion;
  /**
   * Proposals per round ('single' by default, the reference's behaviour). With several, a round's
   * reflection calls and minibatch evaluations run concurrently (within the LM's concurrency limit) and
   * the outcome still depends only on the seed and the LM's answers.
   */
  samplingStrategy?: SamplingStrategy;
  /** Which of a round's improving proposals enter the pool (default 'all'). */
  selectionStrategy?: SelectionStrategy;
  /**
   * A selected child first scores on this many random val examples and is dropped, before the rest of
   * the valset is paid for, when it does worse there than its parent (0 = off, the reference's behaviour).
   */
  valsetGateSize?: number;
  /**
   * How many times a reflection reply without a usable fenced instruction is asked again (costs reflection
   * calls, no metric calls; 0 = never, the reference's behaviour).
   */
  reflectionRetries?: number;
  /**
   * With several proposals a round: the next round is proposed while the previous round's winners are
   * scored on the valset, seeing the pool as it was before they join (default false: the reference's
   * lock-step rounds). Costs no metric calls; the run stays reproducible (see README, engine section).
   */
  overlapRounds?: boolean;
  /** One template for all components or one per component; must contain {{current_instruction}} and {{examples}}. */
  reflectionPromptTemplate?: string | Record<string, string>;
  customCandidateProposer?: CandidateProposer;
  cacheEvaluation?: boolean;
  seed?: number;
  raiseOnException?: boolean;
  /** Stop after this many consecutive failed iterations (adapter or LM errors); default 5. */
  maxConsecutiveErrors?: number;
  clock?: Clock;
  resumeFrom?: GepaState;
}

export interface CheckpointInfo {
  /** evaluation-cache keys added since the previous checkpoint call, in insertion order */
  newCacheKeys: string[];
}

export class GepaConfigError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'GepaConfigError';
  }
}
