// The one tracker interface: what a run tells an experiment-tracking backend (MLflow, W&B), in the shape of
// the reference's experiment tracker (the seed "Experiment Tracking with WandB and MLflow"). Every logging
// call returns at once: a backend queues what it is given and delivers it in the background, so a slow,
// failing or unreachable server never stops or slows the optimisation. Only `finish` waits, for a bounded
// time, and reports what could not be delivered (kept, never dropped silently).
// Types here are shared by the studio and the CLI (and cross the worker boundary as plain data).

/** How the run ended, in MLflow's words (W&B maps them to its exit codes). */
export type FinishStatus = 'FINISHED' | 'FAILED' | 'KILLED';

/** A table cell: tables are JSON, so a cell is a JSON scalar (lists are given as text, as the reference does). */
export type TableCell = string | number | boolean | null;

export interface TrackerStart {
  /** the run config flattened to `a.b.c` keys, without secrets or dataset rows; logged once */
  params: Record<string, string>;
}

/**
 * What a tracker delivers. Keys and names are final here: a key prefix, when configured, has been applied
 * by the fan-out (fanOut.ts) before a backend sees them.
 */
export interface Tracker {
  /** the backend's name, in reports ('mlflow', 'wandb') */
  readonly backend: string;
  /** creates the run or attaches to the one named in the config; logs the params once */
  start(run: TrackerStart): void;
  /** scalars of one step (the GEPA iteration) */
  metrics(step: number, values: Record<string, number>): void;
  /** appends rows to the named table (columns are given with every call; the first call's are kept) */
  table(name: string, columns: readonly string[], rows: readonly TableCell[][]): void;
  /**
   * Replaces the named HTML artifact (the candidate tree). The page is rendered when the backend sends it, not
   * at the call: a tree that grows faster than it can be uploaded is rendered once per upload, off the run's path.
   */
  html(name: string, render: () => string): void;
  /** the run summary (best candidate, totals, seed and best texts) */
  summary(values: Record<string, string | number>): void;
  /**
   * Ends the run with this status (a run the tracker attached to is left open), waits for the queue to drain
   * within the tracker's bounded finish time, and reports what was delivered and what was not.
   */
  finish(status: FinishStatus): Promise<DeliveryReport>;
}

/** One thing a backend could not deliver, as plain JSON that is enough to send it again. */
export interface UndeliveredItem {
  backend: string;
  /** the backend's own request, e.g. { kind: 'log-batch', metrics: [...] } or { kind: 'artifact', path, content } */
  item: unknown;
  /** why (redacted: never a token) */
  error: string;
}

export interface BackendDelivery {
  backend: string;
  /** where it logged (the tracking URI, the W&B project), for messages */
  target: string;
  /** the backend's run id once known (null when the run could not be created) */
  runId: string | null;
  /** requests that were delivered */
  delivered: number;
  undelivered: UndeliveredItem[];
  /** what went wrong along the way, once per kind of failure (redacted) */
  problems: string[];
  /** what this backend cannot log at all (W&B's SDK: tables, HTML), named once each; not counted as undelivered */
  notLogged?: string[];
}

export interface DeliveryReport {
  /** one entry per backend */
  backends: BackendDelivery[];
}

/** Nothing was lost: every backend delivered everything. */
export const deliveredAll = (report: DeliveryReport): boolean => report.backends.every((b) => !b.undelivered.length);
