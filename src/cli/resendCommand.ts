// `gepa-studio tracking resend RUN_DIR_OR_FILE`: sends again what a run could not deliver to MLflow
// (RUN_DIR/tracking-undelivered.jsonl, or a file the studio's "Download undelivered" gave), with the real
// MLflow tracker (its queue, batching, limits, retries), into the run the items belong to: the MLflow run id
// from RUN_DIR/tracking.json (or --run-id), the server and experiment from RUN_DIR/config.json's
// tracking.mlflow (or --tracking-uri, --experiment). Credentials from the environment, as `run` reads them;
// they are redacted from every line printed or kept. The file is rewritten atomically (a temporary file, then
// a rename) to hold only what is still undelivered (removed when nothing is): MLflow items that failed again,
// W&B items (the SDK cannot resume a run), and malformed lines exactly as they were.
// Exit codes: 0 everything delivered, 1 some items remain, 2 bad input (a malformed line: named with its line
// number and kept; no such file; a bad option).
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { errorMessage } from '../engine/index.ts';
import { RunConfigError } from '../run/runConfig.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { redactor } from '../run/redact.ts';
import { MlflowTracker } from '../tracking/mlflow/mlflowTracker.ts';
import type { MlflowTables, MlflowTarget } from '../tracking/mlflow/mlflowTracker.ts';
import { parseUndeliveredLines, resendUndelivered } from '../tracking/resend.ts';
import type { MlflowResender } from '../tracking/resend.ts';
import type { ResendArgs } from './args.ts';
import { mlflowAuthFromEnv, TRACKING_FILES } from './cliTracking.ts';
import { RUN_FILES, writeFileAtomic } from './runDir.ts';
import { CliError, EXIT } from './runCommand.ts';
import type { CliIo } from './runCommand.ts';

/** How many malformed lines are named one by one (the rest are counted). */
const MALFORMED_SHOWN = 20;

function readJson(file: string): unknown {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch (err) {
    throw new CliError(`${file} is not valid JSON: ${errorMessage(err)}`, EXIT.usage);
  }
}

interface TrackingState {
  mlflow?: { runId: string | null; tables?: MlflowTables };
  [backend: string]: unknown;
}

export async function resendCommand(args: ResendArgs, io: CliIo): Promise<number> {
  let credentials;
  try {
    credentials = mlflowAuthFromEnv(io.env);
  } catch (err) {
    throw new CliError(err instanceof RunConfigError ? err.message : errorMessage(err), EXIT.usage);
  }
  const { auth, secrets } = credentials;
  const redact = redactor(secrets);
  const given = path.resolve(io.cwd, args.target);
  if (!existsSync(given)) throw new CliError(`${args.target}: no such file or directory`, EXIT.usage);
  const isDir = statSync(given).isDirectory();
  const file = isDir ? path.join(given, TRACKING_FILES.undelivered) : given;
  const shownFile = isDir ? path.join(args.target, TRACKING_FILES.undelivered) : args.target;
  const runDir = path.dirname(file);
  if (!existsSync(file)) {
    io.stderr.write(`gepa-studio: nothing to resend: ${shownFile} does not exist\n`);
    return EXIT.ok;
  }
  const text = readFileSync(file, 'utf8');

  const statePath = path.join(runDir, TRACKING_FILES.state);
  const state = (readJson(statePath) ?? {}) as TrackingState;
  const config = readJson(path.join(runDir, RUN_FILES.config)) as Partial<RunConfig> | undefined;
  const configured = config?.tracking?.mlflow;

  const trackingUri = args.trackingUri ?? configured?.trackingUri;
  const attachId = args.runId ? undefined : configured?.runId;
  const runId = args.runId ?? attachId ?? state.mlflow?.runId ?? undefined;
  const experimentName = args.experiment ?? configured?.experimentName;
  const items = parseUndeliveredLines(text).flatMap((l) => (l.kind === 'mlflow' ? [l.item] : []));
  const hasStart = items.some((i) => i.kind === 'start');
  let resender: MlflowResender;
  if (!trackingUri)
    resender = {
      cannot:
        `no tracking server: ${path.join(runDir, RUN_FILES.config)} has no tracking.mlflow.trackingUri ` +
        '(give --tracking-uri URL)',
    };
  else if (!/^https?:\/\/[^/]/.test(trackingUri))
    throw new CliError(`the tracking URI must be an http(s) URL, not "${trackingUri}"`, EXIT.usage);
  else if (!runId && !hasStart)
    resender = {
      cannot:
        `no MLflow run to send them to: ${statePath} names none and the file has no "start" item ` +
        '(give --run-id ID)',
    };
  else if (!runId && !experimentName)
    resender = { cannot: 'creating their MLflow run needs its experiment (give --experiment NAME)' };
  else {
    const target: MlflowTarget = {
      trackingUri,
      experimentName: experimentName ?? '',
      ...(configured?.runName ? { runName: configured.runName } : {}),
      ...(configured?.tags ? { tags: configured.tags } : {}),
      ...(attachId ? { runId: attachId } : {}),
    };
    const tracker = new MlflowTracker({
      target,
      auth,
      redact,
      ...(runId && !attachId ? { continueRunId: runId } : {}),
      timing: { flushDelayMs: 0, finishTimeoutMs: (args.waitS ?? 30) * 1000 },
    });
    resender = (toSend) => tracker.resend(toSend);
  }

  const result = await resendUndelivered(text, resender);

  // a run created now is the one a later --resume continues
  if (result.runId && !attachId && result.runId !== state.mlflow?.runId && (existsSync(statePath) || config)) {
    try {
      writeFileAtomic(statePath, JSON.stringify({ ...state, mlflow: { ...state.mlflow, runId: result.runId } }) + '\n');
    } catch (err) {
      io.stderr.write(
        redact(`gepa-studio: could not record the MLflow run id in ${statePath}: ${errorMessage(err)}\n`),
      );
    }
  }
  if (result.kept.length) writeFileAtomic(file, result.kept.join('\n') + '\n');
  else rmSync(file, { force: true });

  for (const note of result.notes) io.stderr.write(redact(`gepa-studio: ${note}\n`));
  for (const m of result.malformed.slice(0, MALFORMED_SHOWN))
    io.stderr.write(`gepa-studio: ${shownFile}:${m.line}: malformed line, kept as it was: ${m.problem}\n`);
  if (result.malformed.length > MALFORMED_SHOWN)
    io.stderr.write(`gepa-studio: … and ${result.malformed.length - MALFORMED_SHOWN} more malformed line(s), kept\n`);
  const where = result.kept.length ? `kept in ${shownFile}` : `${shownFile} removed`;
  io.stderr.write(
    redact(
      `gepa-studio: resent ${result.resent} of ${result.total} items to MLflow run ${result.runId ?? '(none)'}; ` +
        `${result.kept.length} still undelivered, ${where}\n`,
    ),
  );
  if (result.malformed.length) return EXIT.usage;
  return result.kept.length ? EXIT.failed : EXIT.ok;
}
