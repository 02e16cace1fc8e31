// The RPC contract between the UI thread and the engine worker (Comlink), and the cross-tab broadcast
// of a driven run. Configuration goes down, RunEvents (the run's own contract, src/run/runEvent.ts)
// come up in batches about once per frame; the full engine state never crosses. The UI and the store
// import this file with `import type` only.
import type { Example, MetricConfig, Program } from '../tasks/types.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { ModelConfig, RunConfig } from '../run/runConfig.ts';
import type { RunSecrets } from '../run/buildRun.ts';

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
