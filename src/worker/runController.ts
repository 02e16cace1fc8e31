// One run in the worker: builds it from a StartRequest, drives the engine, and turns its callbacks and
// tracking stream into RunEvents. Pause is a stop condition that ends the session at the next iteration
// boundary; the last checkpoint stays in memory and resume continues from it with the same built run,
// so the run equals an uninterrupted one and no candidate or proposal is reported twice. Stop aborts.
// Durability: after every iteration a 'checkpoint' marker is emitted and the state handed to the
// persistence hook (the engine waits for it); a run can also start from a stored checkpoint (resume
// after a closed tab). A full disk pauses the run at that boundary instead of failing it.
// Invariant: no event or message carries an API key (secrets are redacted from every text emitted).
import { GepaConfigError, optimize, resolveMetricCallBudget } from '../engine/index.ts';
import type { CheckpointInfo, GepaResult, GepaState, StopCondition } from '../engine/index.ts';
import { buildRun, inlineRows } from '../run/buildRun.ts';
import type { BuiltRun } from '../run/buildRun.ts';
import type { CacheStore } from '../lm/evaluationCache.ts';
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';
import { RunConfigError } from '../run/runConfig.ts';
import { runErrorText as errorText, translateRunEvents } from '../run/translateRunEvents.ts';
import { StorageQuotaError } from '../storage/types.ts';
import type { LogLevel, RunEvent, RunStatus, ScorePoint, UsageSnapshot } from '../run/runEvent.ts';
import type { StartRequest } from './protocol.ts';
import { addUsage, usageSnapshot as usageOf } from '../run/runUsage.ts';

/** Where checkpoints go (IndexedDB in the studio). */
export interface RunPersistence {
  /**
   * Saves the state after an iteration; called after the 'checkpoint' marker was emitted, and awaited by
   * the engine. A StorageQuotaError pauses the run; any other failure is logged and the run goes on.
   */
  checkpoint(state: GepaState, info: CheckpointInfo): Promise<void>;
}

/** What a stored run continues from. */
export interface ResumePoint {
  /** the last checkpoint; null when none was saved (the run starts over) */
  state: GepaState | null;
  /** what the run had paid before the interruption (added to this session's usage) */
  usage: UsageSnapshot | null;
  /** the last score point, so the score line continues where it was */
  lastScore: ScorePoint | null;
}

export interface RunControllerDeps {
  /** starts custom-metric sandboxes (see browserMetricWorker.ts) */
  workerFactory?: MetricWorkerFactory;
  cacheStore?: CacheStore;
  /** at most one usage snapshot per this many ms (default 250) */
  usageIntervalMs?: number;
  persistence?: RunPersistence;
}

type Ending = { status: Extract<RunStatus, 'finished' | 'stopped' | 'error'>; message: string };

const ACTIVE: RunStatus[] = ['starting', 'running', 'pausing', 'paused', 'stopping'];

/** Calls fn at once, then at most once per interval (a trailing call catches the end of a burst). */
function throttle(fn: () => void, intervalMs: number): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const run = () => {
    timer = null;
    last = performance.now();
    fn();
  };
  return {
    call: () => {
      if (timer !== null) return;
      const wait = last + intervalMs - performance.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

export class RunController {
  private status: RunStatus = 'idle';
  private readonly abort = new AbortController();
  private pauseRequested = false;
  /** why the run pauses when it was not the user (storage is full) */
  private pauseReason: string | null = null;
  private stopRequested = false;
  private release: (() => void) | null = null;
  private readonly secrets: string[] = [];

  constructor(
    private readonly emit: (event: RunEvent) => void,
    private readonly deps: RunControllerDeps = {},
  ) {}

  get active(): boolean {
    return ACTIVE.includes(this.status);
  }

  /**
   * Runs to the end (finished, stopped or error); never throws: failures become an 'error' status. With
   * `resume` the run continues from a stored checkpoint (its first event is the 'resumed' marker).
   */
  async start(request: StartRequest, resume?: ResumePoint): Promise<void> {
    if (this.status !== 'idle') throw new Error('this run controller has already run');
    if (resume) this.emit({ type: 'resumed', fromIteration: resume.state?.iteration ?? null });
    this.secrets.push(
      ...Object.values(request.secrets).filter((s): s is string => typeof s === 'string' && s.length >= 4),
    );
    this.setStatus('starting');
    const config = request.config;
    let built: BuiltRun;
    try {
      if (!config.dataset.rows)
        throw new RunConfigError('dataset.rows', 'the studio runs inline rows; load the dataset file first');
      built = buildRun(config, {
        rows: inlineRows(config.dataset.rows),
        secrets: request.secrets,
        workerFactory: this.deps.workerFactory,
        cacheStore: this.deps.cacheStore,
        demoLatencyMs: request.demoLatencyMs,
      });
    } catch (err) {
      const end = this.failure(err);
      this.setStatus(end.status, end.message);
      return;
    }
    const paidBefore = resume?.usage ?? null;
    const usage = throttle(
      () => this.emit({ type: 'usage', usage: addUsage(paidBefore, usageOf(built)) }),
      this.deps.usageIntervalMs ?? 250,
    );
    const unsubscribe = built.meter.subscribe(usage.call);
    let end: Ending;
    try {
      const cap = resolveMetricCallBudget({
        ...config.budget,
        hasStopConditions: true,
        numComponents: config.program.steps.length,
        trainsetSize: built.train.length,
        valsetSize: built.val.length,
        valsetProvided: true,
      });
      this.emit({ type: 'examples', train: built.train.length, val: built.val });
      // the cap is known before the first metric call: the header shows "0 / cap" at once
      const from = resume?.state;
      this.emit({ type: 'budget', used: from?.totalMetricCalls ?? 0, cap, iteration: from?.iteration ?? 0 });
      end = await this.drive(built, cap, resume);
    } catch (err) {
      end = this.failure(err);
    } finally {
      unsubscribe();
      usage.cancel();
      this.emit({ type: 'usage', usage: addUsage(paidBefore, usageOf(built)) });
      built.dispose();
    }
    // the final status comes last, after the closing usage snapshot, so "ended" means nothing follows
    this.setStatus(end.status, end.message);
  }

  /** Ends the run at the next iteration boundary, keeping its state for resume. */
  pause(): void {
    if (this.status !== 'running' && this.status !== 'starting') return;
    this.pauseRequested = true;
    this.setStatus('pausing', 'pausing at the end of the current iteration');
  }

  /** The browser refused a write for lack of space: pause at the next boundary and say why. */
  pauseForStorage(detail: string): void {
    if (!this.active || this.stopRequested || this.pauseReason !== null) return;
    this.pauseReason = `storage is full, so the run is paused; nothing already saved is lost. ${detail}`;
    if (this.status === 'paused') return;
    this.pauseRequested = true;
    this.setStatus('pausing', this.pauseReason);
  }

  /** Continues a paused run; during 'pausing' it cancels the pause. */
  resume(): void {
    if (this.status === 'pausing') {
      this.pauseRequested = false;
      // a cancelled storage pause must not silence the next quota error (pauseForStorage checks this)
      this.pauseReason = null;
      this.setStatus('running');
    } else if (this.status === 'paused') {
      this.release?.();
    }
  }

  /** Stops now: the iteration in flight is discarded; what was found so far is the result. */
  stop(): void {
    if (!this.active || this.status === 'stopping') return;
    this.stopRequested = true;
    if (this.status === 'paused') {
      this.release?.();
      return;
    }
    this.setStatus('stopping');
    this.abort.abort(new Error('stopped by the user'));
  }

  /** Hands the state to the persistence hook; only a full disk stops the run (it pauses). */
  private async saveCheckpoint(state: GepaState, info: CheckpointInfo): Promise<void> {
    this.emit({ type: 'checkpoint', iteration: state.iteration });
    if (!this.deps.persistence) return;
    try {
      await this.deps.persistence.checkpoint(state, info);
    } catch (err) {
      if (err instanceof StorageQuotaError) this.pauseForStorage(err.message);
      else
        this.log(
          'error',
          `The checkpoint after iteration ${state.iteration} could not be saved (${errorText(err)}); the run goes on, but a resume would start from an earlier one.`,
          state.iteration,
        );
    }
  }

  private async drive(built: BuiltRun, cap: number | null, resume: ResumePoint | undefined): Promise<Ending> {
    const events = translateRunEvents({
      valCount: built.val.length,
      cap,
      emit: (e) => this.emit(e),
      log: (level, message, iteration) => this.log(level, message, iteration),
      lastScore: resume?.lastScore,
    });
    // written by the engine's hooks (an object, so the compiler does not narrow them away)
    const seen: { lastState?: GepaState; pausedAtBoundary: boolean } = {
      pausedAtBoundary: false,
      ...(resume?.state ? { lastState: resume.state } : {}),
    };

    const pauseStop: StopCondition = {
      kind: 'custom',
      name: 'pause',
      shouldStop: () => (seen.pausedAtBoundary = this.pauseRequested),
    };

    let result: GepaResult;
    for (;;) {
      if (!this.pauseRequested) this.setStatus('running');
      try {
        result = await optimize({
          ...built.options,
          signal: this.abort.signal,
          callbacks: events.callbacks,
          onTrackingEvent: events.onTrackingEvent,
          stopConditions: pauseStop,
          checkpoint: (state, info) => {
            seen.lastState = state;
            return this.saveCheckpoint(state, info);
          },
          ...(seen.lastState ? { resumeFrom: seen.lastState } : {}),
        });
      } catch (err) {
        if (this.stopRequested)
          return { status: 'stopped', message: 'stopped before the seed prompt was scored: there is no result' };
        // past its configuration checks, the engine only throws when the seed cannot be scored
        if (err instanceof GepaConfigError) throw err;
        return this.failure(
          new Error(`Scoring the seed prompt failed, so the run could not start: ${errorText(err)}`),
          true,
        );
      }
      if (!seen.pausedAtBoundary || this.stopRequested) break;
      const iteration = seen.lastState?.iteration ?? 0;
      // a resume that arrived while the engine was already returning for the pause cancels it: go on
      if (this.pauseRequested) {
        const resumed = new Promise<void>((resolve) => (this.release = resolve));
        this.log(
          this.pauseReason ? 'warning' : 'info',
          `Paused after iteration ${iteration}${this.pauseReason ? `: ${this.pauseReason}` : ''}`,
          iteration,
        );
        this.setStatus('paused', this.pauseReason ?? `paused after iteration ${iteration}`);
        await resumed;
        this.release = null;
        if (this.stopRequested) break;
      }
      this.pauseRequested = false;
      this.pauseReason = null;
      seen.pausedAtBoundary = false;
      this.log('info', `Resumed at iteration ${iteration + 1}`, iteration + 1);
    }

    const stopReason = this.stopRequested ? 'stopped by the user' : result.stopReason;
    const fatal = events.fatal();
    const summary = events.summary();
    this.log(fatal ? 'error' : 'info', `Run ended: ${stopReason}`);
    if (summary) this.emit({ type: 'summary', summary: { ...summary, stopReason } });
    this.emit({ type: 'result', result: result.toDict() });
    if (this.stopRequested)
      return { status: 'stopped', message: `stopped after iteration ${seen.lastState?.iteration ?? 0}` };
    if (fatal) return { status: 'error', message: `${stopReason}; last error: ${fatal}` };
    return { status: 'finished', message: stopReason };
  }

  /** The run cannot go on; the log gets the reason unless the engine's onError already told it. */
  private failure(err: unknown, alreadyLogged = false): Ending {
    if (!alreadyLogged) this.log('error', errorText(err));
    return { status: 'error', message: errorText(err) };
  }

  private redact(text: string): string {
    return this.secrets.reduce((t, s) => t.split(s).join('***'), text);
  }

  private setStatus(status: RunStatus, message?: string): void {
    this.status = status;
    this.emit(
      message === undefined ? { type: 'status', status } : { type: 'status', status, message: this.redact(message) },
    );
  }

  private log(level: LogLevel, message: string, iteration?: number): void {
    this.emit(
      iteration === undefined
        ? { type: 'log', level, message: this.redact(message) }
        : { type: 'log', level, message: this.redact(message), iteration },
    );
  }
}
