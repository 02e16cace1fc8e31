// `gepa-studio run`: loads and checks the config (dataset, keys, budget, metric, endpoints), then runs it
// through the run driver the studio's worker uses (src/run/runDriver.ts), as its terminal host: events go
// to events.jsonl (committed with each checkpoint), to --json-events and to the progress on stderr; the
// stop file is its stop condition and SIGINT/SIGTERM its abort; checkpoints go to the run directory. At
// the end it writes the result in the studio's export format and returns the exit code.
// Invariants: the events of an iteration reach events.jsonl with that iteration's checkpoint, never
// before, so an aborted iteration (rolled back by the engine) leaves no trace and a resumed run's result
// holds the whole history exactly once; no API key is printed, stored or exported.
import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { errorMessage, GepaConfigError } from '../engine/index.ts';
import type { BuiltRun, RunSecrets } from '../run/buildRun.ts';
import { buildExport, emptyExportedRun } from '../run/exportFormat.ts';
import { foldRunEvents } from '../run/foldRunEvents.ts';
import { redactor } from '../run/redact.ts';
import { RunConfigError } from '../run/runConfig.ts';
import { RunDriver } from '../run/runDriver.ts';
import type { HostStop, RunHost } from '../run/runDriver.ts';
import type { RunEvent, UsageSnapshot } from '../run/runEvent.ts';
import type { RunArgs } from './args.ts';
import { FileCacheStore } from './fileCacheStore.ts';
import { secretsFromEnv } from './loadConfig.ts';
import { nodeMetricWorkerFactory } from './nodeMetricWorker.ts';
import { checkBudget, checkCustomMetric, checkEndpoints } from './preflight.ts';
import { Progress } from './progress.ts';
import type { ProgressStream } from './progress.ts';
import { RUN_FILES, RunDir, writeFileAtomic } from './runDir.ts';
import { nodeFetch } from './nodeFetch.ts';
import { buildOrExplain, checkWritable, resolveSetup } from './runSetup.ts';
import { reportPath, writeReport } from './reportFile.ts';
import { writeBestOutputs } from './bestOutputsFile.ts';
import { isSearchRun } from '../run/runMode.ts';
import { mlflowAuthFromEnv, startCliTracking, wandbFromEnv } from './cliTracking.ts';
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

export async function runCommand(args: RunArgs, io: CliIo): Promise<number> {
  const out = path.resolve(io.cwd, args.out);
  const setup = resolveSetup(args, io.cwd);
  const { config } = setup;
  // tracking credentials are redacted like API keys, from every text the run reports
  const secrets: RunSecrets = {
    ...secretsFromEnv(config, io.env),
    ...(config.tracking?.mlflow ? mlflowAuthFromEnv(io.env).secrets : {}),
    ...(config.tracking?.wandb ? { wandbApiKey: wandbFromEnv(io.env).apiKey } : {}),
  };
  const redact = redactor(secrets);
  const progress = new Progress(io.stderr, { quiet: args.quiet });
  const say = (text: string) => progress.message(redact(text));

  const workerFactory = nodeMetricWorkerFactory();
  const built = buildOrExplain(config, {
    rows: setup.rows,
    secrets,
    workerFactory,
    // lazy: the file is read at the first call, by which time the run directory exists
    cacheStore: new FileCacheStore(path.join(setup.runDirPath, RUN_FILES.cache)),
    // node:http instead of undici's fetch: about half the CPU per LM call
    fetch: nodeFetch,
    ...(args.demoLatencyMs !== undefined ? { demoLatencyMs: args.demoLatencyMs } : {}),
  });
  try {
    const { cap, warning } = checkBudget(config, { train: built.train.length, val: built.val.length });
    if (warning) progress.message(`warning: ${warning}`, true);
    await checkCustomMetric(config, workerFactory);
    await checkEndpoints(config, secrets);
    return await drive({ args, io, out, setup, built, cap, progress, say, secrets, redact });
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
  secrets: RunSecrets;
  redact: (text: string) => string;
}

async function drive(ctx: DriveContext): Promise<number> {
  const { args, io, out, setup, built, cap, progress, say } = ctx;
  const { config, opened } = setup;
  checkWritable(out);
  const runDir = opened ? opened.dir : RunDir.create(setup.runDirPath, config, randomUUID());
  const shownDir = shownPath(io.cwd, runDir.path);
  const stopPath = path.join(shownDir, RUN_FILES.stop);
  if (runDir.clearStop()) say(`removed an old ${stopPath} so the run does not stop at once`);

  const committed: RunEvent[] = opened ? [...opened.events] : [];
  let pending: RunEvent[] = [];
  // after the engine returned, the closing lines on stderr say how the run ended: its log is not shown
  let closing = false;
  const show = (e: RunEvent) => {
    if (args.jsonEvents) io.stdout.write(JSON.stringify(e) + '\n');
    if (!(closing && e.type === 'log')) progress.onEvent(e);
  };

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
  const stopFileStop: HostStop = {
    reason: `stopped: ${stopPath} was found`,
    message: (iteration) => `stopped after iteration ${iteration ?? 0}: ${stopPath} was found`,
  };
  const signalStop = (signal: StopSignal): HostStop => ({
    reason: `interrupted (${signal})`,
    message: (iteration) =>
      iteration === null
        ? `interrupted by ${signal} before the seed prompt was scored: there is no checkpoint to resume; ` +
          'start the run again'
        : `interrupted by ${signal} after iteration ${iteration}; continue with --resume ${shownDir}`,
  });

  // set once the driver exists; until the run ends, tracking problems are the run's log warnings
  const runLog: { warn: ((message: string) => void) | null } = { warn: null };
  const tracking = startCliTracking({
    config,
    env: io.env,
    runDir: runDir.path,
    shownDir,
    redact: ctx.redact,
    ...(args.trackingWaitS !== undefined ? { timing: { finishTimeoutMs: args.trackingWaitS * 1000 } } : {}),
    onProblem: (message) => (runLog.warn ? runLog.warn(message) : progress.message(ctx.redact(message), true)),
  });

  const host: RunHost = {
    ...(tracking ? { track: tracking.onTrackingEvent } : {}),
    emit: (e) => {
      // usage is not an iteration's event: it is cumulative, kept in usage.json
      if (e.type !== 'usage') pending.push(e);
      show(e);
    },
    signal: abort.signal,
    runDir: runDir.path,
    stopConditions: [
      { kind: 'custom', name: 'stop file', shouldStop: () => (flags.stopFileSeen = runDir.stopRequested()) },
    ],
    checkpoint: (state, _info, usage) => {
      try {
        const line = runDir.commit(pending, state, usage);
        if (args.jsonEvents) io.stdout.write(JSON.stringify(line) + '\n');
      } catch (err) {
        throw new CliError(`could not write the checkpoint to ${shownDir}: ${errorMessage(err)}`, EXIT.failed);
      }
      committed.push(...pending);
      pending = [];
      tracking?.checkpoint();
      return runDir.path;
    },
    stopped: () =>
      flags.interrupted ? signalStop(flags.interrupted.signal) : flags.stopFileSeen ? stopFileStop : null,
    engineReturned: () => {
      closing = true;
      // the engine rolled the interrupted iteration back to the last checkpoint: so do its events
      if (flags.interrupted) pending = [];
    },
  };

  // a resumed run's chart continues from its last point (not from 0)
  const lastScore =
    committed.findLast((e): e is Extract<RunEvent, { type: 'score' }> => e.type === 'score')?.point ?? null;
  for (const e of committed) progress.absorb(e);
  say(
    `${opened ? 'resuming' : 'starting'} "${config.name}": ` +
      (isSearchRun(config)
        ? `inference-time search on ${built.val.length} tasks (each both train and val)`
        : `${built.train.length} train / ${built.val.length} val examples`) +
      `, budget ${cap ?? 'none'} metric calls`,
  );
  say(
    `checkpoints: ${shownDir}${opened ? ` (from iteration ${opened.state.iteration})` : ''}; ` +
      `stop gracefully with: touch ${stopPath}`,
  );
  progress.start();
  const driver = new RunDriver(host, ctx.secrets);
  runLog.warn = (message) => driver.log('warning', message);
  const outcome = await driver
    .run({
      config,
      build: () => built,
      ...(opened ? { resume: { state: opened.state, usage: opened.usage, lastScore } } : {}),
    })
    .finally(removeSignalHandler);
  runLog.warn = null;
  if (tracking) {
    const { lines } = await tracking.finish(outcome.status);
    for (const line of lines) progress.message(line, true);
  }

  const result = outcome.result;
  if (!result) {
    // nothing to write: the seed prompt was never scored, or a checkpoint could not be written
    if (outcome.error instanceof GepaConfigError || outcome.error instanceof CliError) throw outcome.error;
    const signal = flags.interrupted?.signal;
    throw new CliError(outcome.message, signal ? EXIT[signal] : EXIT.failed);
  }
  const stop = flags.interrupted;
  const code =
    outcome.status === 'error' ? EXIT.failed : outcome.status === 'stopped' && stop ? EXIT[stop.signal] : EXIT.ok;
  if (flags.stopFileSeen) runDir.clearStop();

  const finalUsage = outcome.usage as UsageSnapshot;
  runDir.writeUsage(finalUsage);
  const record = emptyExportedRun(runDir.meta.runId, config);
  Object.assign(record, foldRunEvents(record, [...committed, ...pending]));
  record.usage = finalUsage;
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileAtomic(out, JSON.stringify(buildExport(record), null, 2) + '\n');
  const report = reportPath(io.cwd, runDir.path, args.report);
  const reportProblem = writeReport(record, report);
  if (reportProblem) progress.message(`warning: ${reportProblem}`, true);
  const bestOutputs = isSearchRun(config) ? writeBestOutputs(record, runDir.path) : null;
  if (typeof bestOutputs === 'string') progress.message(`warning: ${bestOutputs}`, true);

  if (!args.quiet || code !== EXIT.ok) {
    progress.finish();
    const best = result.bestIdx;
    const scores = result.valAggregateScores;
    progress.message(`${outcome.status}: ${outcome.message}`, true);
    progress.message(
      `best: candidate ${best} of ${scores.length}, ${(scores[best] ?? 0).toFixed(3)} on the valset ` +
        `(seed ${(scores[0] ?? 0).toFixed(3)}), ${outcome.iteration} iterations, ` +
        `${result.totalMetricCalls ?? 0} metric calls`,
      true,
    );
    progress.message(`result: ${shownPath(io.cwd, out)} (open it in the studio with "Open export…")`, true);
    if (!reportProblem) progress.message(`report: ${shownPath(io.cwd, report)} (opens offline in a browser)`, true);
    if (bestOutputs && typeof bestOutputs !== 'string')
      progress.message(
        `best outputs: ${shownPath(io.cwd, bestOutputs.file)} (${bestOutputs.tasks} tasks, ` +
          `mean best score ${bestOutputs.meanScore.toFixed(3)})`,
        true,
      );
  }
  return code;
}
