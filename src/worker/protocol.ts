// The contract between the UI thread and the engine worker. Configuration goes down, small events come
// up (batched about once per frame); the full engine state never crosses. The UI imports this file
// with `import type` only.
import type { CandidateRow, GepaResultDict, ProposalRow, RunSummary } from '../engine/index.ts';
import type { UsageTotals } from '../lm/usage.ts';
import type { Example, MetricConfig, Program } from '../tasks/types.ts';
import type { ModelConfig, RunConfig } from '../tasks/runConfig.ts';
import type { RunSecrets } from '../tasks/buildRun.ts';

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
// 'interrupted' is never emitted by a worker: it is how a stored run shows when its record says it was
// running or paused but no tab drives it any more (the tab was closed or reloaded mid-run).

export interface StartRequest {
  runId: string;
  config: RunConfig;
  /** API keys, memory only: never stored, exported or logged */
  secrets: RunSecrets;
  /** simulated latency for the demo model, so a demo run can be watched (ms per call) */
  demoLatencyMs?: number;
  /**
   * Continue the stored run `runId` from its last checkpoint (after a reload or a closed tab) instead of
   * starting afresh. The worker replays the run's event log to the caller first, so its views are rebuilt.
   */
  resume?: boolean;
}

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

export type RunEvent =
  | { type: 'status'; status: RunStatus; message?: string }
  /** the run's examples, once, so views can show inputs and expected answers */
  | { type: 'examples'; train: number; val: Example[] }
  | { type: 'candidate'; row: CandidateRow; valScores: number[]; outputs: string[] }
  | { type: 'proposal'; row: ProposalRow }
  | { type: 'front'; programs: number[][] }
  | { type: 'score'; point: ScorePoint }
  | { type: 'budget'; used: number; cap: number | null; iteration: number }
  | { type: 'usage'; usage: UsageSnapshot }
  | { type: 'log'; level: LogLevel; message: string; iteration?: number }
  | { type: 'summary'; summary: RunSummary }
  | { type: 'result'; result: GepaResultDict }
  /**
   * Log markers (views ignore them). 'checkpoint': every event before it describes the state saved after
   * `iteration`; it is stored before that checkpoint is. 'resumed': the run continued from the checkpoint
   * after `fromIteration` (null: none was saved, the run started over), so the stored events between that
   * checkpoint's marker and this one belong to an interrupted iteration and are left out of a replay.
   */
  | { type: 'checkpoint'; iteration: number }
  | { type: 'resumed'; fromIteration: number | null };

/** Posted on the BroadcastChannel 'gepa-runs' by the tab that drives a run, so other tabs follow it live. */
export type RunBroadcast =
  /** events just appended to the run's log; `seq` is how many events the log held before them */
  | { kind: 'events'; runId: string; seq: number; events: RunEvent[] }
  /** the run's record changed (created, status, summary) or the run was deleted */
  | { kind: 'record'; runId: string };

export interface ConnectionResult {
  ok: boolean;
  message: string;
  latencyMs?: number;
  reply?: string;
}

export interface MetricTrial {
  exampleId: string;
  output: string;
  score: number;
  feedback: string;
}

export interface MetricTrialRequest {
  program: Program;
  metric: MetricConfig;
  taskLm: ModelConfig;
  judgeLm?: ModelConfig;
  secrets: RunSecrets;
  examples: Example[];
}

/** What the worker exposes (Comlink). Every long call is cancellable: stop() ends a run. */
export interface WorkerApi {
  /** Runs until finished, stopped or failed; events arrive through onEvents. */
  start(request: StartRequest, onEvents: (events: RunEvent[]) => void): Promise<void>;
  /** Pause at the next iteration boundary (nothing in flight is lost). */
  pause(): void;
  resume(): void;
  /** Stop now: the iteration in flight is discarded; the result so far is final. */
  stop(): void;
  testConnection(model: ModelConfig, apiKey?: string): Promise<ConnectionResult>;
  /** Runs the program with the task LM on a few examples and scores them: "test on 3 examples". */
  testMetric(request: MetricTrialRequest): Promise<MetricTrial[]>;
}
