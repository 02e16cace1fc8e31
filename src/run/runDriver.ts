// The one run driver, shared by the studio's worker and the CLI. From a run config to its end: it builds
// the run, reports the opening events (status 'starting', the examples, the budget with its cap, status
// 'running'), runs the engine with the host's abort signal, stop conditions and checkpoint writer,
// translates the engine's callbacks into RunEvents, meters usage (throttled, plus what earlier sessions
// paid) and reports how the run ended: the closing log line, summary and result, the final usage, and
// the final status last, so "ended" means nothing follows. The host supplies only what differs between
// the studio and the terminal: where events go, how it stops a run and how that reads, where checkpoints
// go, and whether a run that stopped at an iteration boundary holds there and goes on (the studio's pause).
// Invariants: run() never throws (a failure is an 'error' outcome); no status or log text holds a secret.
import { GepaConfigError, checkStop, optimize } from '../engine/index.ts';
import type { CheckpointInfo, GepaResult, GepaState, StopCondition, TrackingEvent } from '../engine/index.ts';
import type { BuiltRun, RunSecrets } from './buildRun.ts';
import { metricCallCap } from './metricCallCap.ts';
import { redactor } from './redact.ts';
import type { RunConfig } from './runConfig.ts';
import type { LogLevel, RunEvent, RunStatus, ScorePoint, UsageSnapshot } from './runEvent.ts';
import { addUsage, usageSnapshot } from './runUsage.ts';
import { throttle } from './throttle.ts';
import { runErrorText, translateRunEvents } from './translateRunEvents.ts';

/** What a run continues from (a stored checkpoint, a run directory). */
export interface ResumePoint {
  /** the last checkpoint; null when none was saved (the run starts over) */
  state: GepaState | null;
  /** what the run had paid before the interruption (added to this session's usage) */
  usage: UsageSnapshot | null;
  /** the last score point, so the score line continues where it was */
  lastScore: ScorePoint | null;
}

/** How a stop the host made reads: in the summary, and in the final status. */
export interface HostStop {
  /** the summary's stop reason, e.g. 'stopped by the user' */
  reason: string;
  /** the final status message after `iteration`, or (null) when the seed prompt was never scored */
  message(iteration: number | null): string;
}

export interface RunHost {
  /** every event the run reports, in order; status and log texts are already redacted */
  emit(event: RunEvent): void;
  signal?: AbortSignal;
  /** the host's own stop conditions (the studio's pause, the CLI's stop file) */
  stopConditions?: StopCondition[];
  /**
   * Saves the state after an iteration (awaited by the engine), with the usage paid so far; may return
   * where it went (the engine's onStateSaved reports it). A throw ends the run: the outcome is an 'error'
   * that carries the thrown error.
   */
  checkpoint?(state: GepaState, info: CheckpointInfo, usage: UsageSnapshot): void | string | Promise<void | string>;
  /** the stop the host made (abort or one of its stop conditions), or null when it made none */
  stopped(): HostStop | null;
  /** the studio's pause: the run holds at an iteration boundary and may go on from there */
  pause?: RunPause;
  /** the engine is done: the events that follow are the closing ones */
  engineReturned?(): void;
  /** where the host keeps the run on disk (the CLI's run directory): the result's run_dir */
  runDir?: string;
  /** the engine's tracking stream as it comes, for experiment trackers (src/tracking/); must not block */
  track?(event: TrackingEvent): void;
}

export interface RunPause {
  /** asked at every iteration boundary, and as the engine (re)starts: no 'running' status while it is */
  requested(): boolean;
  /** the engine returned at a boundary for the pause: resolves true to go on from there, false to end the run */
  hold(iteration: number): Promise<boolean>;
}

export interface RunSpec {
  config: RunConfig;
  /** builds the run (called after status 'starting'; a throw ends the run in 'error'); disposed at the end */
  build(): BuiltRun;
  resume?: ResumePoint;
  /** at most one usage snapshot per this many ms (default 250) */
  usageIntervalMs?: number;
}

export type RunEnd = Extract<RunStatus, 'finished' | 'stopped' | 'error'>;

export interface RunOutcome {
  status: RunEnd;
  /** the final status message (redacted) */
  message: string;
  /** null when the run ended before the seed prompt was scored */
  result: GepaResult | null;
  /** what ended the run in 'error' when it was not the engine's own fatal error (config, host hook, seed) */
  error?: unknown;
  /** the iteration of the last checkpoint (0 when there was none) */
  iteration: number;
  /** what the run paid, all sessions; null when it could not be built */
  usage: UsageSnapshot | null;
}

type Ending = Omit<RunOutcome, 'usage'>;

export class RunDriver {
  private readonly redact: (text: string) => string;
  private started = false;

  constructor(
    private readonly host: RunHost,
    secrets: RunSecrets = {},
  ) {
    this.redact = redactor(secrets);
  }

  /** Reports a status (the host's own, too: pausing, paused, stopping), redacted. */
  status(status: RunStatus, message?: string): void {
    this.host.emit(
      message === undefined ? { type: 'status', status } : { type: 'status', status, message: this.redact(message) },
    );
  }

  /** Reports a log line, redacted. */
  log(level: LogLevel, message: string, iteration?: number): void {
    const text = this.redact(message);
    this.host.emit(
      iteration === undefined
        ? { type: 'log', level, message: text }
        : { type: 'log', level, message: text, iteration },
    );
  }

  /** Runs to the end; the opening events are reported before its first await (a host may add its own after). */
  async run(spec: RunSpec): Promise<RunOutcome> {
    if (this.started) throw new Error('this run driver has already run');
    this.started = true;
    this.status('starting');
    let built: BuiltRun;
    try {
      built = spec.build();
    } catch (err) {
      return this.end({ ...this.failure(err), result: null, iteration: 0 }, null);
    }
    built.onWarning?.((message) => this.log('warning', message));
    const paidBefore = spec.resume?.usage ?? null;
    const usageNow = () => addUsage(paidBefore, usageSnapshot(built));
    const usage = throttle(() => this.host.emit({ type: 'usage', usage: usageNow() }), spec.usageIntervalMs ?? 250);
    const unsubscribe = built.meter.subscribe(usage.call);
    let ending: Ending;
    try {
      const cap = metricCallCap(spec.config, { train: built.train.length, val: built.val.length });
      this.host.emit({ type: 'examples', train: built.train.length, val: built.val });
      // the cap is known before the first metric call: the header shows "0 / cap" at once
      const from = spec.resume?.state;
      this.host.emit({ type: 'budget', used: from?.totalMetricCalls ?? 0, cap, iteration: from?.iteration ?? 0 });
      ending = await this.drive(built, cap, spec.resume, usageNow);
    } catch (err) {
      ending = { ...this.failure(err), result: null, iteration: spec.resume?.state?.iteration ?? 0 };
    } finally {
      unsubscribe();
      usage.cancel();
    }
    const paid = usageNow();
    this.host.emit({ type: 'usage', usage: paid });
    built.dispose();
    return this.end(ending, paid);
  }

  private async drive(
    built: BuiltRun,
    cap: number | null,
    resume: ResumePoint | undefined,
    usageNow: () => UsageSnapshot,
  ): Promise<Ending> {
    const { host } = this;
    const events = translateRunEvents({
      cap,
      emit: (e) => host.emit(e),
      log: (level, message, iteration) => this.log(level, message, iteration),
      lastScore: resume?.lastScore,
    });
    // written by the engine's hooks (an object, so the compiler does not narrow them away)
    const seen: {
      lastState: GepaState | null;
      hostFailure: { error: unknown } | null;
      paused: boolean;
      configReason: string | null;
    } = { lastState: resume?.state ?? null, hostFailure: null, paused: false, configReason: null };
    const pause = host.pause;
    // the config's limits (options.stop) come first, so the reason the engine gives is theirs when they hold; a
    // probe before them records what they say at each check, so an end on them reads "Stopped: …"
    const configStops = [built.options.stopConditions ?? []].flat();
    const configStop: StopCondition = { kind: 'any', conditions: configStops };
    const probe: StopCondition = {
      kind: 'custom',
      name: 'run config limits',
      shouldStop: (ctx) => ((seen.configReason = checkStop(configStop, ctx)), false),
    };
    const stopConditions: StopCondition[] = [
      ...(configStops.length ? [probe, configStop] : []),
      ...(host.stopConditions ?? []),
      ...(pause
        ? [{ kind: 'custom' as const, name: 'pause', shouldStop: () => (seen.paused = pause.requested()) }]
        : []),
    ];
    const checkpoint = async (state: GepaState, info: CheckpointInfo): Promise<void | string> => {
      seen.lastState = state;
      try {
        return await host.checkpoint?.(state, info, usageNow());
      } catch (err) {
        seen.hostFailure = { error: err };
        throw err;
      }
    };
    const iteration = () => seen.lastState?.iteration ?? 0;
    const track = host.track?.bind(host);
    const onTrackingEvent = track
      ? (e: TrackingEvent) => {
          events.onTrackingEvent(e);
          track(e);
        }
      : events.onTrackingEvent;

    let result: GepaResult;
    for (;;) {
      if (!pause?.requested()) this.status('running');
      try {
        result = await optimize({
          ...built.options,
          ...(host.signal ? { signal: host.signal } : {}),
          callbacks: events.callbacks,
          onTrackingEvent,
          stopConditions,
          checkpoint,
          ...(seen.lastState ? { resumeFrom: seen.lastState } : {}),
        });
      } catch (err) {
        host.engineReturned?.();
        if (seen.hostFailure) return { ...this.failure(seen.hostFailure.error), result: null, iteration: iteration() };
        const stop = host.stopped();
        if (stop) return { status: 'stopped', message: stop.message(null), result: null, iteration: 0 };
        // past its configuration checks, the engine only throws when the seed cannot be scored
        if (err instanceof GepaConfigError) throw err;
        // the translation's onError has logged it already
        const message = `Scoring the seed prompt failed, so the run could not start: ${runErrorText(err)}`;
        return { status: 'error', message, error: err, result: null, iteration: 0 };
      }
      if (host.stopped() || !pause || !seen.paused) break;
      seen.paused = false;
      if (!(await pause.hold(iteration()))) break;
    }
    host.engineReturned?.();

    const stop = host.stopped();
    const stopReason = stop ? stop.reason : result.stopReason;
    const fatal = events.fatal();
    const summary = events.summary();
    this.log(fatal ? 'error' : 'info', `Run ended: ${stopReason}`);
    if (summary) host.emit({ type: 'summary', summary: { ...summary, stopReason } });
    host.emit({ type: 'result', result: { ...result.toDict(), run_dir: host.runDir ?? null } });
    const at = iteration();
    if (stop) return { status: 'stopped', message: stop.message(at), result, iteration: at };
    if (fatal) return { status: 'error', message: `${stopReason}; last error: ${fatal}`, result, iteration: at };
    const byConfig = seen.configReason !== null && seen.configReason === result.stopReason;
    return { status: 'finished', message: byConfig ? `Stopped: ${stopReason}` : stopReason, result, iteration: at };
  }

  /** The run cannot go on: the log says why. */
  private failure(err: unknown): { status: 'error'; message: string; error: unknown } {
    const message = runErrorText(err);
    this.log('error', message);
    return { status: 'error', message, error: err };
  }

  /** The final status comes last: after it, the run reports nothing. */
  private end(ending: Ending, usage: UsageSnapshot | null): RunOutcome {
    const message = this.redact(ending.message);
    this.status(ending.status, message);
    return { ...ending, message, usage };
  }
}
