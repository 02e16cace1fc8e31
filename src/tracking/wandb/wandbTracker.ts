// The Weights & Biases tracker: the Tracker interface over W&B's own JavaScript SDK (@wandb/sdk 0.5.1), which
// a host runs where it can (the CLI: src/cli/wandbSdkHost.ts, in a worker thread behind a local relay; the
// SDK is Node-only, so the studio offers no W&B). This file is host-free and browser-safe: it decides what
// the SDK is given and keeps account of what the server accepted, from what the host observes.
// What the SDK can do, and so what W&B gets:
// - init: project, entity, name, id, config (the run's params with the user's `config`). The SDK accepts tags
//   and notes but never sends them: the tracker says so rather than sending them another way.
// - history: one row per step. The SDK merges a row logged at a step it has already passed into the next one
//   (and gives it that step), so the tracker gives it each step once, complete: the scalars of a step are
//   collected until a later step starts (or the run ends).
// - summary: the SDK has no summary call; its run summary is the last value of every logged key. The seed's
//   summary keys are therefore logged with the last step's row, so they are in the W&B summary (and, once, in
//   the history at that step).
// - tables and HTML: the SDK has no Table, Html or file upload. They are not logged to W&B (said once, and in
//   the report); they are in the run's export and HTML report.
// - finish: the exit code (FINISHED 0, FAILED 1, KILLED 255). Attach (`runId`): the SDK has no resume; it
//   upserts the run with that id (W&B creates it when it does not exist) and always ends a run when it stops,
//   so the host withholds that one end-of-run request and the tracker never creates a new id. No config or
//   name is sent to an attached run: the SDK sends its config whole, which would replace the run's.
// Delivery: the SDK's calls only buffer; the host retries transient failures and reports what the server
// accepted (the run, history rows by step, summary keys, the end). What it never accepted is reported as
// undelivered at finish, with the reason, as JSON enough to log it again.
import type { BackendDelivery, DeliveryReport, FinishStatus, TableCell, Tracker, TrackerStart } from '../tracker.ts';

/** The run config's `tracking.wandb` (src/run/trackingConfig.ts), as the tracker needs it. */
export interface WandbTarget {
  project: string;
  entity?: string;
  name?: string;
  tags?: string[];
  notes?: string;
  config?: Record<string, unknown>;
  /** attach: log into this run, never create or finish it */
  runId?: string;
}

/** What the SDK's init is given. */
export interface WandbInit {
  project: string;
  entity?: string;
  name?: string;
  id: string;
  /** the run's params with the user's config (not when attached) */
  config?: Record<string, unknown>;
}

export type WandbValue = string | number;

/** What the host tells the tracker, as the server answers the SDK's requests. */
export interface WandbSessionEvents {
  /** the server accepted the run (its entity and project as the server named them) */
  runAccepted(run: { id: string; entity: string; project: string }): void;
  /** history rows the server accepted, by their step */
  rowsAccepted(steps: readonly number[]): void;
  /** summary keys the server accepted */
  summaryAccepted(keys: readonly string[]): void;
  /** the server accepted the end of the run */
  endAccepted(): void;
  /** a delivery problem (redacted), as it happens */
  problem(message: string): void;
}

/** One SDK run, where the host runs the SDK. */
export interface WandbSession {
  /** one history row (the step's scalars, and at the end the summary values) */
  log(step: number, row: Record<string, WandbValue>): void;
  /**
   * Ends the SDK's run with this exit code and resolves once the SDK has sent everything (or `deadlineMs`
   * passed: then it stops the SDK). Attached: the end-of-run request is not sent, the run stays open.
   */
  finish(exitCode: number, deadlineMs: number): Promise<void>;
}

export interface WandbSdkHost {
  /** what this host's SDK is, for messages (e.g. "@wandb/sdk 0.5.1") */
  readonly sdk: string;
  /** where the SDK logs (the server's URL), for messages */
  readonly target: string;
  open(init: WandbInit, attached: boolean, events: WandbSessionEvents): WandbSession;
}

export interface WandbTrackerOptions {
  target: WandbTarget;
  host: WandbSdkHost;
  /** the longest finish() waits for the SDK to deliver (default 30 s) */
  finishTimeoutMs?: number;
  /** a new run's id (default: 8 random base-36 characters, as the SDK makes them) */
  newRunId?: () => string;
  /** told of delivery problems as they happen (the run's log, as warnings) */
  onProblem?: (message: string) => void;
}

export const WANDB_EXIT_CODE: Record<FinishStatus, number> = { FINISHED: 0, FAILED: 1, KILLED: 255 };

/** A run id like the SDK's own: 8 characters of [a-z0-9]. */
export function randomRunId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
}

export type WandbItem =
  | { kind: 'init'; init: WandbInit }
  | { kind: 'history'; step: number; row: Record<string, WandbValue> }
  | { kind: 'summary'; values: Record<string, WandbValue> }
  | { kind: 'finish'; exitCode: number };

export class WandbTracker implements Tracker {
  readonly backend = 'wandb';
  private readonly target: WandbTarget;
  private readonly attached: boolean;
  private readonly runIdValue: string;
  private session: WandbSession | null = null;
  private init: WandbInit | null = null;
  /** steps being collected, each handed to the SDK once a later step is logged (or the run ends) */
  private readonly held = new Map<number, Record<string, WandbValue>>();
  private lastHanded = -1;
  /** values for a step already handed, which the SDK cannot log under their step */
  private readonly late: { step: number; row: Record<string, WandbValue> }[] = [];
  /** rows handed to the SDK and not yet accepted, by step */
  private readonly unaccepted = new Map<number, Record<string, WandbValue>>();
  private readonly summaryValues: Record<string, WandbValue> = {};
  private readonly summaryUnaccepted = new Set<string>();
  private runAccepted: { id: string; entity: string; project: string } | null = null;
  private endAccepted = false;
  private accepted = 0;
  private readonly problems: string[] = [];
  private lastDeliveryProblem: string | null = null;
  private readonly notLogged = new Set<string>();

  constructor(private readonly options: WandbTrackerOptions) {
    this.target = options.target;
    this.attached = options.target.runId !== undefined;
    this.runIdValue = options.target.runId ?? (options.newRunId ?? randomRunId)();
  }

  /** The W&B run id (attached: the one named; otherwise the one this tracker gave its new run). */
  get runId(): string {
    return this.runIdValue;
  }

  private problem(message: string): void {
    if (this.problems.includes(message)) return;
    this.problems.push(message);
    this.options.onProblem?.(message);
  }

  start(run: TrackerStart): void {
    if (this.session) return;
    const t = this.target;
    // attached: the SDK sends its whole config (and a name) with the run, which would replace the run's own
    this.init = {
      project: t.project,
      ...(t.entity ? { entity: t.entity } : {}),
      ...(t.name && !this.attached ? { name: t.name } : {}),
      id: this.runIdValue,
      ...(this.attached ? {} : { config: { ...run.params, ...(t.config ?? {}) } }),
    };
    if (this.attached && (Object.keys(run.params).length || t.config || t.name))
      this.problem(
        `attached to W&B run ${this.runIdValue}: the params, config and name are not sent (${this.options.host.sdk} ` +
          "would replace the run's own config)",
      );
    const unsent = [t.tags?.length ? 'tags' : '', t.notes ? 'notes' : ''].filter(Boolean);
    if (unsent.length)
      this.problem(
        `tracking.wandb ${unsent.join(' and ')} not sent: ${this.options.host.sdk} accepts them in init() but ` +
          'does not send them',
      );
    this.session = this.options.host.open(this.init, this.attached, {
      runAccepted: (r) => (this.runAccepted = r),
      rowsAccepted: (steps) => {
        for (const step of steps) if (this.unaccepted.delete(step)) this.accepted++;
      },
      summaryAccepted: (keys) => {
        for (const key of keys) this.summaryUnaccepted.delete(key);
      },
      endAccepted: () => (this.endAccepted = true),
      problem: (m) => {
        this.lastDeliveryProblem = m;
        this.problem(m);
      },
    });
  }

  metrics(step: number, values: Record<string, number>): void {
    // JSON has no NaN or Infinity (the SDK would send null)
    const finite = Object.entries(values).filter(([, v]) => Number.isFinite(v));
    if (finite.length) this.collect(step, Object.fromEntries(finite));
  }

  private collect(step: number, values: Record<string, WandbValue>): void {
    if (!this.session) return;
    if (step <= this.lastHanded) {
      // the SDK would put it in its next row, under that row's step: kept and reported instead
      this.late.push({ step, row: values });
      this.problem(`W&B's SDK cannot log step ${step} after step ${this.lastHanded}: reported as undelivered`);
      return;
    }
    // the stream may interleave two steps (a step's first scalars before the previous step's last ones):
    // a step is handed once a later one is being logged
    for (const s of [...this.held.keys()].sort((a, b) => a - b)) if (s < step) this.hand(s);
    this.held.set(step, { ...this.held.get(step), ...values });
  }

  private hand(step: number): void {
    const row = this.held.get(step);
    if (!row || !this.session) return;
    this.held.delete(step);
    this.lastHanded = step;
    this.unaccepted.set(step, row);
    this.session.log(step, { ...row });
  }

  table(name: string, _columns: readonly string[], _rows: readonly TableCell[][]): void {
    this.unsupported(`table ${name}`);
  }

  html(name: string, _render: () => string): void {
    this.unsupported(`HTML ${name}`);
  }

  private unsupported(what: string): void {
    if (this.notLogged.has(what)) return;
    this.notLogged.add(what);
    if (this.notLogged.size === 1)
      this.options.onProblem?.(
        `${this.options.host.sdk} has no tables, HTML or file uploads: the tables and the candidate tree are not ` +
          'logged to W&B (they are in the run export and the HTML report)',
      );
  }

  summary(values: Record<string, string | number>): void {
    const kept = Object.entries(values).filter(([, v]) => typeof v === 'string' || Number.isFinite(v));
    for (const [key, value] of kept) {
      this.summaryValues[key] = value;
      this.summaryUnaccepted.add(key);
    }
    // the SDK's summary is the last value of each logged key: the summary rides on the last step's row
    if (!kept.length) return;
    const row = Object.fromEntries(kept);
    if (this.held.size) this.collect(Math.max(...this.held.keys()), row);
    // every step handed already: logged at the last one, which the SDK sends as a row of its own at its end
    else if (this.lastHanded >= 0) this.session?.log(this.lastHanded, row);
    else this.collect(0, row);
  }

  async finish(status: FinishStatus): Promise<DeliveryReport> {
    const exitCode = WANDB_EXIT_CODE[status];
    if (this.session) {
      for (const step of [...this.held.keys()].sort((a, b) => a - b)) this.hand(step);
      await this.session.finish(exitCode, this.options.finishTimeoutMs ?? 30_000);
    }
    return { backends: [this.report(exitCode)] };
  }

  private report(exitCode: number): BackendDelivery {
    const error =
      this.lastDeliveryProblem ??
      `not accepted by the server within the ${(this.options.finishTimeoutMs ?? 30_000) / 1000} s the run waits`;
    const undelivered: { backend: string; item: WandbItem; error: string }[] = [];
    const add = (item: WandbItem) => undelivered.push({ backend: this.backend, item, error });
    if (this.init && !this.runAccepted) add({ kind: 'init', init: this.init });
    for (const [step, row] of [...this.unaccepted].sort((a, b) => a[0] - b[0])) add({ kind: 'history', step, row });
    for (const { step, row } of this.late)
      undelivered.push({ backend: this.backend, item: { kind: 'history', step, row }, error: 'a step W&B had passed' });
    if (this.summaryUnaccepted.size)
      add({
        kind: 'summary',
        values: Object.fromEntries([...this.summaryUnaccepted].map((k) => [k, this.summaryValues[k] as WandbValue])),
      });
    if (this.session && !this.attached && !this.endAccepted) add({ kind: 'finish', exitCode });
    const t = this.target;
    const run = this.runAccepted;
    const project = run ? `${run.entity}/${run.project}` : `${t.entity ? `${t.entity}/` : ''}${t.project}`;
    const where = `${this.options.host.target} (project "${project}")`;
    return {
      backend: this.backend,
      target: where,
      runId: this.session ? this.runIdValue : null,
      delivered: this.accepted + (this.runAccepted ? 1 : 0) + (this.endAccepted ? 1 : 0),
      undelivered,
      problems: [...this.problems],
      ...(this.notLogged.size ? { notLogged: [...this.notLogged] } : {}),
    };
  }
}
