// The request shapes the local MLflow-compatible server accepts, field by field, from the MLflow REST API
// reference (rest-api.rst in mlflow/mlflow): a body with an unknown field, a missing required field or a
// field of the wrong type is refused with MLflow's 400 INVALID_PARAMETER_VALUE, so a client that drifts
// from the documented API fails here rather than against a real server.

type Check = (v: unknown) => boolean;
const str: Check = (v) => typeof v === 'string';
/** int64 fields: MLflow's JSON accepts a number or a numeric string */
const int64: Check = (v) =>
  (typeof v === 'number' && Number.isInteger(v)) || (typeof v === 'string' && /^-?\d+$/.test(v));
const double: Check = (v) => typeof v === 'number' && Number.isFinite(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

interface Field {
  check: Check;
  required?: boolean;
  /** for arrays of objects */
  items?: Shape;
}
type Shape = Record<string, Field>;

const KEY_VALUE: Shape = { key: { check: str, required: true }, value: { check: str, required: true } };
const METRIC: Shape = {
  key: { check: str, required: true },
  value: { check: double, required: true },
  timestamp: { check: int64, required: true },
  step: { check: int64 },
  model_id: { check: str },
  dataset_name: { check: str },
  dataset_digest: { check: str },
  run_id: { check: str },
};
const array = (items: Shape): Field => ({ check: Array.isArray, items });

export const REQUESTS: Record<string, Shape> = {
  'GET experiments/get-by-name': { experiment_name: { check: str, required: true } },
  'POST experiments/create': {
    name: { check: str, required: true },
    artifact_location: { check: str },
    tags: array(KEY_VALUE),
  },
  'POST runs/create': {
    experiment_id: { check: str, required: true },
    user_id: { check: str },
    run_name: { check: str },
    start_time: { check: int64 },
    tags: array(KEY_VALUE),
  },
  'GET runs/get': { run_id: { check: str, required: true } },
  'POST runs/log-batch': {
    run_id: { check: str, required: true },
    metrics: array(METRIC),
    params: array(KEY_VALUE),
    tags: array(KEY_VALUE),
  },
  'POST runs/update': {
    run_id: { check: str, required: true },
    run_uuid: { check: str },
    status: { check: (v) => ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'].includes(v as string) },
    end_time: { check: int64 },
    run_name: { check: str },
  },
};

/** The first problem with a body, as MLflow words it, or null when it is well-formed. */
export function shapeProblem(body: unknown, shape: Shape, at = ''): string | null {
  if (!isObject(body)) return `${at || 'the request body'} must be a JSON object`;
  for (const key of Object.keys(body)) {
    if (!(key in shape)) return `Invalid value for parameter '${at}${key}': unknown field`;
  }
  for (const [key, field] of Object.entries(shape)) {
    const v = body[key];
    if (v === undefined) {
      if (field.required) return `Missing value for required parameter '${at}${key}'.`;
      continue;
    }
    if (!field.check(v)) return `Invalid value ${JSON.stringify(v)} for parameter '${at}${key}' supplied.`;
    if (field.items) {
      for (const [i, item] of (v as unknown[]).entries()) {
        const problem = shapeProblem(item, field.items, `${at}${key}[${i}].`);
        if (problem) return problem;
      }
    }
  }
  return null;
}
