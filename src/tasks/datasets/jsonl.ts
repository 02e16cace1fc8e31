// JSON Lines: one object per line. Line numbers are 1-based file lines, blank lines are skipped (a
// trailing newline or a blank separator is common and harmless), CRLF endings are tolerated.
import { DatasetError } from '../types.ts';
import { checkRowLimit, describeValue, type DatasetLimits, type DatasetRow } from './rows.ts';
import { errorMessage } from '../../engine/index.ts';

export function parseJsonl(text: string, fileName: string, limits: DatasetLimits): DatasetRow[] {
  const rows: DatasetRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = (lines[i] as string).trim();
    if (raw === '') continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (err) {
      throw new DatasetError(
        `invalid JSON (${errorMessage(err)}); each line must hold one JSON object`,
        fileName,
        line,
      );
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new DatasetError(`expected a JSON object, found ${describeValue(value)}`, fileName, line);
    }
    rows.push({ line, values: value as Record<string, unknown> });
    checkRowLimit(rows.length, limits, fileName, line);
  }
  return rows;
}
