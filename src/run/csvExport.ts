// The proposals and candidates tables as CSV (papaparse), for spreadsheets and pandas. The candidates
// table follows the reference's `candidates` table: iteration, candidate_idx, parent_ids, valset_score,
// is_best, then, when the metric returned several objectives, one `objective:<name>` column per objective
// (the candidate's mean over the valset), then one `text:<component>` column per component. Cells that a
// spreadsheet would run as a formula (=, +, -, @ first) get a leading apostrophe: LM output is untrusted.
// The JSON export is the lossless format.
import Papa from 'papaparse';
import type { ProposalRow } from '../engine/index.ts';
import type { CandidateExport } from './exportFormat.ts';

/** Python's str(list), as the reference writes parent ids. */
const pyList = (xs: readonly number[]): string => `[${xs.join(', ')}]`;

const toCsv = (fields: string[], data: unknown[][]): string =>
  Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' });

export function proposalsCsv(proposals: readonly ProposalRow[]): string {
  const fields = [
    'proposal_id',
    'iteration',
    'kind',
    'component',
    'status',
    'reason',
    'candidate_idx',
    'parent_ids',
    'subsample_score_before',
    'subsample_score_after',
    'metric_calls_at',
    'minibatch_ids',
    'parent_text',
    'proposed_text',
    'raw_lm_output',
  ];
  const data = proposals.map((p) => [
    p.proposalId,
    p.iteration,
    p.kind,
    p.component,
    p.status,
    p.reason,
    p.candidateIdx,
    pyList(p.parentIds),
    p.subsampleScoreBefore ?? '',
    p.subsampleScoreAfter ?? '',
    p.metricCallsAt,
    pyList(p.minibatchIds),
    p.parentText,
    p.proposedText,
    p.rawLmOutput,
  ]);
  return toCsv(fields, data);
}

export function candidatesCsv(candidates: readonly CandidateExport[]): string {
  const components = [...new Set(candidates.flatMap((c) => Object.keys(c.row.texts)))].sort();
  // none in a run without objectives, which then exports as before
  const objectives = [...new Set(candidates.flatMap((c) => Object.keys(c.objectives?.aggregate ?? {})))].sort();
  const fields = [
    'iteration',
    'candidate_idx',
    'parent_ids',
    'valset_score',
    'is_best',
    'origin',
    'metric_calls_at_discovery',
    ...objectives.map((n) => `objective:${n}`),
    ...components.map((n) => `text:${n}`),
  ];
  const data = candidates.map(({ row, objectives: scores }) => [
    row.iteration,
    row.candidateIdx,
    pyList(row.parentIds),
    row.valsetScore,
    row.isBest,
    row.origin,
    row.metricCallsAtDiscovery,
    ...objectives.map((n) => scores?.aggregate[n] ?? ''),
    ...components.map((n) => row.texts[n] ?? ''),
  ]);
  return toCsv(fields, data);
}
