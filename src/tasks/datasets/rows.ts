// What every parser produces: plain rows that remember the file line they started on, so errors found
// later (a missing field, a duplicate id) can still point the user at the right line.
import { DatasetError } from '../types.ts';

export interface DatasetRow {
  /** 1-based line of the file where the row starts */
  line: number;
  values: Record<string, unknown>;
}

export type DatasetFormat = 'jsonl' | 'json' | 'csv';

export interface ParsedDataset {
  format: DatasetFormat;
  rows: DatasetRow[];
  /** every field name seen, in first-seen order (the CSV header, or the union of object keys) */
  columns: string[];
  /** what reading the file changed, e.g. an invisible character removed from a field name */
  warnings: string[];
}

export interface DatasetLimits {
  /** UTF-8 size of the text */
  maxBytes: number;
  maxRows: number;
}

// GEPA needs a few hundred examples at most; bigger files only slow the tab down.
export const DEFAULT_LIMITS: DatasetLimits = { maxBytes: 20 * 1024 * 1024, maxRows: 100_000 };

/** Maps a character offset to its 1-based line (binary search over newline offsets). */
export function lineLocator(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  };
}

/** Throws once a file has more rows than the limit; called as each row is added. */
export function checkRowLimit(count: number, limits: DatasetLimits, fileName: string, line: number): void {
  if (count > limits.maxRows) {
    throw new DatasetError(
      `the file has more than ${limits.maxRows.toLocaleString('en-US')} rows (the limit); ` +
        'keep a sample of a few hundred to a few thousand examples',
      fileName,
      line,
    );
  }
}

export function describeValue(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  return `a ${typeof v}`;
}

/** Union of keys in first-seen order. */
export function columnsOf(rows: DatasetRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const key of Object.keys(row.values)) seen.add(key);
  return [...seen];
}
