// From the command line to a checked run: the config (from --config, or the run directory of --resume,
// which a given --config must then match), the built run with its mapping and metric problems named as
// config fields, and the checks on where the run writes.
import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildRun } from '../run/buildRun.ts';
import { sourceRows } from '../run/runDataset.ts';
import type { BuiltRun } from '../run/buildRun.ts';
import type { DatasetRow } from '../tasks/datasets/index.ts';
import { configWithoutSecrets } from '../run/exportFormat.ts';
import { MetricConfigError } from '../tasks/metrics/index.ts';
import { RunConfigError } from '../run/runConfig.ts';
import type { RunConfig } from '../run/runConfig.ts';
import { DatasetError } from '../tasks/types.ts';
import type { RunArgs } from './args.ts';
import { loadConfigFile } from './loadConfig.ts';
import { RUN_FILES, RunDir } from './runDir.ts';
import type { OpenedRun } from './runDir.ts';
import { errorMessage } from '../engine/index.ts';

export function defaultRunDir(out: string): string {
  return out.replace(/\.json$/i, '') + '-run';
}

/** The path of the first value where a and b differ (plain JSON data), or null. */
export function firstDifference(a: unknown, b: unknown, at = ''): string | null {
  if (
    typeof a !== 'object' ||
    typeof b !== 'object' ||
    a === null ||
    b === null ||
    Array.isArray(a) !== Array.isArray(b)
  ) {
    return a === b ? null : at || '(the whole config)';
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const k of keys) {
    const sub = Array.isArray(a) ? `${at}[${k}]` : at ? `${at}.${k}` : k;
    const d = firstDifference((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], sub);
    if (d) return d;
  }
  return null;
}

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v)) as T;

export interface Setup {
  config: RunConfig;
  rows: DatasetRow[];
  opened: OpenedRun | null;
  runDirPath: string;
}

export function resolveSetup(args: RunArgs, cwd: string): Setup {
  const at = (p: string) => path.resolve(cwd, p);
  if (args.resume) {
    const opened = RunDir.open(at(args.resume));
    if (!args.config)
      return {
        config: opened.config,
        rows: sourceRows(opened.config.dataset),
        opened,
        runDirPath: opened.dir.path,
      };
    const loaded = loadConfigFile(at(args.config));
    const diff = firstDifference(plain(configWithoutSecrets(loaded.config)), plain(opened.config));
    if (diff)
      throw new RunConfigError(
        diff,
        `differs from the run's ${RUN_FILES.config} in ${args.resume}: a resumed run continues with the ` +
          'config it started with (leave out --config to use it)',
      );
    return { config: loaded.config, rows: loaded.rows, opened, runDirPath: opened.dir.path };
  }
  const loaded = loadConfigFile(at(args.config as string));
  return { ...loaded, opened: null, runDirPath: at(args.runDir ?? defaultRunDir(args.out)) };
}

/** buildRun, with a mapping or metric problem named as the config field it comes from. */
export function buildOrExplain(config: RunConfig, deps: Parameters<typeof buildRun>[1]): BuiltRun {
  try {
    return buildRun(config, deps);
  } catch (err) {
    if (err instanceof DatasetError) throw new RunConfigError('dataset.mapping', err.message);
    if (err instanceof MetricConfigError) throw new RunConfigError('metric', err.message);
    throw err;
  }
}

/** The result file must be writable before hours are spent on what goes into it. */
export function checkWritable(out: string): void {
  try {
    if (existsSync(out) && statSync(out).isDirectory()) throw new Error('it is a directory');
    mkdirSync(path.dirname(out), { recursive: true });
    accessSync(path.dirname(out), constants.W_OK);
  } catch (err) {
    throw new RunConfigError('--out', `cannot write the result to ${out}: ${errorMessage(err)}`);
  }
}
