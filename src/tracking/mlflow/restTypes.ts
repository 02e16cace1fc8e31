// MLflow's REST API 2.0 shapes, as far as the client uses them (and the local test server checks them):
// the request bodies it sends and the fields of the responses it reads. Field names and types follow the
// MLflow REST API reference (docs/api_reference/source/rest-api.rst in mlflow/mlflow, MLflow 2.x/3.x).
export interface MlflowMetric {
  key: string;
  value: number;
  /** Unix time in ms */
  timestamp: number;
  step: number;
}

export interface MlflowParam {
  key: string;
  value: string;
}

export interface MlflowTag {
  key: string;
  value: string;
}

export type MlflowRunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

export interface MlflowExperiment {
  experiment_id: string;
  name: string;
  artifact_location?: string;
  lifecycle_stage?: string;
  last_update_time?: number;
  creation_time?: number;
  tags?: MlflowTag[];
}

export interface MlflowRunInfo {
  run_id: string;
  run_uuid?: string;
  run_name?: string;
  experiment_id: string;
  user_id?: string;
  status: MlflowRunStatus;
  start_time: number;
  end_time?: number;
  artifact_uri: string;
  lifecycle_stage: string;
}

export interface MlflowRun {
  info: MlflowRunInfo;
  data: { metrics?: MlflowMetric[]; params?: MlflowParam[]; tags?: MlflowTag[] };
  inputs?: unknown;
}

/** Request bodies, by endpoint (paths below /api/2.0/mlflow/). */
export interface CreateExperimentRequest {
  name: string;
  artifact_location?: string;
  tags?: MlflowTag[];
}
export interface CreateRunRequest {
  experiment_id: string;
  run_name?: string;
  start_time?: number;
  tags?: MlflowTag[];
}
export interface LogBatchRequest {
  run_id: string;
  metrics?: MlflowMetric[];
  params?: MlflowParam[];
  tags?: MlflowTag[];
}
export interface UpdateRunRequest {
  run_id: string;
  status?: MlflowRunStatus;
  end_time?: number;
  run_name?: string;
}

/** An error answer: `{ "error_code": "RESOURCE_DOES_NOT_EXIST", "message": "…" }`. */
export interface MlflowErrorBody {
  error_code: string;
  message: string;
}

/** runs/log-batch request limits (MLflow REST API reference, "Log Batch"). */
export const LOG_BATCH_LIMITS = { metrics: 1000, params: 100, tags: 100, total: 1000 } as const;

/** Value lengths every MLflow backend store accepts (params: 6000 bytes since MLflow 2.x; tags: 5000). */
export const VALUE_LIMITS = { key: 250, param: 6000, tag: 5000 } as const;

/** The run tag `mlflow.log_table` keeps its tables in, so the MLflow UI lists them: [{ path, type: 'table' }]. */
export const LOGGED_ARTIFACTS_TAG = 'mlflow.loggedArtifacts';
