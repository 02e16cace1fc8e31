// Experiment tracking for a run the studio drives: the MLflow tracker its config asks for, with the
// credentials typed into the setup (memory only), feeding on the run driver's tracking stream, with the HTML
// report's interactive lineage page as the candidate-tree artifact. The server is called from this page's
// origin, so a server that does not allow it (CORS) looks like an unreachable one to fetch: the first
// "cannot reach" is checked with an opaque request, and when the server did answer, the run's log says what
// to start MLflow with. At the end the delivery report becomes the run's log lines and a 'tracking' event
// that keeps, with the run, whatever could not be delivered.
import type { RunSecrets } from '../run/buildRun.ts';
import type { RunEnd } from '../run/runDriver.ts';
import type { RunConfig } from '../run/runConfig.ts';
import type { LogLevel, TrackingDelivery } from '../run/runEvent.ts';
import { candidateTreeHtml } from '../report/candidateTreeHtml.ts';
import type { QueueTiming } from '../tracking/deliveryQueue.ts';
import type { MlflowAuth } from '../tracking/mlflow/mlflowRest.ts';
import { MlflowTracker } from '../tracking/mlflow/mlflowTracker.ts';
import { deliveryMessages, startRunTracking } from '../tracking/runTracking.ts';
import type { RunTracking } from '../tracking/runTracking.ts';
import type { MlflowCredentials, TrackingCredentials } from './protocol.ts';

export function mlflowAuthOf(credentials: MlflowCredentials | undefined): MlflowAuth {
  if (!credentials) return { kind: 'none' };
  if ('token' in credentials)
    return credentials.token ? { kind: 'bearer', token: credentials.token } : { kind: 'none' };
  return { kind: 'basic', username: credentials.username, password: credentials.password };
}

/** The tracking credentials as secrets to redact from everything the run reports. */
export function trackingSecrets(credentials: TrackingCredentials | undefined): RunSecrets {
  const c = credentials?.mlflow;
  if (!c) return {};
  return 'token' in c ? { trackingToken: c.token } : { trackingPassword: c.password };
}

/** This page's origin as a server must allow it ("null" outside a browser). */
export const pageOrigin = (): string => globalThis.location?.origin ?? 'null';

/** The command that lets this page call an MLflow server (MLflow 3.5+; the flag takes a comma-separated list). */
export const corsCommand = (origin: string): string => `mlflow server --cors-allowed-origins ${origin}`;

/** What to start the MLflow server with so this page may call it. */
export function corsAdvice(base: string, origin: string): string {
  return (
    `The MLflow server at ${base} answered, but it does not allow this page's origin (${origin}) to read its ` +
    `answers (CORS). Start MLflow 3.5 or newer with "${corsCommand(origin)}" (or set ` +
    `MLFLOW_SERVER_CORS_ALLOWED_ORIGINS=${origin}); an older MLflow sends no CORS headers at all: put a proxy ` +
    `in front of it that adds them for ${origin}.`
  );
}

/**
 * Did the server answer at all? An opaque (no-cors) request succeeds when it answered, whatever its CORS
 * headers say; it fails only when the server cannot be reached.
 */
export async function answersWithoutCors(url: string, fetchFn: typeof fetch = globalThis.fetch): Promise<boolean> {
  try {
    await fetchFn(url, { mode: 'no-cors', signal: AbortSignal.timeout(10_000) });
    return true;
  } catch {
    return false;
  }
}

export interface StudioTrackingOptions {
  config: RunConfig;
  credentials?: TrackingCredentials;
  redact: (text: string) => string;
  /** a line for the run's log (already redacted) */
  log: (level: LogLevel, message: string) => void;
  fetch?: typeof fetch;
  timing?: Partial<QueueTiming>;
  origin?: string;
}

export interface StudioTracking {
  onTrackingEvent: RunTracking['onTrackingEvent'];
  /** ends the MLflow run with the run's end, waits (bounded), logs what happened; the 'tracking' event's data */
  finish(end: RunEnd): Promise<TrackingDelivery[]>;
}

/** Tracking for a studio run, or null when its config asks for none the studio implements. */
export function startStudioTracking(options: StudioTrackingOptions): StudioTracking | null {
  const { config, redact, log } = options;
  const target = config.tracking?.mlflow;
  if (!target) return null;
  if (config.tracking?.wandb) log('warning', 'W&B tracking is not available in the studio yet; W&B gets nothing.');
  const fetchFn = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const base = target.trackingUri.replace(/\/+$/, '');
  let probe: Promise<void> | null = null;
  const onProblem = (message: string) => {
    log('warning', redact(`MLflow tracking: ${message}`));
    if (probe || !message.startsWith('cannot reach')) return;
    probe = answersWithoutCors(`${base}/api/2.0/mlflow/experiments/get-by-name?experiment_name=x`, fetchFn).then(
      (answered) => {
        if (answered) log('warning', redact(`MLflow tracking: ${corsAdvice(base, options.origin ?? pageOrigin())}`));
      },
    );
  };
  const mlflow = new MlflowTracker({
    target,
    auth: mlflowAuthOf(options.credentials?.mlflow),
    redact,
    onProblem,
    fetch: fetchFn,
    ...(options.timing ? { timing: options.timing } : {}),
  });
  log('info', `Logging this run to MLflow at ${base} (experiment "${target.experimentName}")`);
  const tracking = startRunTracking(config, [mlflow], (tree) => candidateTreeHtml({ ...tree, title: config.name }));
  return {
    onTrackingEvent: tracking.onTrackingEvent,
    finish: async (end) => {
      const report = await tracking.finish(end);
      await probe;
      for (const m of deliveryMessages(report)) log(m.level, redact(`Tracking: ${m.text}`));
      const backends = report.backends.map((b): TrackingDelivery => ({
        backend: b.backend,
        target: b.target,
        runId: b.runId,
        delivered: b.delivered,
        problems: b.problems.map(redact),
        // redacted as text, as the CLI writes them: an item never carries a credential
        undelivered: b.undelivered.map((u) => JSON.parse(redact(JSON.stringify({ item: u.item, error: u.error })))),
      }));
      const lost = backends.reduce((n, b) => n + b.undelivered.length, 0);
      if (lost)
        log(
          'warning',
          `Tracking: the ${lost} item(s) not delivered are kept with this run; "Download undelivered" in the run ` +
            'view saves them as JSON lines, enough to send them again',
        );
      return backends;
    },
  };
}
