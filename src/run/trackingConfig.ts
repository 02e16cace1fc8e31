// The run config's `tracking` part: where a run's experiment tracking goes (MLflow, W&B) and the key prefix
// for every key it logs. Secrets are never part of it: the CLI reads tokens from the environment, the
// studio asks for them. Validation names the offending field, and refuses unknown fields (a misspelt
// `trackingUrl` would otherwise silently log nowhere) and anything that looks like a secret.

export interface MlflowTrackingConfig {
  /** the tracking server, e.g. http://localhost:5000 */
  trackingUri: string;
  experimentName: string;
  runName?: string;
  /** attach: log into this existing run, never create or end it */
  runId?: string;
  tags?: Record<string, string>;
}

export interface WandbTrackingConfig {
  project: string;
  entity?: string;
  name?: string;
  tags?: string[];
  notes?: string;
  config?: Record<string, unknown>;
  /** attach: log into this existing run, never create or finish it */
  runId?: string;
}

export interface TrackingConfig {
  /** put before every key: scalars, params, summary keys, table and artifact names (e.g. "gepa/") */
  keyPrefix?: string;
  mlflow?: MlflowTrackingConfig;
  wandb?: WandbTrackingConfig;
}

/** Thrown as the run config's RunConfigError by validateRunConfig (field, message). */
export type FieldError = (field: string, message: string) => Error;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const SECRET = /token|password|secret|api_?key/i;

function checkFields(obj: Record<string, unknown>, field: string, allowed: readonly string[], fail: FieldError): void {
  for (const key of Object.keys(obj)) {
    if (SECRET.test(key))
      throw fail(
        `${field}.${key}`,
        'secrets do not belong in a run config; the CLI reads MLFLOW_TRACKING_TOKEN (or MLFLOW_TRACKING_USERNAME / ' +
          'MLFLOW_TRACKING_PASSWORD) and WANDB_API_KEY from the environment',
      );
    if (!allowed.includes(key)) throw fail(`${field}.${key}`, `unknown field (known: ${allowed.join(', ')})`);
  }
}

function text(obj: Record<string, unknown>, key: string, field: string, fail: FieldError, required: boolean): void {
  const v = obj[key];
  if (v === undefined && !required) return;
  if (typeof v !== 'string' || v.trim() === '') throw fail(`${field}.${key}`, 'must be a non-empty string');
}

function stringRecord(v: unknown, field: string, fail: FieldError): void {
  if (v === undefined) return;
  if (!isObject(v) || !Object.values(v).every((x) => typeof x === 'string'))
    throw fail(field, 'must be an object of string values');
}

function checkMlflow(m: unknown, fail: FieldError): void {
  const field = 'tracking.mlflow';
  if (!isObject(m)) throw fail(field, 'must be an object with trackingUri and experimentName');
  checkFields(m, field, ['trackingUri', 'experimentName', 'runName', 'runId', 'tags'], fail);
  if (typeof m.trackingUri !== 'string' || !/^https?:\/\/[^/]/.test(m.trackingUri))
    throw fail(
      `${field}.trackingUri`,
      'must be the http(s) URL of an MLflow tracking server, e.g. http://localhost:5000',
    );
  if (/^https?:\/\/[^/]*@/.test(m.trackingUri))
    throw fail(`${field}.trackingUri`, 'must not hold a user or password; use MLFLOW_TRACKING_USERNAME / PASSWORD');
  text(m, 'experimentName', field, fail, true);
  text(m, 'runName', field, fail, false);
  text(m, 'runId', field, fail, false);
  stringRecord(m.tags, `${field}.tags`, fail);
}

function checkWandb(w: unknown, fail: FieldError): void {
  const field = 'tracking.wandb';
  if (!isObject(w)) throw fail(field, 'must be an object with project');
  checkFields(w, field, ['project', 'entity', 'name', 'tags', 'notes', 'config', 'runId'], fail);
  text(w, 'project', field, fail, true);
  for (const k of ['entity', 'name', 'runId']) text(w, k, field, fail, false);
  if (w.notes !== undefined && typeof w.notes !== 'string') throw fail(`${field}.notes`, 'must be a string');
  if (w.tags !== undefined && !(Array.isArray(w.tags) && w.tags.every((t) => typeof t === 'string')))
    throw fail(`${field}.tags`, 'must be a list of strings');
  if (w.config !== undefined && !isObject(w.config)) throw fail(`${field}.config`, 'must be an object');
}

/** Checks `tracking` (when present) and returns it typed. */
export function validateTrackingConfig(raw: unknown, fail: FieldError): TrackingConfig | undefined {
  if (raw === undefined) return undefined;
  if (!isObject(raw)) throw fail('tracking', 'must be an object with mlflow and/or wandb');
  checkFields(raw, 'tracking', ['keyPrefix', 'mlflow', 'wandb'], fail);
  if (raw.keyPrefix !== undefined && typeof raw.keyPrefix !== 'string')
    throw fail('tracking.keyPrefix', 'must be a string, e.g. "gepa/"');
  if (raw.mlflow !== undefined) checkMlflow(raw.mlflow, fail);
  if (raw.wandb !== undefined) checkWandb(raw.wandb, fail);
  return raw as TrackingConfig;
}
