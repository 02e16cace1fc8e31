// Entry point for a dropped or pasted file: strips the BOM, enforces the size limit, picks the format
// from the extension (or the content, when the name says nothing) and returns rows with line numbers.
import { DatasetError } from '../types.ts';
import { parseCsv } from './csv.ts';
import { parseJsonArray } from './jsonArray.ts';
import { parseJsonl } from './jsonl.ts';
import { cleanRowKeys } from './rowKeys.ts';
import { DEFAULT_LIMITS, type DatasetFormat, type DatasetLimits, type ParsedDataset } from './rows.ts';

export interface ParseDatasetOptions {
  limits?: Partial<DatasetLimits>;
  /** skip detection (e.g. the user picked the format by hand) */
  format?: DatasetFormat;
}

function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      bytes += 4; // a surrogate pair is one 4-byte code point
      i++;
    } else bytes += 3;
  }
  return bytes;
}

function formatSize(bytes: number): string {
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / (1024 * 1024), 'MB'] : bytes >= 1024 ? [bytes / 1024, 'KB'] : [bytes, 'bytes'];
  return `${value.toFixed(1).replace(/\.0$/, '')} ${unit}`;
}

function checkSize(text: string, limits: DatasetLimits, fileName: string): void {
  // UTF-8 is 1–3 bytes per UTF-16 unit: only count exactly when the quick bounds cannot decide
  if (text.length * 3 <= limits.maxBytes) return;
  const bytes = utf8Length(text);
  if (bytes > limits.maxBytes) {
    throw new DatasetError(
      `the file is ${formatSize(bytes)}, over the ${formatSize(limits.maxBytes)} limit; ` +
        'keep a sample of a few hundred to a few thousand examples',
      fileName,
    );
  }
}

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot === -1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

/** Format by extension; by the first character when the extension is unknown (e.g. pasted text). */
export function detectFormat(text: string, fileName: string): { format: DatasetFormat; delimiter?: string } {
  const ext = extensionOf(fileName);
  if (ext === 'jsonl' || ext === 'ndjson' || ext === 'jsonlines') return { format: 'jsonl' };
  if (ext === 'csv') return { format: 'csv' };
  if (ext === 'tsv' || ext === 'tab') return { format: 'csv', delimiter: '\t' };
  const first = text.trimStart()[0];
  if (first === '[') return { format: 'json' };
  if (first === '{') return { format: 'jsonl' };
  return { format: 'csv' };
}

// A .json file that starts with "{" is usually JSONL saved under the wrong name; but a single
// pretty-printed object (e.g. {"data": [...]}) would otherwise fail with a puzzling line-1 error.
function rejectSingleObject(text: string, fileName: string): void {
  const trimmed = text.trim();
  if (!trimmed.includes('\n')) return;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return; // not one object: parse it as JSONL, whose errors name the line
  }
  const arrayKey =
    value && typeof value === 'object'
      ? Object.keys(value).find((k) => Array.isArray((value as Record<string, unknown>)[k]))
      : undefined;
  throw new DatasetError(
    'expected a JSON array of objects or one JSON object per line (JSONL), ' +
      'found a single object spanning several lines' +
      (arrayKey ? `; its field "${arrayKey}" holds an array: save that array as the file` : ''),
    fileName,
    1,
  );
}

export function parseDataset(text: string, fileName: string, options: ParseDatasetOptions = {}): ParsedDataset {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  checkSize(body, limits, fileName);
  if (body.trim() === '') throw new DatasetError('the file is empty', fileName);
  const detected = options.format ? { format: options.format } : detectFormat(body, fileName);
  if (detected.format === 'csv') {
    const table = parseCsv(body, fileName, limits, {
      delimiter: 'delimiter' in detected ? detected.delimiter : undefined,
    });
    return { format: 'csv', rows: table.rows, columns: table.header, warnings: table.warnings };
  }
  if (detected.format === 'json')
    return { format: 'json', ...cleanRowKeys(parseJsonArray(body, fileName, limits), fileName) };
  if (extensionOf(fileName) === 'json' && !options.format) rejectSingleObject(body, fileName);
  return { format: 'jsonl', ...cleanRowKeys(parseJsonl(body, fileName, limits), fileName) };
}
