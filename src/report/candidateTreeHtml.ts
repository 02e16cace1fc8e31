// The candidate tree from the tracking stream's candidate rows alone (what a tracker has after each
// accepted candidate: no per-example scores, no proposals): the report's interactive lineage page, in
// the shape of the trackers' injected renderer ({ candidates, bestIdx } → HTML).
import type { CandidateRow } from '../engine/index.ts';
import { emptyExportedRun } from '../run/exportFormat.ts';
import { buildCandidateTreeHtml } from './reportHtml.ts';
import type { ReportOptions } from './reportHtml.ts';

export interface CandidateRowsTree {
  /** by candidate index; parents always come before their children */
  candidates: readonly CandidateRow[];
  bestIdx: number;
  /** the page's title (default "GEPA run") */
  title?: string;
}

export function candidateTreeHtml(tree: CandidateRowsTree, options: Omit<ReportOptions, 'sections'> = {}): string {
  const run = emptyExportedRun(null, null);
  run.status = 'running';
  run.candidates = tree.candidates.map((row) => ({
    row: { ...row, isBest: row.candidateIdx === tree.bestIdx },
    valScores: [],
    outputs: [],
  }));
  const last = tree.candidates[tree.candidates.length - 1];
  run.budget = { used: last?.metricCallsAtDiscovery ?? 0, cap: null, iteration: last?.iteration ?? 0 };
  return buildCandidateTreeHtml(run, { ...options, title: tree.title });
}
