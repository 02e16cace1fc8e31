// Experiment tracking for a headless run: the MLflow and W&B trackers the config asks for, with their
// credentials from the environment (MLFLOW_TRACKING_TOKEN for a bearer token, or MLFLOW_TRACKING_USERNAME and
// MLFLOW_TRACKING_PASSWORD for basic auth, as MLflow's own clients read them; WANDB_API_KEY and WANDB_BASE_URL
// for W&B, whose own JavaScript SDK runs in a worker thread, wandbSdkHost.ts), fed by the run driver and
// finished with the run's end. Delivery problems go to the run's log as warnings while the run lasts; at
// the end the report goes to stderr and whatever was not delivered is appended to the run directory's
// tracking-undelivered.jsonl (one JSON item a line, enough to send it again). tracking.json in the run
// directory keeps the MLflow run id and the tables logged so far, so a resumed run continues the same
// MLflow run with its whole tables instead of starting a new one or overwriting them with the rest. W&B's SDK
// cannot continue a run's history (it writes from offset 0), so a resumed session logs to a new W&B run; the
// earlier one's id is named in a warning.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunEnd } from '../run/runDriver.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { RunConfigError } from '../run/runConfig.ts';
import type { MlflowAuth } from '../tracking/mlflow/mlflowRest.ts';
import { MlflowTracker } from '../tracking/mlflow/mlflowTracker.ts';
import { WandbTracker } from '../tracking/wandb/wandbTracker.ts';
import type { Tracker } from '../tracking/tracker.ts';
import { nodeWandbHost, WANDB_DEFAULT_BASE_URL } from './wandbSdkHost.ts';
import type { MlflowTables } from '../tracking/mlflow/mlflowTracker.ts';
import { candidateTreeHtml } from '../report/candidateTreeHtml.ts';
import { deliveryMessages, startRunTracking } from '../tracking/runTracking.ts';
import type { RunTracking } from '../tracking/runTracking.ts';
import type { QueueTiming } from '../tracking/deliveryQueue.ts';
import type { DeliveryReport } from '../tracking/tracker.ts';
import { writeFileAtomic } from './runDir.ts';

export const TRACKING_FILES = { state: 'tracking.json', undelivered: 'tracking-undelivered.jsonl' } as const;

export interface TrackingSecrets {
  trackingToken?: string;
  trackingPassword?: string;
}

/** The MLflow credentials in the environment, as auth and as secrets to redact. */
export function mlflowAuthFromEnv(env: Record<string, string | undefined>): {
  auth: MlflowAuth;
  secrets: TrackingSecrets;
} {
  const token = env.MLFLOW_TRACKING_TOKEN;
  if (token) return { auth: { kind: 'bearer', token }, secrets: { trackingToken: token } };
  const username = env.MLFLOW_TRACKING_USERNAME;
  const password = env.MLFLOW_TRACKING_PASSWORD;
  if (username && password)
    return { auth: { kind: 'basic', username, password }, secrets: { trackingPassword: password } };
  if (username || password) {
    const [set, missing] = username
      ? ['MLFLOW_TRACKING_USERNAME', 'MLFLOW_TRACKING_PASSWORD']
      : ['MLFLOW_TRACKING_PASSWORD', 'MLFLOW_TRACKING_USERNAME'];
    throw new RunConfigError('tracking.mlflow', `${set} is set without ${missing}: basic auth needs both`);
  }
  return { auth: { kind: 'none' }, secrets: {} };
}

/** W&B's API key and server from the environment, as W&B's own clients read them. */
export function wandbFromEnv(env: Record<string, string | undefined>): { apiKey: string; baseUrl: string } {
  const apiKey = env.WANDB_API_KEY;
  if (!apiKey)
    throw new RunConfigError(
      'tracking.wandb',
      'WANDB_API_KEY is not set: W&B tracking needs your API key in the environment (https://wandb.ai/authorize)',
    );
  const baseUrl = env.WANDB_BASE_URL || WANDB_DEFAULT_BASE_URL;
  if (!/^https?:\/\/[^/]/.test(baseUrl))
    throw new RunConfigError('tracking.wandb', `WANDB_BASE_URL must be an http(s) URL, not "${baseUrl}"`);
  return { apiKey, baseUrl };
}

interface TrackingState {
  mlflow?: { runId: string | null; tables: MlflowTables };
  wandb?: { runId: string | null };
}

export interface CliTracking {
  onTrackingEvent: RunTracking['onTrackingEvent'];
  /** at each checkpoint: the MLflow run id and tables so far, for a resume */
  checkpoint(): void;
  /** ends the tracked runs, keeps what was not delivered, and returns the lines for stderr */
  finish(end: RunEnd): Promise<{ report: DeliveryReport; lines: string[] }>;
}

export interface CliTrackingOptions {
  config: RunConfig;
  env: Record<string, string | undefined>;
  runDir: string;
  /** the run directory as the user would type it, for messages */
  shownDir: string;
  redact: (text: string) => string;
  /** a delivery problem while the run lasts (the run's log, as a warning) */
  onProblem: (message: string) => void;
  fetch?: typeof fetch;
  timing?: Partial<QueueTiming>;
}

/** Tracking for the run, or null when its config asks for none that the CLI implements. */
export function startCliTracking(options: CliTrackingOptions): CliTracking | null {
  const { config, runDir, redact } = options;
  const target = config.tracking?.mlflow;
  const wandbTarget = config.tracking?.wandb;
  if (!target && !wandbTarget) return null;
  const statePath = path.join(runDir, TRACKING_FILES.state);
  let saved: TrackingState = {};
  try {
    if (existsSync(statePath)) saved = JSON.parse(readFileSync(statePath, 'utf8')) as TrackingState;
  } catch (err) {
    options.onProblem(`${statePath} is damaged (${String(err)}): the run logs to a new MLflow run`);
  }
  const trackers: Tracker[] = [];
  let mlflow: MlflowTracker | null = null;
  if (target) {
    const { auth } = mlflowAuthFromEnv(options.env);
    mlflow = new MlflowTracker({
      target,
      auth,
      redact,
      onProblem: (m) => options.onProblem(`MLflow tracking: ${m}`),
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.timing ? { timing: options.timing } : {}),
      ...(saved.mlflow?.runId && !target.runId ? { continueRunId: saved.mlflow.runId } : {}),
      ...(saved.mlflow?.tables ? { tables: saved.mlflow.tables } : {}),
    });
    trackers.push(mlflow);
  }
  let wandb: WandbTracker | null = null;
  if (wandbTarget) {
    const { apiKey, baseUrl } = wandbFromEnv(options.env);
    const problem = (m: string) => options.onProblem(`W&B tracking: ${m}`);
    wandb = new WandbTracker({
      target: wandbTarget,
      host: nodeWandbHost({ baseUrl, apiKey, redact }),
      ...(options.timing?.finishTimeoutMs !== undefined ? { finishTimeoutMs: options.timing.finishTimeoutMs } : {}),
      onProblem: problem,
    });
    if (saved.wandb?.runId && !wandbTarget.runId)
      problem(
        `the earlier session logged to W&B run ${saved.wandb.runId}; W&B's JavaScript SDK cannot continue a run's ` +
          `history, so this session logs to a new run, ${wandb.runId}`,
      );
    trackers.push(wandb);
  }
  // the HTML report's interactive lineage page as the candidate tree artifact
  const tracking = startRunTracking(config, trackers, (tree) => candidateTreeHtml({ ...tree, title: config.name }));
  let saveFailed = false;
  // never a reason to stop the run: a resume without it starts a new MLflow run, which the warning says
  const save = () => {
    const state: TrackingState = {
      ...(mlflow ? { mlflow: { runId: mlflow.runId, tables: mlflow.tables() } } : {}),
      ...(wandb ? { wandb: { runId: wandb.runId } } : {}),
    };
    try {
      writeFileAtomic(statePath, JSON.stringify(state) + '\n');
    } catch (err) {
      if (!saveFailed)
        options.onProblem(`could not write ${statePath} (a resumed run would start a new MLflow run): ${String(err)}`);
      saveFailed = true;
    }
  };

  return {
    onTrackingEvent: tracking.onTrackingEvent,
    checkpoint: save,
    finish: async (end) => {
      const report = await tracking.finish(end);
      save();
      const lines = deliveryMessages(report).map((m) => redact(`tracking: ${m.text}`));
      const undelivered = report.backends.flatMap((b) => b.undelivered);
      if (undelivered.length) {
        const file = path.join(runDir, TRACKING_FILES.undelivered);
        appendFileSync(file, undelivered.map((u) => redact(JSON.stringify(u))).join('\n') + '\n');
        lines.push(
          `tracking: what was not delivered is kept in ${path.join(options.shownDir, TRACKING_FILES.undelivered)}`,
        );
      }
      return { report, lines };
    },
  };
}
