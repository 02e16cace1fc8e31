// Object keys of JSON and JSONL rows cleaned like CSV header names: a key with an invisible character
// (a zero-width space, a BOM, a no-break space) is renamed to what it shows, with a warning that names the
// character and the line the key is first seen on. Rows without such keys are returned as they are.
import { DatasetError } from '../types.ts';
import { cleanName, describeChar, describeFound, showInvisible } from './invisibleChars.ts';
import { columnsOf, type DatasetRow } from './rows.ts';

export interface CleanedRows {
  rows: DatasetRow[];
  columns: string[];
  warnings: string[];
}

export function cleanRowKeys(rows: DatasetRow[], fileName: string): CleanedRows {
  const columns = columnsOf(rows);
  const renames = new Map<string, string>();
  const warnings: string[] = [];
  for (const key of columns) {
    const cleaned = cleanName(key);
    if (cleaned.found.length === 0) continue;
    const line = rows.find((r) => key in r.values)?.line;
    const where = `key "${showInvisible(key)}" (first on line ${line})`;
    if (!cleaned.name) {
      const chars = [...new Set(cleaned.found.map((f) => f.code))].map(describeChar).join(' and ');
      warnings.push(`${where} is only ${chars}; kept as it is`);
      continue;
    }
    renames.set(key, cleaned.name);
    warnings.push(`${where} had ${describeFound(cleaned)}`);
  }
  if (renames.size === 0) return { rows, columns, warnings };
  const renamed = rows.map((row) => {
    const values: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(row.values)) {
      const name = renames.get(key) ?? key;
      if (name in values) {
        throw new DatasetError(
          `the object has two keys that read "${name}" once invisible characters are removed: ` +
            `${Object.keys(row.values)
              .filter((k) => (renames.get(k) ?? k) === name)
              .map((k) => `"${showInvisible(k)}"`)
              .join(' and ')}; keep one`,
          fileName,
          row.line,
          name,
        );
      }
      values[name] = value;
    }
    return { line: row.line, values };
  });
  return { rows: renamed, columns: columnsOf(renamed), warnings };
}
