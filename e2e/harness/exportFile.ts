// Reading a studio JSON export in tests: the GEPAResult.to_dict() fields under `result`, the proposals
// table and the run config, with a failure that names the missing part.
import type { ProposalRow } from '../../src/engine/tracking.ts';
import type { GepaResultDict } from '../../src/engine/result.ts';
import type { RunConfig } from '../../src/run/runConfig.ts';
import { EXPORT_FORMAT } from '../../src/run/exportFormat.ts';

/** The reference GEPAResult.to_dict() fields a Python user reads first. */
export const RESULT_FIELDS = [
  'candidates',
  'parents',
  'val_aggregate_scores',
  'val_subscores',
  'per_val_instance_best_candidates',
  'discovery_eval_counts',
  'total_metric_calls',
  'num_full_val_evals',
  'best_idx',
] as const;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ExportParts {
  raw: Json;
  result: GepaResultDict;
  proposals: ProposalRow[];
  config: RunConfig;
}

export function readExport(text: string): ExportParts {
  const raw = JSON.parse(text) as unknown;
  if (!isObject(raw)) throw new Error('the export is not a JSON object');
  const keys = Object.keys(raw).join(', ');
  if (raw.format !== EXPORT_FORMAT)
    throw new Error(`the export's format is ${JSON.stringify(raw.format)}, not ${EXPORT_FORMAT}`);
  if (!isObject(raw.result)) throw new Error(`the export holds no GEPAResult dict under "result" (keys: ${keys})`);
  if (!Array.isArray(raw.proposals)) throw new Error(`the export holds no proposals table (keys: ${keys})`);
  if (!isObject(raw.config)) throw new Error(`the export holds no run config (keys: ${keys})`);
  return {
    raw,
    result: raw.result as unknown as GepaResultDict,
    proposals: raw.proposals as ProposalRow[],
    config: raw.config as unknown as RunConfig,
  };
}
