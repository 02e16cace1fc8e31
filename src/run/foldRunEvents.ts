// Folds RunEvents into the run as a view or an export holds it: candidates by index with only the
// latest best flagged, proposals and score points in order, the latest front, budget, usage, summary
// and result. Shared by the studio's run store and the CLI's result file, so both read a run the same
// way. Pure: returns only the fields that changed, copying each array once per batch.
import type { RunEvent } from './runEvent.ts';
import type { CandidateExport, ExportedRun } from './exportFormat.ts';

export type FoldedFields = Pick<
  ExportedRun,
  | 'status'
  | 'statusMessage'
  | 'trainCount'
  | 'valExamples'
  | 'candidates'
  | 'proposals'
  | 'front'
  | 'scores'
  | 'budget'
  | 'usage'
  | 'summary'
  | 'result'
>;

export function foldRunEvents(state: Readonly<FoldedFields>, events: readonly RunEvent[]): Partial<FoldedFields> {
  const next: Partial<FoldedFields> = {};
  let candidates: CandidateExport[] | null = null;
  let proposals: FoldedFields['proposals'] | null = null;
  let scores: FoldedFields['scores'] | null = null;
  for (const e of events) {
    switch (e.type) {
      case 'status':
        next.status = e.status;
        next.statusMessage = e.message ?? '';
        break;
      case 'examples':
        next.trainCount = e.train;
        next.valExamples = e.val;
        break;
      case 'candidate': {
        const list = (candidates ??= [...state.candidates]);
        if (e.row.isBest)
          list.forEach(
            (c, i) =>
              c && i !== e.row.candidateIdx && c.row.isBest && (list[i] = { ...c, row: { ...c.row, isBest: false } }),
          );
        list[e.row.candidateIdx] = {
          row: e.row,
          valScores: e.valScores,
          outputs: e.outputs,
          ...(e.objectives ? { objectives: e.objectives } : {}),
        };
        break;
      }
      case 'proposal':
        (proposals ??= [...state.proposals]).push(e.row);
        break;
      case 'front':
        next.front = e.programs;
        break;
      case 'score':
        (scores ??= [...state.scores]).push(e.point);
        break;
      case 'budget':
        next.budget = { used: e.used, cap: e.cap, iteration: e.iteration };
        break;
      case 'usage':
        next.usage = e.usage;
        break;
      case 'summary':
        next.summary = e.summary;
        break;
      case 'result':
        next.result = e.result;
        break;
      case 'inFlight':
        // live only: the store keeps it for the header; an export or a replayed log has nothing in flight
        break;
      default:
        // logs and markers are not part of the folded run
        break;
    }
  }
  if (candidates) next.candidates = candidates;
  if (proposals) next.proposals = proposals;
  if (scores) next.scores = scores;
  return next;
}
