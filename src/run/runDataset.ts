// A run config's dataset, prepared the one way (tasks/datasets/prepareDataset.ts) and checked against
// the program: its inline rows keep the file lines the config recorded, the JSON field metric keeps
// object answers as JSON, and every template may only name a mapped input. The studio's start checks,
// the CLI and the run builder all call this, so they accept and reject the same data, in the same words.
import { prepareDataset } from '../tasks/datasets/index.ts';
import type { DatasetRow, PreparedDataset } from '../tasks/datasets/index.ts';
import { checkProgramAgainstFields } from './runConfig.ts';
import type { DatasetSource, RunConfig } from './runConfig.ts';
import { withSearchSplit } from './runMode.ts';

/** Inline rows as parser rows: on the file lines given, else 1-based in row order (as in a JSON array file). */
export function inlineRows(rows: Record<string, unknown>[], lines?: readonly number[]): DatasetRow[] {
  return rows.map((values, i) => ({ line: lines?.[i] ?? i + 1, values }));
}

/** Parsed rows as a config holds them inline: the values, and their file lines unless those are just 1, 2, 3… */
export function inlineDataset(
  rows: readonly DatasetRow[],
): Required<Pick<DatasetSource, 'rows'>> & Pick<DatasetSource, 'lines'> {
  const lines = rows.map((r) => r.line);
  return {
    rows: rows.map((r) => r.values),
    ...(lines.some((line, i) => line !== i + 1) ? { lines } : {}),
  };
}

/** The rows of a config whose dataset is inline (the studio's, a run directory's, an export's). */
export function sourceRows(dataset: Pick<DatasetSource, 'rows' | 'lines'>): DatasetRow[] {
  return inlineRows(dataset.rows ?? [], dataset.lines);
}

/** Throws DatasetError (naming file, line and field) or RunConfigError (a template names an unmapped field). */
export function prepareRunDataset(config: RunConfig, rows: readonly DatasetRow[]): PreparedDataset {
  // a search config that skipped validation may still lack its (unused) split
  const dataset = withSearchSplit(config.mode, config.dataset);
  const prepared = prepareDataset(rows, { ...dataset, jsonAnswer: config.metric.kind === 'json_field' });
  checkProgramAgainstFields(config, config.dataset.mapping.inputs);
  return prepared;
}
