// One run in the worker: builds it from a StartRequest, drives the engine, and turns its callbacks and
// tracking stream into RunEvents. Pause is a stop condition that ends the session at the next iteration
// boundary; the last checkpoint stays in memory and resume continues from it with the same built run,
// so the run equals an uninterrupted one and no candidate or proposal is reported twice. Stop aborts.
// Invariant: no event or message carries an API key (secrets are redacted from every text emitted).
import { GepaConfigError, optimize, resolveMetricCallBudget } from '../engine/index.ts';
import type { CallbackHandlers, CandidateRow, GepaResult, GepaState, RunSummary, StopCondition, TrackingEvent } from '../engine/index.ts';
import { buildRun, inlineRows } from '../tasks/buildRun.ts';
import type { BuiltRun } from '../tasks/buildRun.ts';
import type { CacheStore } from '../lm/evaluationCache.ts';
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';
import { RunConfigError } from '../tasks/runConfig.ts';
import type { LogLevel, RunEvent, RunStatus, StartRequest, UsageSnapshot } from './protocol.ts';

export interface RunControllerDeps {
  /** starts custom-metric sandboxes (see browserMetricWorker.ts) */
  workerFactory?: MetricWorkerFactory;
  cacheStore?: CacheStore;
  /** at most one usage snapshot per this many ms (default 250) */
  usageIntervalMs?: number;
}

type Ending = { status: Extract<RunStatus, 'finished' | 'stopped' | 'error'>; message: string };

const ACTIVE: RunStatus[] = ['starting', 'running', 'pausing', 'paused', 'stopping'];

function errorText(err: unknown): string {
  if (err instanceof RunConfigError || err instanceof GepaConfigError) return `The run configuration is invalid: ${err.message}`;
  return err instanceof Error ? err.message : String(err);
}

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

function usageOf(built: BuiltRun): UsageSnapshot {
  const stats = built.taskCache?.stats();
  return { byRole: built.meter.byRole(), total: built.meter.totals(), cacheHits: stats?.hits ?? 0, cacheSavedUsd: stats?.savedUsd ?? 0 };
}

const asText = (output: unknown): string => (typeof output === 'string' ? output : output === undefined ? '' : JSON.stringify(output));

export class RunController {
  private status: RunStatus = 'idle';
  private readonly abort = new AbortController();
  private pauseRequested = false;
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

  /** Runs to the end (finished, stopped or error); never throws: failures become an 'error' status. */
  async start(request: StartRequest): Promise<void> {
    if (this.status !== 'idle') throw new Error('this run controller has already run');
    this.secrets.push(...Object.values(request.secrets).filter((s): s is string => typeof s === 'string' && s.length >= 4));
    this.setStatus('starting');
    const config = request.config;
    let built: BuiltRun;
    try {
      if (!config.dataset.rows) throw new RunConfigError('dataset.rows', 'the studio runs inline rows; load the dataset file first');
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
    const usage = throttle(() => this.emit({ type: 'usage', usage: usageOf(built) }), this.deps.usageIntervalMs ?? 250);
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
      this.emit({ type: 'budget', used: 0, cap, iteration: 0 });
      end = await this.drive(built, cap);
    } catch (err) {
      end = this.failure(err);
    } finally {
      unsubscribe();
      usage.cancel();
      this.emit({ type: 'usage', usage: usageOf(built) });
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

  /** Continues a paused run; during 'pausing' it cancels the pause. */
  resume(): void {
    if (this.status === 'pausing') {
      this.pauseRequested = false;
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

  private async drive(built: BuiltRun, cap: number | null): Promise<Ending> {
    const outputs = new Map<number, string[]>();
    const rows = new Map<number, CandidateRow>();
    // written by the engine's callbacks (an object, so the compiler does not narrow them away)
    const seen: { best: number; paretoAggregate: number; summary: RunSummary | null; fatal: string | null; lastState?: GepaState; pausedAtBoundary: boolean } = {
      best: 0,
      paretoAggregate: 0,
      summary: null,
      fatal: null,
      pausedAtBoundary: false,
    };

    const callbacks: CallbackHandlers = {
      onValsetEvaluated: (e) => outputs.set(e.candidateIdx, built.val.map((_x, v) => asText(e.outputsByValId?.[v]))),
      onBudgetUpdated: (e) => this.emit({ type: 'budget', used: e.metricCallsUsed, cap, iteration: e.iteration }),
      onWarning: (e) => this.log('warning', e.message, e.iteration),
      onError: (e) => {
        const why = errorText(e.exception);
        if (!e.willContinue) seen.fatal = why;
        const what = e.iteration === 0 ? 'Scoring the seed prompt' : `Iteration ${e.iteration}`;
        this.log('error', `${what} failed: ${why} — ${e.willContinue ? 'the run continues' : 'the run stops'}`, e.iteration);
      },
      onMergeAccepted: (e) => this.log('info', `Merged candidates ${e.parentIds[0]} and ${e.parentIds[1]} into candidate ${e.newCandidateIdx}`, e.iteration),
      onMergeRejected: (e) => this.log('info', `Merge of candidates ${e.parentIds[0]} and ${e.parentIds[1]} rejected: ${e.reason}`, e.iteration),
    };
    const onTrackingEvent = (e: TrackingEvent) => {
      switch (e.type) {
        case 'candidate':
          rows.set(e.row.candidateIdx, e.row);
          break;
        case 'valsetScores': {
          const row = rows.get(e.row.candidateIdx);
          if (!row) break;
          this.emit({ type: 'candidate', row, valScores: e.row.scores, outputs: outputs.get(row.candidateIdx) ?? [] });
          rows.delete(row.candidateIdx);
          outputs.delete(row.candidateIdx);
          break;
        }
        case 'valsetParetoFront':
          this.emit({ type: 'front', programs: e.row.programs });
          break;
        case 'metrics': {
          const m = e.metrics;
          if (m.best_score_on_valset === undefined || m.valset_pareto_front_agg === undefined) break;
          seen.best = m.best_score_on_valset;
          seen.paretoAggregate = m.valset_pareto_front_agg;
          this.emit({ type: 'score', point: { metricCalls: m.total_metric_calls ?? 0, iteration: e.iteration, bestScore: seen.best, paretoAggregate: seen.paretoAggregate } });
          break;
        }
        case 'proposal':
          this.emit({ type: 'proposal', row: e.row });
          this.emit({ type: 'score', point: { metricCalls: e.row.metricCallsAt, iteration: e.row.iteration, bestScore: seen.best, paretoAggregate: seen.paretoAggregate } });
          break;
        case 'summary':
          seen.summary = e.summary;
          break;
      }
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
          callbacks,
          onTrackingEvent,
          stopConditions: pauseStop,
          checkpoint: (state) => void (seen.lastState = state),
          ...(seen.lastState ? { resumeFrom: seen.lastState } : {}),
        });
      } catch (err) {
        if (this.stopRequested) return { status: 'stopped', message: 'stopped before the seed prompt was scored: there is no result' };
        // past its configuration checks, the engine only throws when the seed cannot be scored
        if (err instanceof GepaConfigError) throw err;
        return this.failure(new Error(`Scoring the seed prompt failed, so the run could not start: ${errorText(err)}`), true);
      }
      if (!seen.pausedAtBoundary || this.stopRequested) break;
      const iteration = seen.lastState?.iteration ?? 0;
      const resumed = new Promise<void>((resolve) => (this.release = resolve));
      this.log('info', `Paused after iteration ${iteration}`, iteration);
      this.setStatus('paused', `paused after iteration ${iteration}`);
      await resumed;
      this.release = null;
      if (this.stopRequested) break;
      this.pauseRequested = false;
      seen.pausedAtBoundary = false;
      this.log('info', `Resumed at iteration ${iteration + 1}`, iteration + 1);
    }

    const stopReason = this.stopRequested ? 'stopped by the user' : result.stopReason;
    this.log(seen.fatal ? 'error' : 'info', `Run ended: ${stopReason}`);
    if (seen.summary) this.emit({ type: 'summary', summary: { ...seen.summary, stopReason } });
    this.emit({ type: 'result', result: result.toDict() });
    if (this.stopRequested) return { status: 'stopped', message: `stopped after iteration ${seen.lastState?.iteration ?? 0}` };
    if (seen.fatal) return { status: 'error', message: `${stopReason}; last error: ${seen.fatal}` };
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
    this.emit(message === undefined ? { type: 'status', status } : { type: 'status', status, message: this.redact(message) });
  }

  private log(level: LogLevel, message: string, iteration?: number): void {
    this.emit(iteration === undefined ? { type: 'log', level, message: this.redact(message) } : { type: 'log', level, message: this.redact(message), iteration });
  }
}
