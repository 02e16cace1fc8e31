// The callback events of the reference (camelCase fields) and a dispatcher that isolates failures:
// a throwing handler becomes a warning and never stops the run.
import type { Candidate, EvaluationBatch, ReflectiveDataset } from './types.ts';
import type { GepaState } from './state.ts';
import { errorMessage } from './errorMessage.ts';

export interface TrainsetHandle<Data = unknown> {
  readonly size: number;
  /** Grows the trainset; the new items are sampled from the next minibatch on. */
  addItems(items: Data[]): void;
}

export interface CallbackEvents {
  onOptimizationStart: {
    seedCandidate: Candidate;
    trainsetSize: number;
    valsetSize: number;
    config: Record<string, unknown>;
  };
  onOptimizationEnd: {
    bestCandidateIdx: number;
    totalIterations: number;
    totalMetricCalls: number;
    finalState: GepaState;
    stopReason: string;
  };
  onIterationStart: { iteration: number; state: GepaState; trainsetLoader: TrainsetHandle };
  onIterationEnd: { iteration: number; state: GepaState; proposalAccepted: boolean };
  onCandidateSelected: { iteration: number; candidateIdx: number; candidate: Candidate; score: number };
  onCandidateAccepted: { iteration: number; newCandidateIdx: number; newScore: number; parentIds: number[] };
  onCandidateRejected: { iteration: number; oldScore: number; newScore: number; reason: string };
  onMinibatchSampled: { iteration: number; minibatchIds: number[]; trainsetSize: number };
  onEvaluationStart: {
    iteration: number;
    candidateIdx: number | null;
    batchSize: number;
    captureTraces: boolean;
    /** the evaluated program's parents (a child not yet registered: the program it was proposed from) */
    parentIds: number[];
    inputs: unknown[];
    isSeedCandidate: boolean;
  };
  onEvaluationEnd: {
    iteration: number;
    candidateIdx: number | null;
    scores: number[];
    hasTrajectories: boolean;
    parentIds: number[];
    outputs: unknown[];
    trajectories: unknown[] | null;
    objectiveScores: Record<string, number>[] | null;
    isSeedCandidate: boolean;
  };
  onEvaluationSkipped: {
    iteration: number;
    candidateIdx: number;
    reason: string;
    scores: number[] | null;
    isSeedCandidate: boolean;
  };
  onValsetEvaluated: {
    iteration: number;
    candidateIdx: number;
    candidate: Candidate;
    scoresByValId: Record<number, number>;
    averageScore: number;
    /** how many val examples the candidate has scores for (all of them: every candidate is scored in full) */
    numExamplesEvaluated: number;
    totalValsetSize: number;
    parentIds: number[];
    isBestProgram: boolean;
    outputsByValId: Record<number, unknown> | null;
  };
  onReflectiveDatasetBuilt: {
    iteration: number;
    /** names the proposal within its iteration: "12", or "12-1", "12-2" … when a round has several */
    iterationId: string;
    candidateIdx: number;
    components: string[];
    dataset: ReflectiveDataset;
  };
  onProposalStart: {
    iteration: number;
    parentCandidate: Candidate;
    components: string[];
    reflectiveDataset: ReflectiveDataset;
  };
  onProposalEnd: {
    iteration: number;
    newInstructions: Record<string, string>;
    prompts: Record<string, string>;
    rawLmOutputs: Record<string, string>;
    /** what else the proposal step knows: the reflection cost it reported, components it could not propose for */
    metadata: Record<string, unknown>;
  };
  onMergeAttempted: { iteration: number; parentIds: [number, number]; mergedCandidate: Candidate };
  onMergeAccepted: { iteration: number; newCandidateIdx: number; parentIds: [number, number] };
  onMergeRejected: { iteration: number; parentIds: [number, number]; reason: string };
  onParetoFrontUpdated: { iteration: number; newFront: number[]; displacedCandidates: number[] };
  onStateSaved: { iteration: number; runDir: string | null };
  onBudgetUpdated: {
    iteration: number;
    metricCallsUsed: number;
    metricCallsDelta: number;
    metricCallsRemaining: number | null;
  };
  onError: { iteration: number; exception: unknown; willContinue: boolean };
  /** Not in the reference: a callback threw, or the engine noticed something worth telling. */
  onWarning: { iteration: number; message: string; source: string };
}

export type CallbackName = keyof CallbackEvents;
export type CallbackHandlers = { [K in CallbackName]?: (event: CallbackEvents[K]) => void };

export const CALLBACK_NAMES: readonly CallbackName[] = [
  'onOptimizationStart',
  'onOptimizationEnd',
  'onIterationStart',
  'onIterationEnd',
  'onCandidateSelected',
  'onCandidateAccepted',
  'onCandidateRejected',
  'onMinibatchSampled',
  'onEvaluationStart',
  'onEvaluationEnd',
  'onEvaluationSkipped',
  'onValsetEvaluated',
  'onReflectiveDatasetBuilt',
  'onProposalStart',
  'onProposalEnd',
  'onMergeAttempted',
  'onMergeAccepted',
  'onMergeRejected',
  'onParetoFrontUpdated',
  'onStateSaved',
  'onBudgetUpdated',
  'onError',
  'onWarning',
];

export type Emit = <K extends CallbackName>(name: K, event: CallbackEvents[K]) => void;

/** Calls every handler for an event in order; a throw is reported through onWarning and swallowed. */
export function makeEmitter(handlers: CallbackHandlers[]): Emit {
  const emit: Emit = (name, event) => {
    for (const h of handlers) {
      const fn = h[name] as ((e: typeof event) => void) | undefined;
      if (!fn) continue;
      try {
        fn.call(h, event);
      } catch (err) {
        if (name === 'onWarning') continue; // a failing warning handler has nowhere left to report to
        const message = `callback ${name} threw: ${errorMessage(err)}`;
        emit('onWarning', { iteration: (event as { iteration?: number }).iteration ?? 0, message, source: name });
      }
    }
  };
  return emit;
}

/** Convenience for reading evaluation results out of an EvaluationBatch in event form. */
export function evaluationEndFields(
  batch: EvaluationBatch,
): Pick<CallbackEvents['onEvaluationEnd'], 'scores' | 'outputs' | 'trajectories' | 'objectiveScores'> {
  return {
    scores: batch.scores,
    outputs: batch.outputs,
    trajectories: batch.trajectories ?? null,
    objectiveScores: batch.objectiveScores ?? null,
  };
}
