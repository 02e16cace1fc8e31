// The run config as a tracker's params: flattened to `a.b.c` keys (list items by index), logged once at the
// start. Without secrets (the config's secret-free copy), without the dataset's inline rows and line numbers
// (data, not configuration; the file name and split stay), and without the tracking section itself.
import { configWithoutSecrets } from '../run/exportFormat.ts';
import type { RunConfig } from '../run/runConfig.ts';

function flatten(value: unknown, key: string, out: Record<string, string>): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object') {
    out[key] = String(value);
    return;
  }
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value);
  if (entries.length === 0) out[key] = Array.isArray(value) ? '[]' : '{}';
  for (const [k, v] of entries) flatten(v, key ? `${key}.${k}` : k, out);
}

export function runParams(config: RunConfig): Record<string, string> {
  const { tracking: _tracking, ...rest } = configWithoutSecrets(config);
  const { rows: _rows, lines: _lines, ...dataset } = rest.dataset;
  const out: Record<string, string> = {};
  flatten({ ...rest, dataset }, '', out);
  return out;
}
