// What a demo task is: a dataset with its field mapping, a seed program and a builtin metric — the
// same things a user sets up for their own data — plus the dataset as JSONL text for the studio to
// offer as a file. The seed programs deliberately leave out the rules the data needs, so a GEPA run
// with the offline demo model has something to discover.
import type { Example, FieldMapping, MetricConfig, Program } from '../types.ts';

export interface DemoTask {
  id: string;
  name: string;
  description: string;
  program: Program;
  fields: FieldMapping;
  metric: MetricConfig;
  /**
   * The dataset as its file holds it: each row has `id`, its input fields and its answer under the
   * task's own field names. Run them through the field mapping (as a user's file would be) to get the
   * Examples the adapter and metrics take.
   */
  rows: Example[];
  /** the rows as JSONL text (one object a line), for download or for the dataset parser */
  jsonl: string;
  /** a file name for the JSONL text */
  fileName: string;
}

/**
 * A demo task from its inline rows and its setup: each row's id is `idPrefix` and its position
 * (prefix-01, prefix-02, …), and the JSONL text and its file name follow from the rows and the task id.
 */
export function demoTask(
  idPrefix: string,
  rows: readonly Record<string, string>[],
  setup: Omit<DemoTask, 'rows' | 'jsonl' | 'fileName'>,
): DemoTask {
  const numberedRows = numbered(idPrefix, rows);
  return { ...setup, rows: numberedRows, jsonl: toJsonl(numberedRows), fileName: `demo-${setup.id}.jsonl` };
}

/** One JSON object per line, newline-terminated. */
export function toJsonl(rows: readonly Example[]): string {
  return rows.map((e) => JSON.stringify(e)).join('\n') + '\n';
}

/** Stable ids for inline rows: prefix-01, prefix-02, … */
function numbered<T extends Record<string, string>>(prefix: string, rows: readonly T[]): Example[] {
  const width = String(rows.length).length;
  return rows.map((row, i) => ({ id: `${prefix}-${String(i + 1).padStart(width, '0')}`, ...row }));
}
