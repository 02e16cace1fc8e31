// The run-event contract: what a run reports as it goes, wherever it runs. The worker batches these to
// the tab and stores them in IndexedDB; the CLI writes them to events.jsonl and --json-events; the
// views, the history record and the export are folds of them. Events are small updates (a candidate
// added, a proposal row, a budget tick), never the full engine state, and never carry an API key.
import type { CandidateRow, GepaResultDict, ProposalRow, RunSummary } from '../engine/index.ts';
import type { UsageTotals } from '../lm/usage.ts';
import type { Example } from '../tasks/types.ts';

export type RunStatus =
  | 'idle'
  | 'starting'
  | 'running'
  | 'pausing'
  | 'paused'
  | 'stopping'
  | 'stopped'
  | 'finished'
  | 'error'
  | 'interrupted';
// 'interrupted' is never emitted by a run: it is how a stored run shows when its record says it was
// running or paused but no tab drives it any more (the tab was closed or reloaded mid-run).

/** One point of the score chart: after each new candidate, and after each proposal's minibatch test. */
export interface ScorePoint {
  metricCalls: number;
  iteration: number;
  bestScore: number;
  paretoAggregate: number;
}

export interface UsageSnapshot {
  byRole: Partial<Record<'task' | 'reflection' | 'judge', UsageTotals>>;
  total: UsageTotals;
  cacheHits: number;
  cacheSavedUsd: number;
}

export type LogLevel = 'info' | 'warning' | 'error';

/**
 * A candidate's objective scores, when the metric returns several objectives (a custom metric's
 * `objectives`): each val example's, in valset order, and each objective's mean over the valset (the
 * engine's objective aggregate, what its objective Pareto front ranks).
 */
export interface CandidateObjectives {
  perExample: Record<string, number>[];
  aggregate: Record<string, number>;
}

/**
 * How one experiment-tracking backend ended (src/tracking's delivery report, as plain data): where it logged,
 * how many requests arrived, what went wrong, and what was not delivered (redacted JSON, enough to send it
 * again). The studio keeps it in the run's event log, so nothing undelivered is lost with the tab.
 */
export interface TrackingDelivery {
  backend: string;
  target: string;
  runId: string | null;
  delivered: number;
  problems: string[];
  undelivered: { item: unknown; error: string }[];
}

export type RunEvent =
  | { type: 'status'; status: RunStatus; message?: string }
  /** the run's examples, once, so views can show inputs and expected answers */
  | { type: 'examples'; train: number; val: Example[] }
  /** `objectives` only when the metric returned objective scores (a run without them logs as before) */
  | { type: 'candidate'; row: CandidateRow; valScores: number[]; outputs: string[]; objectives?: CandidateObjectives }
  | { type: 'proposal'; row: ProposalRow }
  | { type: 'front'; programs: number[][] }
  | { type: 'score'; point: ScorePoint }
  | { type: 'budget'; used: number; cap: number | null; iteration: number }
  | { type: 'usage'; usage: UsageSnapshot }
  | { type: 'log'; level: LogLevel; message: string; iteration?: number }
  /**
   * A round of several proposals: how many of `iteration`'s proposals have started and how many of them are
   * still reflecting (started, not yet proposed). Live only (views show it while the run goes, folds skip
   * it); a round of one proposal reports none, so single-proposal runs log as before.
   */
  | { type: 'inFlight'; iteration: number; started: number; inFlight: number }
  | { type: 'summary'; summary: RunSummary }
  /** the run's experiment tracking has finished (the studio): once, just before the final status */
  | { type: 'tracking'; backends: TrackingDelivery[] }
  | { type: 'result'; result: GepaResultDict }
  /**
   * Log markers (views ignore them). 'checkpoint': every event before it describes the state saved after
   * `iteration`; it is stored before that checkpoint is. 'resumed': the run continued from the checkpoint
   * after `fromIteration` (null: none was saved, the run started over), so the stored events between that
   * checkpoint's marker and this one belong to an interrupted iteration and are left out of a replay.
   */
  | { type: 'checkpoint'; iteration: number }
  | { type: 'resumed'; fromIteration: number | null };
