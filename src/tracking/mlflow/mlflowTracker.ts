// The MLflow tracker: the Tracker interface over MLflow's REST API, through the delivery queue. It finds or
// creates the experiment by name and creates the run (or, given a run id, attaches to it and never creates
// or ends it), logs params, metrics and summary values with runs/log-batch (within its limits), keeps each
// table as a JSON artifact in the `mlflow.log_table` format ({"columns": [...], "data": [[...]]}) listed in
// the run's `mlflow.loggedArtifacts` tag so the MLflow UI shows it, uploads the candidate tree as an HTML
// artifact, and ends a run it created with FINISHED, FAILED or KILLED.
// Tables and HTML are uploaded whole, from the latest content at send time: an artifact waiting in the queue
// is not queued twice, so a slow server gets fewer, larger uploads rather than a growing backlog.
import { DeliveryError, DeliveryQueue, realQueueDeps } from '../deliveryQueue.ts';
import type { QueueDeps, QueueTiming } from '../deliveryQueue.ts';
import type { DeliveryReport, FinishStatus, TableCell, Tracker, TrackerStart } from '../tracker.ts';
import { MlflowHttpError, MlflowRest } from './mlflowRest.ts';
import type { MlflowAuth } from './mlflowRest.ts';
import { LOG_BATCH_LIMITS, LOGGED_ARTIFACTS_TAG, VALUE_LIMITS } from './restTypes.ts';
import type { MlflowExperiment, MlflowMetric, MlflowParam, MlflowRun, MlflowRunInfo, MlflowTag } from './restTypes.ts';

/** The run config's `tracking.mlflow` (src/run/trackingConfig.ts), as the tracker needs it. */
export interface MlflowTarget {
  trackingUri: string;
  experimentName: string;
  runName?: string;
  /** attach: log into this run, never create or end it */
  runId?: string;
  tags?: Record<string, string>;
}

export interface MlflowTrackerOptions {
  target: MlflowTarget;
  auth?: MlflowAuth;
  fetch?: typeof fetch;
  /** removes secrets from every text the tracker reports */
  redact?: (text: string) => string;
  /** a run this tracker created in an earlier session (a resumed CLI run): continued and ended, not created */
  continueRunId?: string;
  /** the tables that session logged (tables()), so the continued run's tables keep their earlier rows */
  tables?: MlflowTables;
  timing?: Partial<QueueTiming>;
  deps?: QueueDeps;
  requestTimeoutMs?: number;
  /** told of delivery problems as they happen (the run's log, as warnings) */
  onProblem?: (message: string) => void;
}

/** What resend() did: the items (by index) still undelivered, with why. */
export interface MlflowResendOutcome {
  undelivered: Map<number, string>;
  runId: string | null;
  /** each distinct delivery problem, in order */
  problems: string[];
  /** what was deliberately not sent (an end for a run that had already ended) */
  notes: string[];
}

/** Table artifacts by path, as `mlflow.log_table` stores them. */
export type MlflowTables = Record<string, { columns: string[]; rows: TableCell[][] }>;

export type MlflowItem =
  | { kind: 'start' }
  | { kind: 'log-batch'; metrics: MlflowMetric[]; params: MlflowParam[]; tags: MlflowTag[] }
  | { kind: 'artifact'; path: string; content?: string }
  | { kind: 'tables-tag' }
  | { kind: 'end'; status: FinishStatus };

const TRUNCATED = ' …[truncated]';
const clip = (text: string, max: number) =>
  text.length <= max ? text : text.slice(0, max - TRUNCATED.length) + TRUNCATED;

interface Artifact {
  contentType: string;
  render(): string;
}

export class MlflowTracker implements Tracker {
  readonly backend = 'mlflow';
  private readonly rest: MlflowRest;
  private readonly queue: DeliveryQueue<MlflowItem>;
  private readonly deps: QueueDeps;
  private readonly target: MlflowTarget;
  private readonly attached: boolean;
  private run: MlflowRunInfo | null = null;
  private started = false;
  private lastStep = 0;
  private readonly tableData = new Map<string, { columns: string[]; rows: TableCell[][] }>();
  private readonly artifacts = new Map<string, Artifact>();
  private readonly queuedArtifacts = new Set<string>();
  /** the run's own `mlflow.loggedArtifacts` entries when attaching (kept, ours are added) */
  private loggedBefore: { path: string; type: string }[] = [];
  private tablesTagQueued = false;
  /** resend(): an `end` for a run that has already ended is not sent again (a later session ended it) */
  private resending = false;
  private readonly resendNotes: string[] = [];

  constructor(private readonly options: MlflowTrackerOptions) {
    this.target = options.target;
    this.attached = options.target.runId !== undefined;
    this.deps = options.deps ?? realQueueDeps;
    this.rest = new MlflowRest({
      trackingUri: options.target.trackingUri,
      auth: options.auth ?? { kind: 'none' },
      ...(options.fetch ? { fetch: options.fetch } : {}),
      ...(options.redact ? { redact: options.redact } : {}),
      ...(options.requestTimeoutMs !== undefined ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
    });
    for (const [path, table] of Object.entries(options.tables ?? {})) this.addTable(path, table.columns, table.rows);
    this.queue = new DeliveryQueue<MlflowItem>(
      { send: (items, signal) => this.send(items, signal) },
      options.timing,
      this.deps,
      options.onProblem,
    );
  }

  /** The MLflow run id once the run was created or found (a resumed CLI run keeps it). */
  get runId(): string | null {
    return this.run?.run_id ?? null;
  }

  start(run: TrackerStart): void {
    if (this.started) return;
    this.started = true;
    this.queue.push({ kind: 'start' });
    const params = Object.entries(run.params).map(([key, value]) => ({ key, value: clip(value, VALUE_LIMITS.param) }));
    for (let i = 0; i < params.length; i += LOG_BATCH_LIMITS.params)
      this.queue.push({
        kind: 'log-batch',
        metrics: [],
        params: params.slice(i, i + LOG_BATCH_LIMITS.params),
        tags: [],
      });
    // a run it creates gets the tags with runs/create; a run it attaches to gets them here
    const tags = Object.entries(this.target.tags ?? {}).map(([key, value]) => ({ key, value }));
    if (this.attached && tags.length) this.queue.push({ kind: 'log-batch', metrics: [], params: [], tags });
  }

  metrics(step: number, values: Record<string, number>): void {
    this.lastStep = step;
    const timestamp = this.deps.clock();
    const metrics = Object.entries(values)
      // JSON has no NaN or Infinity: MLflow would reject the whole batch
      .filter(([, value]) => Number.isFinite(value))
      .map(([key, value]) => ({ key, value, timestamp, step }));
    if (metrics.length) this.queue.push({ kind: 'log-batch', metrics, params: [], tags: [] });
  }

  /** The tables so far (plain data), for a later session to continue them. */
  tables(): MlflowTables {
    return Object.fromEntries(this.tableData.entries());
  }

  private addTable(path: string, columns: readonly string[], rows: readonly TableCell[][]) {
    const table = { columns: [...columns], rows: rows.map((r) => [...r]) };
    this.tableData.set(path, table);
    this.artifacts.set(path, {
      contentType: 'application/json',
      render: () => JSON.stringify({ columns: table.columns, data: table.rows }),
    });
    return table;
  }

  table(name: string, columns: readonly string[], rows: readonly TableCell[][]): void {
    const path = `${name}.json`;
    const table = this.tableData.get(path) ?? this.addTable(path, columns, []);
    table.rows.push(...rows.map((r) => [...r]));
    this.queueArtifact(path);
    if (!this.tablesTagQueued) {
      this.tablesTagQueued = true;
      this.queue.push({ kind: 'tables-tag' });
    }
  }

  html(name: string, render: () => string): void {
    const path = `${name}.html`;
    this.artifacts.set(path, { contentType: 'text/html; charset=utf-8', render });
    this.queueArtifact(path);
  }

  summary(values: Record<string, string | number>): void {
    const timestamp = this.deps.clock();
    const metrics: MlflowMetric[] = [];
    const tags: MlflowTag[] = [];
    for (const [key, value] of Object.entries(values)) {
      if (typeof value === 'number') {
        if (Number.isFinite(value)) metrics.push({ key, value, timestamp, step: this.lastStep });
      } else {
        // text (the seed and best prompts) as tags, which later writes may replace (params may not)
        tags.push({ key, value: clip(value, VALUE_LIMITS.tag) });
      }
    }
    if (metrics.length) this.queue.push({ kind: 'log-batch', metrics, params: [], tags: [] });
    for (let i = 0; i < tags.length; i += LOG_BATCH_LIMITS.tags)
      this.queue.push({ kind: 'log-batch', metrics: [], params: [], tags: tags.slice(i, i + LOG_BATCH_LIMITS.tags) });
  }

  async finish(status: FinishStatus): Promise<DeliveryReport> {
    if (this.started && !this.attached) this.queue.push({ kind: 'end', status });
    const outcome = await this.queue.finish();
    return {
      backends: [
        {
          backend: this.backend,
          target: `${this.rest.base} (experiment "${this.target.experimentName}")`,
          runId: this.runId,
          delivered: outcome.delivered,
          undelivered: outcome.undelivered.map(({ item, error }) => ({
            backend: this.backend,
            item: this.resendable(item),
            error,
          })),
          problems: outcome.problems,
        },
      ],
    };
  }

  /**
   * Sends again what an earlier session could not deliver (the MLflow items of tracking-undelivered.jsonl), in
   * their order, through the same queue, batching and limits as a live run, into the run they belong to: a
   * `start` among them creates the run (or finds the attached one, or `continueRunId`) as it would have;
   * without one, the run is the attached one or `continueRunId`. Artifacts carry their whole content: of
   * several uploads of one path only the last is sent, and the earlier ones share its fate; likewise only the
   * last `end` is sent, and not at all when the run has already ended (a later session ended it). Use a
   * tracker for one resend and nothing else. Resolves with why each item that is still undelivered failed
   * (by index), the run id, and notes for the user.
   */
  async resend(items: readonly MlflowItem[]): Promise<MlflowResendOutcome> {
    this.started = true;
    this.resending = true;
    const representative = new Map<number, MlflowItem>();
    const lastArtifact = new Map<string, number>();
    let lastEnd = -1;
    items.forEach((item, i) => {
      if (item.kind === 'artifact') lastArtifact.set(item.path, i);
      if (item.kind === 'end') lastEnd = i;
    });
    const synthetic: MlflowItem | null = items.some((i) => i.kind === 'start') ? null : { kind: 'start' };
    if (synthetic) this.queue.push(synthetic);
    items.forEach((item, i) => {
      if (item.kind === 'artifact') {
        const last = lastArtifact.get(item.path) as number;
        representative.set(i, items[last] as MlflowItem);
        if (last !== i) return;
        const content = item.content ?? '';
        this.artifacts.set(item.path, {
          contentType: item.path.endsWith('.html') ? 'text/html; charset=utf-8' : 'application/json',
          render: () => content,
        });
      } else if (item.kind === 'end') {
        representative.set(i, items[lastEnd] as MlflowItem);
        if (i !== lastEnd) return;
      }
      this.queue.push(item);
    });
    const outcome = await this.queue.finish();
    const failed = new Map(outcome.undelivered.map(({ item, error }) => [item, error]));
    const undelivered = new Map<number, string>();
    items.forEach((item, i) => {
      const error = failed.get(representative.get(i) ?? item);
      if (error !== undefined) undelivered.set(i, error);
    });
    return { undelivered, runId: this.runId, problems: outcome.problems, notes: [...this.resendNotes] };
  }

  /** An undelivered item as JSON that can be sent again: artifacts carry their latest content. */
  private resendable(item: MlflowItem): MlflowItem | Record<string, unknown> {
    if (item.kind === 'artifact') return { ...item, content: this.artifacts.get(item.path)?.render() ?? '' };
    if (item.kind === 'tables-tag') return { kind: 'log-batch', tags: [this.tablesTag()], metrics: [], params: [] };
    return item;
  }

  private queueArtifact(path: string): void {
    if (this.queuedArtifacts.has(path)) return;
    this.queuedArtifacts.add(path);
    this.queue.push({ kind: 'artifact', path });
  }

  private tablesTag(): MlflowTag {
    const ours = [...this.tableData.keys()].map((path) => ({ path, type: 'table' }));
    const kept = this.loggedBefore.filter((e) => !ours.some((o) => o.path === e.path));
    return { key: LOGGED_ARTIFACTS_TAG, value: JSON.stringify([...kept, ...ours]) };
  }

  private async send(items: readonly MlflowItem[], signal: AbortSignal): Promise<number> {
    const head = items[0] as MlflowItem;
    if (head.kind === 'start') {
      await this.ensureRun(signal);
      return 1;
    }
    const run = this.run;
    if (!run) throw new DeliveryError('the MLflow tracker was given data before start()', 'fatal');
    switch (head.kind) {
      case 'log-batch':
        return this.logBatch(run, items, signal);
      case 'tables-tag':
        await this.rest.call('POST', 'runs/log-batch', { run_id: run.run_id, tags: [this.tablesTag()] }, signal);
        return 1;
      case 'artifact': {
        const artifact = this.artifacts.get(head.path) as Artifact;
        // from here on, a newer version queues a new upload: this one sends what there is now
        this.queuedArtifacts.delete(head.path);
        await this.rest.upload(`${artifactRoot(run)}/${head.path}`, artifact.render(), artifact.contentType, signal);
        return 1;
      }
      case 'end':
        if (this.resending && run.status !== 'RUNNING') {
          this.resendNotes.push(
            `the MLflow run ${run.run_id} has already ended (${run.status}): ` +
              `its end (${head.status}) was not sent again`,
          );
          return 1;
        }
        await this.rest.call(
          'POST',
          'runs/update',
          { run_id: run.run_id, status: head.status, end_time: this.deps.clock() },
          signal,
        );
        return 1;
    }
  }

  /** Consecutive log-batch items merged into one request, within MLflow's per-request limits. */
  private async logBatch(run: MlflowRunInfo, items: readonly MlflowItem[], signal: AbortSignal): Promise<number> {
    const metrics: MlflowMetric[] = [];
    const params: MlflowParam[] = [];
    const tags: MlflowTag[] = [];
    let taken = 0;
    for (const item of items) {
      if (item.kind !== 'log-batch') break;
      const m = metrics.length + item.metrics.length;
      const p = params.length + item.params.length;
      const t = tags.length + item.tags.length;
      const fits =
        m <= LOG_BATCH_LIMITS.metrics &&
        p <= LOG_BATCH_LIMITS.params &&
        t <= LOG_BATCH_LIMITS.tags &&
        m + p + t <= LOG_BATCH_LIMITS.total;
      if (!fits && taken > 0) break;
      metrics.push(...item.metrics);
      params.push(...item.params);
      tags.push(...item.tags);
      taken++;
    }
    const body: Record<string, unknown> = { run_id: run.run_id };
    if (metrics.length) body.metrics = metrics;
    if (params.length) body.params = params;
    if (tags.length) body.tags = tags;
    try {
      await this.rest.call('POST', 'runs/log-batch', body, signal);
    } catch (err) {
      // a rejected merged request sets aside every item that went into it
      if (err instanceof MlflowHttpError && err.kind === 'item')
        throw new MlflowHttpError(err.message, 'item', err.status, err.errorCode, undefined, taken);
      throw err;
    }
    return taken;
  }

  /** Finds the run to log into: the one named (attach), the one from an earlier session, or a new one. */
  private async ensureRun(signal: AbortSignal): Promise<void> {
    try {
      const existing = this.target.runId ?? this.options.continueRunId;
      if (existing !== undefined) {
        const { run } = await this.rest.call<{ run: MlflowRun }>('GET', 'runs/get', { run_id: existing }, signal);
        const logged = run.data.tags?.find((t) => t.key === LOGGED_ARTIFACTS_TAG)?.value;
        this.loggedBefore = logged ? parseLogged(logged) : [];
        this.run = run.info;
        return;
      }
      const experimentId = await this.experimentId(signal);
      const tags = Object.entries(this.target.tags ?? {}).map(([key, value]) => ({ key, value }));
      const { run } = await this.rest.call<{ run: MlflowRun }>(
        'POST',
        'runs/create',
        {
          experiment_id: experimentId,
          start_time: this.deps.clock(),
          ...(this.target.runName ? { run_name: this.target.runName } : {}),
          ...(tags.length ? { tags } : {}),
        },
        signal,
      );
      this.run = run.info;
    } catch (err) {
      // without a run nothing can be logged: a refused start is the end of this tracker, kept for a resend
      if (err instanceof MlflowHttpError && err.kind === 'item')
        throw new MlflowHttpError(`no MLflow run to log into: ${err.message}`, 'fatal', err.status, err.errorCode);
      throw err;
    }
  }

  private async experimentId(signal: AbortSignal): Promise<string> {
    const name = this.target.experimentName;
    const byName = async () =>
      (
        await this.rest.call<{ experiment: MlflowExperiment }>(
          'GET',
          'experiments/get-by-name',
          { experiment_name: name },
          signal,
        )
      ).experiment.experiment_id;
    try {
      return await byName();
    } catch (err) {
      if (!(err instanceof MlflowHttpError && err.errorCode === 'RESOURCE_DOES_NOT_EXIST')) throw err;
    }
    try {
      const created = await this.rest.call<{ experiment_id: string }>('POST', 'experiments/create', { name }, signal);
      return created.experiment_id;
    } catch (err) {
      // created in the meantime by someone else: use theirs
      if (err instanceof MlflowHttpError && err.errorCode === 'RESOURCE_ALREADY_EXISTS') return byName();
      throw err;
    }
  }
}

/**
 * Where the run's artifacts go below the artifact proxy: the path of its `mlflow-artifacts:` artifact URI
 * (`mlflow-artifacts:/<experiment>/<run>/artifacts`), or MLflow's default layout when the URI is another store.
 */
export function artifactRoot(run: MlflowRunInfo): string {
  const match = /^mlflow-artifacts:(?:\/\/[^/]*)?\/*(.*)$/.exec(run.artifact_uri ?? '');
  const path = match?.[1]?.replace(/\/+$/, '');
  return path || `${run.experiment_id}/${run.run_id}/artifacts`;
}

function parseLogged(value: string): { path: string; type: string }[] {
  try {
    const list = JSON.parse(value) as unknown;
    return Array.isArray(list) ? (list as { path: string; type: string }[]) : [];
  } catch {
    return [];
  }
}
