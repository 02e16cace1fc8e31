// One run in the worker: the studio's host for the run driver (src/run/runDriver.ts). It builds the run
// from a StartRequest's inline rows and adds what only the studio has. Pause is a stop condition that
// ends the engine at the next iteration boundary; the run holds there (the last checkpoint in memory)
// and resume continues from it with the same built run, so the run equals an uninterrupted one and no
// candidate or proposal is reported twice. Stop aborts. Durability: after every iteration a
// 'checkpoint' marker is emitted and the state handed to the persistence hook (the engine waits for
// it); a run can also start from a stored checkpoint (resume after a closed tab). A full disk pauses
// the run at that boundary instead of failing it. Experiment tracking (the config's `tracking`, with the
// credentials of the StartRequest) is fed the engine's tracking stream; when the driver is done, its final
// status is held back until the trackers have finished (bounded), so the delivery report and the 'tracking'
// event still come before it and "ended" keeps meaning that nothing follows.
// Invariant: no event or message carries an API key or a tracking credential (every text is redacted).
import type { CheckpointInfo, GepaState } from '../engine/index.ts';
import type { CacheStore } from '../lm/evaluationCache.ts';
import type { MetricWorkerFactory } from '../tasks/metrics/index.ts';
import { buildRun } from '../run/buildRun.ts';
import { sourceRows } from '../run/runDataset.ts';
import { RunConfigError } from '../run/runConfig.ts';
import { RunDriver } from '../run/runDriver.ts';
import type { HostStop, ResumePoint, RunHost } from '../run/runDriver.ts';
import type { RunEvent, RunStatus } from '../run/runEvent.ts';
import { runErrorText } from '../run/translateRunEvents.ts';
import { StorageQuotaError } from '../storage/types.ts';
import type { QueueTiming } from '../tracking/deliveryQueue.ts';
import { redactor } from '../run/redact.ts';
import type { StartRequest } from './protocol.ts';
import { startStudioTracking, trackingSecrets } from './studioTracking.ts';
import type { StudioTracking } from './studioTracking.ts';

/** Where checkpoints go (IndexedDB in the studio). */
export interface RunPersistence {
  /**
   * Saves the state after an iteration; called after the 'checkpoint' marker was emitted, and awaited by
   * the engine. A StorageQuotaError pauses the run; any other failure is logged and the run goes on.
   */
  checkpoint(state: GepaState, info: CheckpointInfo): Promise<void>;
}

export interface RunControllerDeps {
  /** starts custom-metric sandboxes (see browserMetricWorker.ts) */
  workerFactory?: MetricWorkerFactory;
  cacheStore?: CacheStore;
  /** at most one usage snapshot per this many ms (default 250) */
  usageIntervalMs?: number;
  persistence?: RunPersistence;
  /** the trackers' fetch and delivery timing (tests); the page's fetch and the default timing otherwise */
  tracking?: { fetch?: typeof fetch; timing?: Partial<QueueTiming>; origin?: string };
}

const ENDED: RunStatus[] = ['finished', 'stopped', 'error'];
/** how long the end of a run waits quietly for its trackers before saying so in its status */
const TRACKING_WAIT_NOTICE_MS = 500;

const ACTIVE: RunStatus[] = ['starting', 'running', 'pausing', 'paused', 'stopping'];

const USER_STOP: HostStop = {
  reason: 'stopped by the user',
  message: (iteration) =>
    iteration === null
      ? 'stopped before the seed prompt was scored: there is no result'
      : `stopped after iteration ${iteration}`,
};

export class RunController {
  private status: RunStatus = 'idle';
  private readonly abort = new AbortController();
  private pauseRequested = false;
  /** why the run pauses when it was not the user (storage is full) */
  private pauseReason: string | null = null;
  private stopRequested = false;
  private release: (() => void) | null = null;
  private driver: RunDriver | null = null;
  private tracking: StudioTracking | null = null;
  /** the driver's final status, held while the trackers finish */
  private heldEnd: RunEvent | null = null;

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
    if (this.status !== 'idle' || this.driver) throw new Error('this run controller has already run');
    if (resume) this.emit({ type: 'resumed', fromIteration: resume.state?.iteration ?? null });
    const secrets = { ...request.secrets, ...trackingSecrets(request.trackingCredentials) };
    const redact = redactor(secrets);
    const driver = (this.driver = new RunDriver(this.host(), secrets));
    const config = request.config;
    const t = this.deps.tracking;
    // started once the run has (its lines follow the 'starting' status), before the run is built
    const startTracking = () => {
      this.tracking = startStudioTracking({
        config,
        ...(request.trackingCredentials ? { credentials: request.trackingCredentials } : {}),
        redact,
        log: (level, message) => driver.log(level, message),
        ...(t?.fetch ? { fetch: t.fetch } : {}),
        ...(t?.timing ? { timing: t.timing } : {}),
        ...(t?.origin ? { origin: t.origin } : {}),
      });
      if (this.tracking && resume)
        driver.log('info', 'This session logs to a new MLflow run: the studio does not continue the earlier one yet');
    };
    const outcome = await driver.run({
      config,
      ...(resume ? { resume } : {}),
      ...(this.deps.usageIntervalMs !== undefined ? { usageIntervalMs: this.deps.usageIntervalMs } : {}),
      build: () => {
        startTracking();
        if (!config.dataset.rows)
          throw new RunConfigError('dataset.rows', 'the studio runs inline rows; load the dataset file first');
        return buildRun(config, {
          rows: sourceRows(config.dataset),
          secrets: request.secrets,
          workerFactory: this.deps.workerFactory,
          cacheStore: this.deps.cacheStore,
          demoLatencyMs: request.demoLatencyMs,
        });
      },
    });
    if (this.tracking) {
      const notice = setTimeout(
        () => driver.status('stopping', 'the run has ended; sending what is left to the tracking server'),
        TRACKING_WAIT_NOTICE_MS,
      );
      try {
        const backends = await this.tracking.finish(outcome.status);
        this.emit({ type: 'tracking', backends });
      } catch (err) {
        driver.log('error', `Tracking could not finish: ${runErrorText(err)}`);
      } finally {
        clearTimeout(notice);
      }
    }
    this.tracking = null;
    const end = this.heldEnd;
    this.heldEnd = null;
    if (end) this.host().emit(end);
  }

  /** Ends the run at the next iteration boundary, keeping its state for resume. */
  pause(): void {
    if (this.status !== 'running' && this.status !== 'starting') return;
    this.pauseRequested = true;
    this.driver?.status('pausing', 'pausing at the end of the current iteration');
  }

  /** The browser refused a write for lack of space: pause at the next boundary and say why. */
  pauseForStorage(detail: string): void {
    if (!this.active || this.stopRequested || this.pauseReason !== null) return;
    this.pauseReason = `storage is full, so the run is paused; nothing already saved is lost. ${detail}`;
    if (this.status === 'paused') return;
    this.pauseRequested = true;
    this.driver?.status('pausing', this.pauseReason);
  }

  /** Continues a paused run; during 'pausing' it cancels the pause. */
  resume(): void {
    if (this.status === 'pausing') {
      this.pauseRequested = false;
      // a cancelled storage pause must not silence the next quota error (pauseForStorage checks this)
      this.pauseReason = null;
      this.driver?.status('running');
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
    this.driver?.status('stopping');
    this.abort.abort(new Error('stopped by the user'));
  }

  /** What the driver needs from the studio: its event sink, stop, pause and checkpoint writer. */
  private host(): RunHost {
    return {
      emit: (e) => {
        if (e.type === 'status' && ENDED.includes(e.status) && this.tracking && !this.heldEnd) {
          this.heldEnd = e;
          return;
        }
        if (e.type === 'status') this.status = e.status;
        this.emit(e);
      },
      signal: this.abort.signal,
      track: (e) => this.tracking?.onTrackingEvent(e),
      checkpoint: (state, info) => this.saveCheckpoint(state, info),
      stopped: () => (this.stopRequested ? USER_STOP : null),
      pause: { requested: () => this.pauseRequested, hold: (iteration) => this.hold(iteration) },
    };
  }

  /** The engine returned at a boundary for a pause: wait for resume (or stop) and say so. */
  private async hold(iteration: number): Promise<boolean> {
    const driver = this.driver as RunDriver;
    // a resume that arrived while the engine was already returning for the pause cancels it: go on
    if (this.pauseRequested) {
      const resumed = new Promise<void>((resolve) => (this.release = resolve));
      driver.log(
        this.pauseReason ? 'warning' : 'info',
        `Paused after iteration ${iteration}${this.pauseReason ? `: ${this.pauseReason}` : ''}`,
        iteration,
      );
      driver.status('paused', this.pauseReason ?? `paused after iteration ${iteration}`);
      await resumed;
      this.release = null;
      if (this.stopRequested) return false;
    }
    this.pauseRequested = false;
    this.pauseReason = null;
    driver.log('info', `Resumed at iteration ${iteration + 1}`, iteration + 1);
    return true;
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
        this.driver?.log(
          'error',
          `The checkpoint after iteration ${state.iteration} could not be saved (${runErrorText(err)}); ` +
            'the run goes on, but a resume would start from an earlier one.',
          state.iteration,
        );
    }
  }
}
