// "Test connection" for experiment tracking: the calls a run makes first, from the same origin (the engine
// worker's is the page's), with a short timeout and no retries: the experiment by name and, when attaching,
// the run. A network error is told apart from CORS with an opaque request: a server that answered it but
// refused the real one does not allow this page's origin, and the message says what to start MLflow with.
// The credentials are never echoed (every message is redacted).
import { errorMessage } from '../engine/index.ts';
import { redactor } from '../run/redact.ts';
import type { MlflowTrackingConfig } from '../run/trackingConfig.ts';
import { DeliveryError } from '../tracking/deliveryQueue.ts';
import { MlflowHttpError, MlflowRest } from '../tracking/mlflow/mlflowRest.ts';
import type { MlflowExperiment, MlflowRun } from '../tracking/mlflow/restTypes.ts';
import type { MlflowCredentials, TrackingTestResult } from './protocol.ts';
import { answersWithoutCors, corsAdvice, corsCommand, mlflowAuthOf, pageOrigin } from './studioTracking.ts';
import { trackingSecrets } from './studioTracking.ts';

export const TRACKING_TEST_TIMEOUT_MS = 10_000;

export interface TrackingTestDeps {
  fetch?: typeof fetch;
  origin?: string;
  timeoutMs?: number;
}

export async function testTracking(
  target: MlflowTrackingConfig,
  credentials?: MlflowCredentials,
  deps: TrackingTestDeps = {},
): Promise<TrackingTestResult> {
  if (!/^https?:\/\/[^/]/.test(target.trackingUri ?? ''))
    return {
      ok: false,
      message: 'The tracking URI must be the http(s) URL of an MLflow server, e.g. http://localhost:5000',
    };
  if (!target.experimentName?.trim()) return { ok: false, message: 'Name the experiment the run logs to.' };
  const redact = redactor(trackingSecrets(credentials ? { mlflow: credentials } : undefined));
  const fetchFn = deps.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  const rest = new MlflowRest({
    trackingUri: target.trackingUri,
    auth: mlflowAuthOf(credentials),
    fetch: fetchFn,
    redact,
    requestTimeoutMs: deps.timeoutMs ?? TRACKING_TEST_TIMEOUT_MS,
  });
  const started = performance.now();
  let experiment: string;
  try {
    const found = await rest.call<{ experiment: MlflowExperiment }>('GET', 'experiments/get-by-name', {
      experiment_name: target.experimentName,
    });
    experiment = `experiment "${target.experimentName}" exists (id ${found.experiment.experiment_id})`;
  } catch (err) {
    if (err instanceof MlflowHttpError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')
      experiment = `experiment "${target.experimentName}" does not exist yet: the run creates it`;
    else return failure(err, rest.base, fetchFn, deps.origin ?? pageOrigin(), redact);
  }
  const latencyMs = Math.round(performance.now() - started);
  let attach = '';
  if (target.runId) {
    try {
      const { run } = await rest.call<{ run: MlflowRun }>('GET', 'runs/get', { run_id: target.runId });
      attach = `; the run attaches to run ${target.runId} (${run.info.status ?? 'status unknown'})`;
    } catch (err) {
      if (err instanceof MlflowHttpError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')
        return { ok: false, message: `The server has no run ${target.runId} to attach to.`, latencyMs };
      return failure(err, rest.base, fetchFn, deps.origin ?? pageOrigin(), redact);
    }
  }
  return {
    ok: true,
    message: `${rest.base} answered in ${latencyMs} ms; ${experiment}${attach}.`,
    latencyMs,
  };
}

async function failure(
  err: unknown,
  base: string,
  fetchFn: typeof fetch,
  origin: string,
  redact: (text: string) => string,
): Promise<TrackingTestResult> {
  // an HTTP answer was read, so CORS let it through: the server said no
  if (err instanceof MlflowHttpError || !(err instanceof DeliveryError))
    return { ok: false, message: redact(errorMessage(err)) };
  if (await answersWithoutCors(`${base}/api/2.0/mlflow/experiments/get-by-name?experiment_name=x`, fetchFn))
    return { ok: false, cors: true, message: corsAdvice(base, origin), command: corsCommand(origin) };
  return {
    ok: false,
    message: redact(`${errorMessage(err)}. Is the server running at that address, and reachable from this browser?`),
  };
}
