// The tracking stream: the reference's experiment-tracking metrics and tables as typed events, so a
// UI, a checkpoint log or an exporter can consume them without reading engine state.
export interface CandidateRow {
  iteration: number;
  candidateIdx: number;
  parentIds: number[];
  valsetScore: number;
  isBest: boolean;
  /** 'seed' | 'reflective' | 'merge' */
  origin: 'seed' | 'reflective' | 'merge';
  texts: Record<string, string>;
  metricCallsAtDiscovery: number;
}

/** A new candidate as the tracking stream reports it: one row with everything known about it. */
export interface CandidateTrackingRow extends CandidateRow {
  /** per val example, in valset order */
  valScores: number[];
  /** the program's output per val example, in valset order */
  outputs: unknown[];
  /** with a multi-objective metric only: each val example's objective scores, in valset order */
  valObjectiveScores?: Record<string, number>[];
  /** with a multi-objective metric only: each objective's mean over the valset */
  objectiveAggregate?: Record<string, number>;
}

export type ProposalStatus = 'accepted' | 'rejected' | 'skipped';

export interface ProposalRow {
  /** Unique, increasing id of the row within the run. */
  proposalId: number;
  iteration: number;
  kind: 'reflective' | 'merge';
  component: string;
  status: ProposalStatus;
  /** Why it was rejected or skipped ('' when accepted). */
  reason: string;
  /** Accepted: the new candidate's index. Otherwise -1. */
  candidateIdx: number;
  parentIds: number[];
  subsampleScoreBefore: number | null;
  subsampleScoreAfter: number | null;
  /** The component's text in the parent, to diff against proposedText. */
  parentText: string;
  prompt: string;
  rawLmOutput: string;
  proposedText: string;
  minibatchIds: number[];
  /** The records (inputs, outputs, feedback) the reflection LM saw for this component. */
  feedbackRecords: Record<string, unknown>[];
  metricCallsAt: number;
}

export interface ValsetScoresRow {
  iteration: number;
  candidateIdx: number;
  scores: number[];
}

export interface ValsetParetoFrontRow {
  iteration: number;
  /** best score per val example */
  best: number[];
  /** programs on the front per val example */
  programs: number[][];
}

export interface ObjectiveScoresRow {
  iteration: number;
  candidateIdx: number;
  objectives: Record<string, number>;
}

export interface ObjectiveParetoFrontRow {
  iteration: number;
  best: Record<string, number>;
  programs: Record<string, number[]>;
}

export interface RunSummary {
  bestCandidateIdx: number;
  bestValsetScore: number;
  totalIterations: number;
  totalCandidates: number;
  totalMetricCalls: number;
  stopReason: string;
  seed: Record<string, string>;
  best: Record<string, string>;
}

export type TrackingEvent =
  | { type: 'metrics'; iteration: number; metrics: Record<string, number> }
  | { type: 'candidate'; row: CandidateTrackingRow }
  | { type: 'proposal'; row: ProposalRow }
  | { type: 'valsetScores'; row: ValsetScoresRow }
  | { type: 'valsetParetoFront'; row: ValsetParetoFrontRow }
  | { type: 'objectiveScores'; row: ObjectiveScoresRow }
  | { type: 'objectiveParetoFront'; row: ObjectiveParetoFrontRow }
  | { type: 'summary'; summary: RunSummary };
