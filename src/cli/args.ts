// The command line: `gepa-studio run --config FILE --out FILE [...]` and `--help`. Parsing only (no I/O),
// so every flag combination is tested without starting a run. A wrong command line is a UsageError:
// the CLI prints its message and a pointer to --help, and exits 2.
import { parseArgs } from 'node:util';
import { errorMessage } from '../engine/index.ts';

export interface RunArgs {
  /** the run configuration (a RunConfig, or a studio export whose `config` is one) */
  config?: string;
  /** the result file (the studio's export format) */
  out: string;
  /** the HTML report (default: report.html in the run directory) */
  report?: string;
  /** where checkpoints go (default: next to the result file) */
  runDir?: string;
  /** continue the run whose checkpoints are in this directory */
  resume?: string;
  jsonEvents: boolean;
  quiet: boolean;
  /** simulated latency of the offline demo model, ms per call */
  demoLatencyMs?: number;
  /** the longest the run waits at its end for experiment tracking to deliver, in seconds */
  trackingWaitS?: number;
}

/** `gepa-studio tracking resend RUN_DIR_OR_FILE`: what a run could not deliver to MLflow, sent again */
export interface ResendArgs {
  /** a run directory (its tracking-undelivered.jsonl) or such a file */
  target: string;
  /** the MLflow server, when the run directory's config.json does not name it (a file from the studio) */
  trackingUri?: string;
  /** the MLflow run the items go to, when tracking.json does not name it */
  runId?: string;
  /** the experiment a run is created in (a "start" item), when config.json does not name it */
  experiment?: string;
  /** the longest the command waits for the server to take everything, in seconds */
  waitS?: number;
}

export type Command = { kind: 'help' } | { kind: 'run'; args: RunArgs } | { kind: 'resend'; args: ResendArgs };

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export const HELP = `gepa-studio — GEPA prompt optimisation from the command line (the studio's engine, headless)

Usage:
  gepa-studio run --config run.json --out result.json [options]
  gepa-studio run --resume RUN_DIR --out result.json [options]
  gepa-studio tracking resend RUN_DIR_OR_FILE [options]
  gepa-studio --help

Options for run:
  --config FILE      the run configuration: the JSON the studio exports (a run config, or a whole
                     exported run, whose "config" is used). dataset.path is relative to this file.
  --out FILE         where the result goes: the studio's export format (open it in the studio with
                     "Open export…"); its "result" is the GEPAResult.to_dict() of the run
  --report FILE      where the HTML report goes: one self-contained file (lineage tree, score chart,
                     proposals with diffs, texts, per-example scores) that opens offline in a browser
                     (default: report.html in the run directory)
  --run-dir DIR      where checkpoints go (default: <out without .json>-run next to the result)
  --resume DIR       continue the run checkpointed in DIR, with DIR's config (or --config, which
                     must then be the same)
  --json-events      stream the run's events as JSON lines on stdout
  --quiet            no progress bar or progress lines on stderr (errors are still printed)
  --demo-latency MS  simulated latency per call of the offline demo model (to watch a demo run)
  --tracking-wait S  the longest the run waits at its end for MLflow and W&B to take what is left (default 30);
                     what is not delivered by then is kept in RUN_DIR/tracking-undelivered.jsonl
  -h, --help         this help

Options for tracking resend (sends RUN_DIR/tracking-undelivered.jsonl's MLflow items again; the file then
holds only what is still undelivered, and is removed when nothing is; W&B items are kept: W&B's SDK cannot
resume a run). Exit codes: 0 all delivered, 1 some remain, 2 bad input (a malformed line is named and kept).
  --tracking-uri URL  the MLflow server (default: the run directory's config.json)
  --run-id ID         the MLflow run the items go to (default: the run directory's tracking.json)
  --experiment NAME   where a run is created when the items start one (default: config.json)
  --tracking-wait S   the longest it waits for the server to take everything (default 30)

Several proposals per round (the config's "options"; the studio's "Proposals per round" and "Keep"):
  "samplingStrategy"   "single" (default: one proposal per round), {"kind": "same_parent", "n": 4},
                       {"kind": "independent", "n": 4} (n parents) or {"kind": "pxn", "p": 2, "n": 2}
                       (p parents x n proposals each); n and p are whole numbers from 1 to 64
  "selectionStrategy"  which of a round's improving proposals are kept: "all" (default), "best" or
                       {"kind": "top_k", "k": 2}
  e.g. "options": { "samplingStrategy": { "kind": "independent", "n": 4 }, "selectionStrategy": "best" }
  A round's reflection calls and minibatch evaluations run concurrently (within "concurrency"), so it
  takes about as long as one proposal; but it spends more metric calls before any proposal is
  accepted, so a small budget buys fewer rounds.

Advanced (the config's "options"; the studio's "Advanced options"):
  "valsetGateSize"     val examples a new candidate scores on first; stops if worse than its parent (default 0 = off)
  "reflectionRetries"  times to ask the reflection LM again when its reply has no usable instruction (default 0)

API keys come from the environment variables the config names (taskLm.apiKeyEnv,
reflectionLm.apiKeyEnv, judgeLm.apiKeyEnv), never from the config file.

Experiment tracking (the config's "tracking"): "mlflow": {"trackingUri", "experimentName", "runName",
"runId" (log into this existing run, never create or end it), "tags"} and "keyPrefix" (before every key).
MLflow credentials come from MLFLOW_TRACKING_TOKEN, or MLFLOW_TRACKING_USERNAME and MLFLOW_TRACKING_PASSWORD.
A tracking server that fails never stops or slows the run.

Stopping: Ctrl-C (or SIGTERM) stops at the last checkpoint and exits 130 (143 for SIGTERM);
creating the file DIR/stop ends the run at the next iteration boundary and writes the result (exit 0).
Exit codes: 0 finished or stopped by the stop file, 1 the run failed, 2 a bad command line or config.
`;

function positiveInt(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`${flag} must be a whole number of milliseconds, got ${JSON.stringify(value)}`);
  return Number(value);
}

function parseResend(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        'tracking-uri': { type: 'string' },
        'run-id': { type: 'string' },
        experiment: { type: 'string' },
        'tracking-wait': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(errorMessage(err));
  }
  const { values: v, positionals } = parsed;
  if (v.help) return { kind: 'help' };
  if (positionals[0] !== 'resend')
    throw new UsageError(
      positionals[0] === undefined
        ? 'no tracking command given: use "gepa-studio tracking resend RUN_DIR"'
        : `unknown tracking command "${positionals[0]}" (the command is "tracking resend")`,
    );
  const target = positionals[1];
  if (target === undefined)
    throw new UsageError('tracking resend needs the run directory (or its tracking-undelivered.jsonl)');
  if (positionals.length > 2) throw new UsageError(`unexpected argument "${positionals[2]}"`);
  const wait = v['tracking-wait'];
  if (wait !== undefined && !/^\d+(\.\d+)?$/.test(wait))
    throw new UsageError(`--tracking-wait must be a number of seconds, got ${JSON.stringify(wait)}`);
  return {
    kind: 'resend',
    args: {
      target,
      ...(v['tracking-uri'] ? { trackingUri: v['tracking-uri'] } : {}),
      ...(v['run-id'] ? { runId: v['run-id'] } : {}),
      ...(v.experiment ? { experiment: v.experiment } : {}),
      ...(wait !== undefined ? { waitS: Number(wait) } : {}),
    },
  };
}

export function parseCommand(argv: readonly string[]): Command {
  if (argv[0] === 'tracking') return parseResend(argv.slice(1));
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        config: { type: 'string' },
        out: { type: 'string' },
        report: { type: 'string' },
        'run-dir': { type: 'string' },
        resume: { type: 'string' },
        'json-events': { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        'demo-latency': { type: 'string' },
        'tracking-wait': { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (err) {
    throw new UsageError(errorMessage(err));
  }
  const { values: v, positionals } = parsed;
  if (v.help || positionals[0] === 'help') return { kind: 'help' };
  if (positionals.length === 0)
    throw new UsageError('no command given: use "gepa-studio run --config run.json --out result.json"');
  if (positionals[0] !== 'run')
    throw new UsageError(`unknown command "${positionals[0]}" (the commands are "run" and "tracking resend")`);
  if (positionals.length > 1) throw new UsageError(`unexpected argument "${positionals[1]}"`);
  if (!v.out) throw new UsageError('--out FILE is required: the result file to write');
  if (!v.config && !v.resume) throw new UsageError('--config FILE is required (or --resume DIR to continue a run)');
  if (v.resume && v['run-dir'] && v['run-dir'] !== v.resume)
    throw new UsageError('--resume DIR continues in DIR: leave out --run-dir, or give the same directory');
  const demoLatencyMs = positiveInt(v['demo-latency'], '--demo-latency');
  const trackingWait = v['tracking-wait'];
  if (trackingWait !== undefined && !/^\d+(\.\d+)?$/.test(trackingWait))
    throw new UsageError(`--tracking-wait must be a number of seconds, got ${JSON.stringify(trackingWait)}`);
  return {
    kind: 'run',
    args: {
      out: v.out,
      jsonEvents: v['json-events'] ?? false,
      quiet: v.quiet ?? false,
      ...(v.config ? { config: v.config } : {}),
      ...(v.report ? { report: v.report } : {}),
      ...(v['run-dir'] ? { runDir: v['run-dir'] } : {}),
      ...(v.resume ? { resume: v.resume } : {}),
      ...(demoLatencyMs !== undefined ? { demoLatencyMs } : {}),
      ...(trackingWait !== undefined ? { trackingWaitS: Number(trackingWait) } : {}),
    },
  };
}
