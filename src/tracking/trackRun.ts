// The engine's tracking stream as the seed's experiment-tracking record: every scalar with its iteration as
// the step, the tables `candidates`, `proposals`, `valset_scores`, `valset_pareto_front`, `objective_scores`
// and `objective_pareto_front` (the first two with exactly the seed's columns, `text:<component>` included;
// the other four as the reference library logs them), the summary (`best_candidate_idx`,
// `best_valset_score`, `total_iterations`, `total_candidates`, `seed/<component>`, `best/<component>`) and
// the candidate-tree HTML after each accepted candidate. Pure: it only calls the tracker it is given.
import type { CandidateRow, RunSummary, TrackingEvent } from '../engine/index.ts';
import type { CandidateTreeHtml } from './candidateTree.ts';
import { candidateTreeHtml } from './candidateTreeHtml.ts';
import type { TableCell, Tracker } from './tracker.ts';

export const TABLES = {
  candidates: 'candidates',
  proposals: 'proposals',
  valsetScores: 'valset_scores',
  valsetParetoFront: 'valset_pareto_front',
  objectiveScores: 'objective_scores',
  objectiveParetoFront: 'objective_pareto_front',
} as const;

export const CANDIDATE_TREE = 'candidate_tree';

export const CANDIDATE_COLUMNS = ['iteration', 'candidate_idx', 'parent_ids', 'valset_score', 'is_best'] as const;
export const PROPOSAL_COLUMNS = [
  'iteration',
  'component',
  'status',
  'candidate_idx',
  'parent_ids',
  'subsample_score_before',
  'subsample_score_after',
  'prompt',
  'raw_lm_output',
  'proposed_text',
] as const;
export const VALSET_PARETO_FRONT_COLUMNS = ['iteration', 'val_id', 'best_score', 'program_ids'] as const;
export const OBJECTIVE_PARETO_FRONT_COLUMNS = ['iteration', 'objective', 'best_score', 'program_ids'] as const;

/** Lists as text, as the reference logs them ("[0, 2]"): a table cell is a scalar. */
const ids = (list: readonly number[]): string => `[${list.join(', ')}]`;

/** The seed's summary keys from the engine's closing summary. */
export function summaryRecord(s: RunSummary): Record<string, string | number> {
  const record: Record<string, string | number> = {
    best_candidate_idx: s.bestCandidateIdx,
    best_valset_score: s.bestValsetScore,
    total_iterations: s.totalIterations,
    total_candidates: s.totalCandidates,
  };
  for (const [c, text] of Object.entries(s.seed)) record[`seed/${c}`] = text;
  for (const [c, text] of Object.entries(s.best)) record[`best/${c}`] = text;
  return record;
}

export interface TrackRunOptions {
  /** renders the candidate tree (default: the plain tree of candidateTreeHtml.ts) */
  treeHtml?: CandidateTreeHtml;
}

/** Feeds a tracker from the tracking stream; pass the result as (or into) optimize's onTrackingEvent. */
export function trackRun(tracker: Tracker, options: TrackRunOptions = {}): (event: TrackingEvent) => void {
  const treeHtml = options.treeHtml ?? candidateTreeHtml;
  const candidates: CandidateRow[] = [];
  const parents = new Map<number, string>();
  let components: string[] | null = null;
  let objectives: string[] | null = null;
  let bestIdx = 0;

  return (e) => {
    switch (e.type) {
      case 'metrics':
        tracker.metrics(e.iteration, e.metrics);
        break;
      case 'candidate': {
        const { valScores: _scores, outputs: _outputs, valObjectiveScores: _v, objectiveAggregate: _a, ...row } = e.row;
        // the seed fixes the components (a candidate's texts always cover the same ones)
        components ??= Object.keys(row.texts);
        candidates[row.candidateIdx] = row;
        parents.set(row.candidateIdx, ids(row.parentIds));
        if (row.isBest) bestIdx = row.candidateIdx;
        const cells: TableCell[] = [row.iteration, row.candidateIdx, ids(row.parentIds), row.valsetScore, row.isBest];
        tracker.table(
          TABLES.candidates,
          [...CANDIDATE_COLUMNS, ...components.map((c) => `text:${c}`)],
          [[...cells, ...components.map((c) => row.texts[c] ?? '')]],
        );
        const tree = { candidates: candidates.filter(Boolean), bestIdx };
        tracker.html(CANDIDATE_TREE, () => treeHtml(tree));
        break;
      }
      case 'proposal': {
        const r = e.row;
        // one row per reflection LM call (the seed's proposals table): merges and skipped rounds made none
        if (r.kind !== 'reflective' || r.status === 'skipped') break;
        tracker.table(TABLES.proposals, PROPOSAL_COLUMNS, [
          [
            r.iteration,
            r.component,
            r.status,
            r.candidateIdx,
            ids(r.parentIds),
            r.subsampleScoreBefore,
            r.subsampleScoreAfter,
            r.prompt,
            r.rawLmOutput,
            r.proposedText,
          ],
        ]);
        break;
      }
      case 'valsetScores': {
        const r = e.row;
        const columns = ['candidate_idx', 'parent_ids', ...r.scores.map((_, i) => String(i))];
        tracker.table(TABLES.valsetScores, columns, [
          [r.candidateIdx, parents.get(r.candidateIdx) ?? '[]', ...r.scores],
        ]);
        break;
      }
      case 'valsetParetoFront': {
        const r = e.row;
        const rows = r.best.map((score, i) => [r.iteration, String(i), score, ids(r.programs[i] ?? [])]);
        tracker.table(TABLES.valsetParetoFront, VALSET_PARETO_FRONT_COLUMNS, rows);
        break;
      }
      case 'objectiveScores': {
        const r = e.row;
        objectives ??= Object.keys(r.objectives).sort();
        const columns = ['candidate_idx', 'parent_ids', ...objectives];
        const row = [
          r.candidateIdx,
          parents.get(r.candidateIdx) ?? '[]',
          ...objectives.map((o) => r.objectives[o] ?? null),
        ];
        tracker.table(TABLES.objectiveScores, columns, [row]);
        break;
      }
      case 'objectiveParetoFront': {
        const r = e.row;
        const rows = Object.keys(r.best)
          .sort()
          .map((o) => [r.iteration, o, r.best[o] ?? null, ids(r.programs[o] ?? [])]);
        tracker.table(TABLES.objectiveParetoFront, OBJECTIVE_PARETO_FRONT_COLUMNS, rows);
        break;
      }
      case 'summary':
        tracker.summary(summaryRecord(e.summary));
        break;
    }
  };
}
