// The RPC contract between the UI thread and the engine worker (Comlink), and the cross-tab broadcast
// of a driven run. Configuration goes down, RunEvents (the run's own contract, src/run/runEvent.ts)
// come up in batches about once per frame; the full engine state never crosses. The UI and the store
// import this file with `import type` only.
import type { Example, MetricConfig, Program } from '../tasks/types.ts';
import type { RunEvent } from '../run/runEvent.ts';
import type { ModelConfig, RunConfig } from '../run/runConfig.ts';
import type { RunSecrets } from '../run/buildRun.ts';
import type { MlflowTrackingConfig } from '../run/trackingConfig.ts';
import type { ReflectiveDataset } from '../engine/index.ts';

/** An MLflow server's credentials as typed into the studio: a bearer token, or a user and password (basic auth). */
export type MlflowCredentials = { token: string } | { username: string; password: string };

/**
 * Experiment tracking's credentials, memory only like API keys: never stored, exported or logged (the worker
 * redacts them from every text the run reports). The config's `tracking` says where; these say who.
 */
export interface TrackingCredentials {
  mlflow?: MlflowCredentials;
}

export interface StartRequest {
  runId: string;
  config: RunConfig;
  /** API keys, memory only: never stored, exported or logged */
  secrets: RunSecrets;
  /** the tracking server's credentials, memory only (the config's `tracking` never holds them) */
  trackingCredentials?: TrackingCredentials;
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

/** "Test connection" for a tracking server; `cors` says the server answered but does not allow the page's origin. */
export interface TrackingTestResult extends ConnectionResult {
  cors?: boolean;
  /** with `cors`: the command that starts MLflow allowing this page's origin */
  command?: string;
}

export interface MetricTrial {
  exampleId: string;
  output: string;
  score: number;
  feedback: string;
  /** what a multi-objective metric (a custom metric's `objectives`) returned besides the score */
  objectives?: Record<string, number>;
  /** the metric's feedback for single steps, by step name (feedback per step) */
  steps?: Record<string, string>;
}

export interface MetricTrialRequest {
  program: Program;
  metric: MetricConfig;
  taskLm: ModelConfig;
  judgeLm?: ModelConfig;
  secrets: RunSecrets;
  examples: Example[];
}

/** The reflection prompt's preview: the seed run by the run's adapter on the first `examples` training examples. */
export interface ReflectionPreviewRequest {
  config: RunConfig;
  secrets: RunSecrets;
  examples: number;
}

export interface ReflectionPreview {
  /** the examples run, with the seed's score on each */
  examples: { id: string; score: number }[];
  /** by step: the records the engine's reflection prompt puts in {{examples}} */
  records: ReflectiveDataset;
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
  /** Reaches the MLflow server as a run would (experiment by name, the run to attach to); never rejects. */
  testTracking(target: MlflowTrackingConfig, credentials?: MlflowCredentials): Promise<TrackingTestResult>;
  /** Runs the program with the task LM on a few examples and scores them: "test on 3 examples". */
  testMetric(request: MetricTrialRequest): Promise<MetricTrial[]>;
  /** Runs the seed on a few training examples and returns what a reflection on them would be shown. */
  previewReflection(request: ReflectionPreviewRequest): Promise<ReflectionPreview>;
}
