// The run config as the report shows it: what the run was (program, metric, models, budget, options),
// without the dataset's inline rows (the matrix shows the val examples; the rows can be thousands) and
// without anything that could be a credential. configWithoutSecrets drops the known key fields and auth
// headers; the key-name sweep below also catches a secret in a field added later (a tracker token).
import { configWithoutSecrets } from '../run/exportFormat.ts';
import type { RunConfig } from '../run/runConfig.ts';

const SECRET_KEY = /^(api[_-]?key|authorization|proxy-authorization|x-api-key|.*token|.*secret|.*password)$/i;

function withoutSecretKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutSecretKeys);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([k]) => !SECRET_KEY.test(k))
      .map(([k, v]) => [k, withoutSecretKeys(v)]),
  );
}

export function reportConfig(config: RunConfig): Record<string, unknown> {
  const copy = configWithoutSecrets(config);
  const { rows, lines: _lines, ...dataset } = copy.dataset;
  const clean = withoutSecretKeys({ ...copy, dataset }) as Record<string, unknown>;
  if (rows) (clean.dataset as Record<string, unknown>).inlineRows = rows.length;
  return clean;
}
