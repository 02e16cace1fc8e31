// The run directory: everything a headless run needs to continue after Ctrl-C, a crash or a reboot.
//   config.json   the run's config (rows inline, no key)      run.json     run id and creation time
//   state.json    the engine state at the last iteration boundary, replaced atomically (temp + rename)
//   events.jsonl  the run's events, append-only; each checkpoint appends its iteration's events, then a
//                 {"type":"checkpoint","iteration":N} line, and only then replaces state.json
//   usage.json    tokens and cost so far (all sessions)       cache.jsonl  the evaluation cache
//   stop          created by the user: the run ends gracefully at the next iteration boundary
//   report.html   the run's HTML report, written at the end (unless --report puts it elsewhere)
// Invariant: the events up to the checkpoint line of state.json's iteration are exactly the events of the
// run that state.json describes; anything after it (a crash between the two writes) is cut on resume.
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { deserializeState, errorMessage, serializeState } from '../engine/index.ts';
import type { GepaState } from '../engine/index.ts';
import { configWithoutSecrets } from '../run/exportFormat.ts';
import { RunConfigError, validateRunConfig } from '../run/runConfig.ts';
import type { RunConfig } from '../run/runConfig.ts';
import type { RunEvent, UsageSnapshot } from '../run/runEvent.ts';
import { FileCacheStore } from './fileCacheStore.ts';

export const RUN_FILES = {
  config: 'config.json',
  meta: 'run.json',
  state: 'state.json',
  events: 'events.jsonl',
  usage: 'usage.json',
  cache: 'cache.jsonl',
  stop: 'stop',
  report: 'report.html',
} as const;

export interface RunMeta {
  runId: string;
  createdAt: string;
}

/** The marker after an iteration's events (the same shape as the studio's event-log marker). */
export interface CheckpointLine {
  type: 'checkpoint';
  iteration: number;
}

/** Writes through a temp file and a rename, so a reader never sees half a file. */
export function writeFileAtomic(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'w');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

function appendDurably(file: string, text: string): void {
  const fd = openSync(file, 'a');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** The events of the run up to its checkpoint for `iteration`, and the text to keep (everything up to that line). */
export function committedEvents(text: string, iteration: number): { events: RunEvent[]; keep: string } | null {
  const lines = text.split('\n');
  let cut = -1;
  const parsed: (RunEvent | CheckpointLine | null)[] = lines.map((line) => {
    try {
      return line ? (JSON.parse(line) as RunEvent | CheckpointLine) : null;
    } catch {
      return null; // a torn line can only follow the last checkpoint line
    }
  });
  parsed.forEach((e, i) => {
    if (e?.type === 'checkpoint' && e.iteration === iteration) cut = i;
  });
  if (cut < 0) return null;
  const events = parsed.slice(0, cut).filter((e): e is RunEvent => e !== null && e.type !== 'checkpoint');
  return { events, keep: lines.slice(0, cut + 1).join('\n') + '\n' };
}

export interface OpenedRun {
  dir: RunDir;
  config: RunConfig;
  state: GepaState;
  /** the events up to the checkpoint */
  events: RunEvent[];
  /** tokens and cost of the earlier sessions */
  usage: UsageSnapshot | null;
}

export class RunDir {
  private constructor(
    readonly path: string,
    readonly meta: RunMeta,
  ) {}

  file(name: keyof typeof RUN_FILES): string {
    return path.join(this.path, RUN_FILES[name]);
  }

  /** A new run directory (created if needed); refuses one that already holds a run. */
  static create(dir: string, config: RunConfig, runId: string): RunDir {
    const abs = path.resolve(dir);
    if (existsSync(path.join(abs, RUN_FILES.state))) {
      throw new RunConfigError(
        '--run-dir',
        `${dir} already holds a run (${RUN_FILES.state}): continue it with --resume ${dir}, ` +
          'or choose another directory',
      );
    }
    mkdirSync(abs, { recursive: true });
    const runDir = new RunDir(abs, { runId, createdAt: new Date().toISOString() });
    writeFileAtomic(runDir.file('config'), JSON.stringify(configWithoutSecrets(config), null, 2) + '\n');
    writeFileAtomic(runDir.file('meta'), JSON.stringify(runDir.meta, null, 2) + '\n');
    // events of an earlier attempt that never reached its first checkpoint belong to no run
    writeFileSync(runDir.file('events'), '');
    return runDir;
  }

  /** An existing run directory, at its last checkpoint. */
  static open(dir: string): OpenedRun {
    const abs = path.resolve(dir);
    const at = (name: keyof typeof RUN_FILES) => path.join(abs, RUN_FILES[name]);
    if (!existsSync(abs)) throw new RunConfigError('--resume', `run directory not found: ${dir}`);
    if (!existsSync(at('state')))
      throw new RunConfigError(
        '--resume',
        `${dir} has no checkpoint (${RUN_FILES.state}): the run stopped before its seed prompt was scored; ` +
          'start it again',
      );
    const read = (name: keyof typeof RUN_FILES): string => {
      if (!existsSync(at(name)))
        throw new RunConfigError('--resume', `${dir} is not a complete run directory: ${RUN_FILES[name]} is missing`);
      return readFileSync(at(name), 'utf8');
    };
    const parse = <T>(name: keyof typeof RUN_FILES, text: string, check: (raw: unknown) => T): T => {
      try {
        return check(JSON.parse(text));
      } catch (err) {
        if (err instanceof RunConfigError)
          throw new RunConfigError(`${RUN_FILES[name]}: ${err.field}`, err.message.slice(err.field.length + 2));
        throw new RunConfigError('--resume', `${path.join(dir, RUN_FILES[name])} is damaged: ${errorMessage(err)}`);
      }
    };
    const stateText = read('state');
    const state = parse('state', stateText, () => deserializeState(stateText));
    const config = parse('config', read('config'), validateRunConfig);
    const meta = parse('meta', read('meta'), (raw) => raw as RunMeta);
    const committed = committedEvents(read('events'), state.iteration);
    if (!committed)
      throw new RunConfigError(
        '--resume',
        `${path.join(dir, RUN_FILES.events)} has no checkpoint line for iteration ${state.iteration}: ` +
          'the run directory is damaged',
      );
    writeFileAtomic(at('events'), committed.keep);
    const usage = existsSync(at('usage'))
      ? parse('usage', readFileSync(at('usage'), 'utf8'), (raw) => raw as UsageSnapshot)
      : null;
    return { dir: new RunDir(abs, meta), config, state, events: committed.events, usage };
  }

  /** One iteration boundary: its events and a checkpoint line, then the state (atomically), then usage. */
  commit(events: readonly RunEvent[], state: GepaState, usage: UsageSnapshot): CheckpointLine {
    // serialised at once: the engine goes on mutating the live state after this hook returns
    const stateText = serializeState(state);
    const line: CheckpointLine = { type: 'checkpoint', iteration: state.iteration };
    appendDurably(this.file('events'), [...events, line].map((e) => JSON.stringify(e)).join('\n') + '\n');
    writeFileAtomic(this.file('state'), stateText);
    this.writeUsage(usage);
    return line;
  }

  writeUsage(usage: UsageSnapshot): void {
    writeFileAtomic(this.file('usage'), JSON.stringify(usage, null, 2) + '\n');
  }

  stopRequested(): boolean {
    return existsSync(this.file('stop'));
  }

  /** Removes the stop file; true when there was one. */
  clearStop(): boolean {
    if (!this.stopRequested()) return false;
    rmSync(this.file('stop'), { force: true });
    return true;
  }

  cacheStore(): FileCacheStore {
    return new FileCacheStore(this.file('cache'));
  }
}
