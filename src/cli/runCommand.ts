// `gepa-studio run`: loads and checks the config (dataset, keys, budget, metric, endpoints), then drives
// the engine with checkpoints to the run directory after every iteration, the stop file as a stop
// condition and SIGINT/SIGTERM as an abort, and writes the result in the studio's export format. The
// engine's callbacks become RunEvents through the same translation the studio's worker uses
// (tasks/runEvents.ts).
// Invariants: the events of an iteration reach events.jsonl with that iteration's checkpoint, never
// before, so an aborted iteration (rolled back by the engine) leaves no trace and a resumed run's result
// holds the whole history exactly once; no API key is printed, stored or exported.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { GepaConfigError, optimize } from '../engine/index.ts';
import type { GepaResult, StopCondition } from '../engine/index.ts';
import type { BuiltRun } from '../run/buildRun.ts';
import { buildExport } from '../run/exportFormat.ts';
import { RunConfigError } from '../run/runConfig.ts';
import { runErrorText, translateRunEvents } from '../run/translateRunEvents.ts';
import type { LogLevel, RunEvent, RunStatus, UsageSnapshot } from '../run/runEvent.ts';
import type { RunArgs } from './args.ts';
import { FileCacheStore } from './fileCacheStore.ts';
import { secretsFromEnv } from './loadConfig.ts';
import { nodeMetricWorkerFactory } from './nodeMetricWorker.ts';
import { checkBudget, checkCustomMetric, checkEndpoints } from './preflight.ts';
import { Progress } from './progress.ts';
import type { ProgressStream } from './progress.ts';
import { RUN_FILES, RunDir, writeFileAtomic } from './runDir.ts';
import { emptyRecord } from './runRecord.ts';
import { foldRunEvents } from '../run/foldRunEvents.ts';
import { addUsage, usageSnapshot } from '../run/runUsage.ts';
import { buildOrExplain, checkWritable, resolveSetup } from './runSetup.ts';
import type { Setup } from './runSetup.ts';

export type StopSignal = 'SIGINT' | 'SIGTERM';

export interface CliIo {
  stdout: { write(text: string): boolean };
  stderr: ProgressStream;
  env: Record<string, string | undefined>;
  cwd: string;
  /** installs a handler for SIGINT and SIGTERM; returns its removal */
  onSignal(handler: (signal: StopSignal) => void): () => void;
  /** ends the process at once (a second Ctrl-C) */
  exit(code: number): void;
}

/** A failure the CLI reports in one message, with the exit code it ends with. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export const EXIT = { ok: 0, failed: 1, usage: 2, SIGINT: 130, SIGTERM: 143 } as const;

/** Repeats of one Ctrl-C (relayed by npm and tsx to the same process) arrive within this window. */
const SIGNAL_ECHO_MS = 1000;

/** A path as the user would type it here: relative inside the working directory, absolute elsewhere. */
function shownPath(cwd: string, p: string): string {
  const rel = path.relative(cwd, p);
  return rel === '' ? '.' : rel.startsWith('..') || path.isAbsolute(rel) ? p : rel;
}

/** Calls fn at most once per interval, with a trailing call so the last update is not lost. */
function throttled(fn: () => void, intervalMs: number): { call: () => void; cancel: () => void } {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = -Infinity;
  const run = () => {
    timer = null;
    last = Date.now();
    fn();
  };
  return {
    call: () => {
      if (timer !== null) return;
      const wait = last + intervalMs - Date.now();
      if (wait <= 0) run();
      else timer = setTimeout(run, wait);
    },
    cancel: () => {
      if (timer !== null) clearTimeout(timer);
      timer = null;
    },
  };
}

export async function runCommand(args: RunArgs, io: CliIo): Promise<number> {
  const out = path.resolve(io.cwd, args.out);
  const setup = resolveSetup(args, io.cwd);
  const { config } = setup;
  const secrets = secretsFromEnv(config, io.env);
  const secretValues = Object.values(secrets).filter((s): s is string => typeof s === 'string' && s.length >= 4);
  const redact = (text: string) => secretValues.reduce((t, s) => t.split(s).join('***'), text);
  const progress = new Progress(io.stderr, { quiet: args.quiet });
  const say = (text: string) => progress.message(redact(text));

  const workerFactory = nodeMetricWorkerFactory();
  const built = buildOrExplain(config, {
    rows: setup.rows,
    secrets,
    workerFactory,
    // lazy: the file is read at the first call, by which time the run directory exists
    cacheStore: new FileCacheStore(path.join(setup.runDirPath, RUN_FILES.cache)),
    ...(args.demoLatencyMs !== undefined ? { demoLatencyMs: args.demoLatencyMs } : {}),
  });
  try {
    const { cap, warning } = checkBudget(config, { train: built.train.length, val: built.val.length });
    if (warning) progress.message(`warning: ${warning}`, true);
    await checkCustomMetric(config, workerFactory);
    await checkEndpoints(config, secrets);
    return await drive({ args, io, out, setup, built, cap, progress, say, redact });
  } catch (err) {
    if (err instanceof RunConfigError || err instanceof GepaConfigError)
      throw new RunConfigError(err.field, redact(err.message.slice(err.field.length + 2)));
    throw err;
  } finally {
    built.dispose();
    progress.finish();
  }
}

interface DriveContext {
  args: RunArgs;
  io: CliIo;
  out: string;
  setup: Setup;
  built: BuiltRun;
  cap: number | null;
  progress: Progress;
  say: (text: string) => void;
  redact: (text: string) => string;
}

async function drive(ctx: DriveContext): Promise<number> {
  const { args, io, out, setup, built, cap, progress, say, redact } = ctx;
  const { config, opened } = setup;
  checkWritable(out);
  const runDir = opened ? opened.dir : RunDir.create(setup.runDirPath, config, randomUUID());
  const shownDir = shownPath(io.cwd, runDir.path);
  if (runDir.clearStop()) say(`removed an old ${path.join(shownDir, RUN_FILES.stop)} so the run does not stop at once`);

  const committed: RunEvent[] = opened ? [...opened.events] : [];
  let pending: RunEvent[] = [];
  const baseUsage = opened?.usage ?? null;
  const usageNow = (): UsageSnapshot => addUsage(baseUsage, usageSnapshot(built));

  const show = (e: RunEvent, onProgress = true) => {
    if (args.jsonEvents) io.stdout.write(JSON.stringify(e) + '\n');
    if (onProgress) progress.onEvent(e);
  };
  const emit = (e: RunEvent, onProgress = true) => {
    const event: RunEvent =
      (e.type === 'log' || e.type === 'status') && e.message !== undefined ? { ...e, message: redact(e.message) } : e;
    pending.push(event);
    show(event, onProgress);
  };
  const log = (level: LogLevel, message: string, iteration?: number) =>
    emit(iteration === undefined ? { type: 'log', level, message } : { type: 'log', level, message, iteration });
  const setStatus = (status: RunStatus, message?: string) =>
    emit(message === undefined ? { type: 'status', status } : { type: 'status', status, message });
  // usage is not an iteration's event: it is cumulative, kept in usage.json and sent at most 4 times a second
  const usage = throttled(() => show({ type: 'usage', usage: usageNow() }), 250);
  const unsubscribe = built.meter.subscribe(usage.call);

  const abort = new AbortController();
  // every LM call in flight listens to the run's signal
  setMaxListeners(0, abort.signal);
  // set by the signal handler and the stop condition (an object, so the compiler does not narrow them away)
  const flags: { interrupted: { signal: StopSignal; at: number } | null; stopFileSeen: boolean } = {
    interrupted: null,
    stopFileSeen: false,
  };
  const removeSignalHandler = io.onSignal((signal) => {
    const first = flags.interrupted;
    if (first) {
      if (Date.now() - first.at > SIGNAL_ECHO_MS) io.exit(EXIT[first.signal]);
      return;
    }
    flags.interrupted = { signal, at: Date.now() };
    progress.message(`${signal}: stopping at the last checkpoint (press Ctrl-C again to quit at once)`, true);
    abort.abort(new Error(`interrupted (${signal})`));
  });
  const stopFile: StopCondition = {
    kind: 'custom',
    name: 'stop file',
    shouldStop: () => (flags.stopFileSeen = runDir.stopRequested()),
  };

  // a resumed run's chart continues from its last point (not from 0)
  const lastScore =
    committed.findLast((e): e is Extract<RunEvent, { type: 'score' }> => e.type === 'score')?.point ?? null;
  const translation = translateRunEvents({ valCount: built.val.length, cap, emit: (e) => emit(e), log, lastScore });
  for (const e of committed) progress.absorb(e);
  say(
    `${opened ? 'resuming' : 'starting'} "${config.name}": ${built.train.length} train / ${built.val.length} val examples, budget ${cap ?? 'none'} metric calls`,
  );
  say(
    `checkpoints: ${shownDir}${opened ? ` (from iteration ${opened.state.iteration})` : ''}; stop gracefully with: touch ${path.join(shownDir, RUN_FILES.stop)}`,
  );
  setStatus('starting');
  emit({ type: 'examples', train: built.train.length, val: built.val });
  emit({ type: 'budget', used: opened?.state.totalMetricCalls ?? 0, cap, iteration: opened?.state.iteration ?? 0 });
  setStatus('running');
  progress.start();

  let result: GepaResult;
  try {
    result = await optimize({
      ...built.options,
      signal: abort.signal,
      callbacks: translation.callbacks,
      onTrackingEvent: translation.onTrackingEvent,
      stopConditions: stopFile,
      checkpoint: (state) => {
        try {
          const line = runDir.commit(pending, state, usageNow());
          if (args.jsonEvents) io.stdout.write(JSON.stringify(line) + '\n');
        } catch (err) {
          throw new CliError(
            `could not write the checkpoint to ${shownDir}: ${err instanceof Error ? err.message : String(err)}`,
            EXIT.failed,
          );
        }
        committed.push(...pending);
        pending = [];
        return runDir.path;
      },
      ...(opened ? { resumeFrom: opened.state } : {}),
    });
  } catch (err) {
    if (err instanceof GepaConfigError || err instanceof CliError) throw err;
    const signal = flags.interrupted?.signal;
    if (signal)
      throw new CliError(
        `interrupted by ${signal} before the seed prompt was scored: there is no checkpoint to resume; start the run again`,
        EXIT[signal],
      );
    throw new CliError(
      redact(`scoring the seed prompt failed, so the run could not start: ${runErrorText(err)}`),
      EXIT.failed,
    );
  } finally {
    unsubscribe();
    usage.cancel();
    removeSignalHandler();
  }

  const stop = flags.interrupted;
  const stopFileSeen = flags.stopFileSeen;
  // the engine rolled the interrupted iteration back to the last checkpoint: so do its events
  if (stop) pending = [];
  const summary = translation.summary();
  const fatal = translation.fatal();
  const iterations = summary?.totalIterations ?? 0;
  const stopReason = stop
    ? `interrupted (${stop.signal})`
    : stopFileSeen
      ? `stopped: ${path.join(shownDir, RUN_FILES.stop)} was found`
      : result.stopReason;
  const ending: { status: 'finished' | 'stopped' | 'error'; message: string; code: number } = stop
    ? {
        status: 'stopped',
        message: `interrupted by ${stop.signal} after iteration ${iterations}; continue with --resume ${shownDir}`,
        code: EXIT[stop.signal],
      }
    : stopFileSeen
      ? {
          status: 'stopped',
          message: `stopped after iteration ${iterations}: ${path.join(shownDir, RUN_FILES.stop)} was found`,
          code: EXIT.ok,
        }
      : fatal
        ? { status: 'error', message: `${stopReason}; last error: ${fatal}`, code: EXIT.failed }
        : { status: 'finished', message: stopReason, code: EXIT.ok };
  if (stopFileSeen) runDir.clearStop();

  // the closing lines below say it on stderr
  emit({ type: 'log', level: fatal ? 'error' : 'info', message: `Run ended: ${stopReason}` }, false);
  if (summary) emit({ type: 'summary', summary: { ...summary, stopReason } });
  emit({ type: 'result', result: result.toDict() });
  const finalUsage = usageNow();
  show({ type: 'usage', usage: finalUsage });
  setStatus(ending.status, ending.message);
  runDir.writeUsage(finalUsage);

  const record = emptyRecord(runDir.meta.runId, config);
  Object.assign(record, foldRunEvents(record, [...committed, ...pending]));
  record.usage = finalUsage;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileAtomic(out, JSON.stringify(buildExport(record), null, 2) + '\n');

  if (!args.quiet || ending.code !== EXIT.ok) {
    progress.finish();
    const best = result.bestIdx;
    const scores = result.valAggregateScores;
    progress.message(`${ending.status}: ${ending.message}`, true);
    progress.message(
      `best: candidate ${best} of ${scores.length}, ${(scores[best] ?? 0).toFixed(3)} on the valset (seed ${(scores[0] ?? 0).toFixed(3)}), ${iterations} iterations, ${result.totalMetricCalls ?? 0} metric calls`,
      true,
    );
    progress.message(`result: ${shownPath(io.cwd, out)} (open it in the studio with "Open export…")`, true);
  }
  return ending.code;
}
