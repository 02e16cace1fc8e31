// An inference-time search's best output per task (src/run/bestOutputs.ts) for the run view, and its
// JSONL / CSV downloads, from the run shown (live, stored or imported).
import { bestOutputsCsv, bestOutputsJsonl, bestOutputsPerTask } from '../run/bestOutputs.ts';
import type { BestOutput } from '../run/bestOutputs.ts';
import { isSearchRun } from '../run/runMode.ts';
import { baseName, saveFile } from './actions.ts';
import type { ExportFile } from './actions.ts';
import { useRunStore } from './runStore.ts';
import type { RunData } from './runStore.ts';

export type { BestOutput };

/** The best output per task of a run's candidates so far (ties: the earliest candidate). */
export const bestOutputsOf = (run: Pick<RunData, 'valExamples' | 'candidates'>): BestOutput[] =>
  bestOutputsPerTask(run.valExamples, run.candidates);

/** Whether a run is an inference-time search (its config's mode). */
export const isSearch = (run: Pick<RunData, 'config'>): boolean => run.config !== null && isSearchRun(run.config);

/** The shown run's best outputs as JSONL or CSV; null when no task has one yet. */
export function bestOutputsFile(format: 'jsonl' | 'csv'): ExportFile | null {
  const run = useRunStore.getState();
  const rows = bestOutputsOf(run);
  if (rows.length === 0) return null;
  const name = `${baseName(run)}-best-outputs.${format}`;
  return format === 'jsonl'
    ? { fileName: name, blob: new Blob([bestOutputsJsonl(rows)], { type: 'application/x-ndjson' }) }
    : { fileName: name, blob: new Blob([bestOutputsCsv(rows)], { type: 'text/csv' }) };
}

/** Downloads the shown run's best output per task. */
export function exportBestOutputs(format: 'jsonl' | 'csv'): void {
  saveFile(bestOutputsFile(format));
}
