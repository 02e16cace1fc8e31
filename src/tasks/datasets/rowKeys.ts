// Object keys of JSON and JSONL rows cleaned like CSV header names: a key with an invisible character
// (a zero-width space, a BOM, a no-break space) is renamed to what it shows, with a warning that names the
// character and the line the key is first seen on; an empty key gets a positional name (column_<n>), as an
// empty CSV header does. Rows without such keys are returned as they are.
import { DatasetError } from '../types.ts';
import { cleanName, describeChar, describeFound, showInvisible } from './invisibleChars.ts';
import { columnsOf, type DatasetRow } from './rows.ts';

export interface CleanedRows {
  rows: DatasetRow[];
  columns: string[];
  warnings: string[];
}

/** `name`, or `name_2`, `name_3`… when a column already has it. */
function freeName(name: string, taken: readonly string[]): string {
  let candidate = name;
  for (let n = 2; taken.includes(candidate); n++) candidate = `${name}_${n}`;
  return candidate;
}

export function cleanRowKeys(rows: DatasetRow[], fileName: string): CleanedRows {
  const columns = columnsOf(rows);
  const renames = new Map<string, string>();
  const warnings: string[] = [];
  columns.forEach((key, i) => {
    const cleaned = cleanName(key);
    // plain spaces around a JSON key are the author's own: only invisible characters and emptiness count
    if (cleaned.found.length === 0 && cleaned.name !== '') return;
    const line = rows.find((r) => key in r.values)?.line;
    const where = `key "${showInvisible(key)}" (first on line ${line})`;
    if (!cleaned.name) {
      // an empty name can be neither shown nor chosen in a mapping: it gets a positional one, as in a CSV
      const name = freeName(`column_${i + 1}`, columns);
      const chars = [...new Set(cleaned.found.map((f) => f.code))].map(describeChar).join(' and ');
      renames.set(key, name);
      warnings.push(`${where} ${chars ? `held only ${chars}` : 'is empty'}; named "${name}"`);
      return;
    }
    renames.set(key, cleaned.name);
    warnings.push(`${where} had ${describeFound(cleaned)}`);
  });
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
