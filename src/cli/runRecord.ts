// The run as the result file holds it, folded from RunEvents the way the studio's run store folds them
// (the store itself lives in src/store/, out of the CLI's reach): candidates by index with only the
// latest best flagged, proposals and score points in order, the latest front, budget, usage, summary
// and result. Pure data in, data out.
import type { ExportedRun } from '../tasks/exportFormat.ts';
import type { RunConfig } from '../tasks/runConfig.ts';
import type { RunEvent } from '../worker/protocol.ts';

export function emptyRecord(runId: string, config: RunConfig): ExportedRun {
  return {
    runId,
    status: 'starting',
    statusMessage: '',
    config,
    result: null,
    candidates: [],
    proposals: [],
    front: [],
    scores: [],
    budget: { used: 0, cap: null, iteration: 0 },
    valExamples: [],
    trainCount: 0,
    usage: null,
    summary: null,
  };
}

/** Folds one event into the record (in place). */
export function applyEvent(run: ExportedRun, e: RunEvent): void {
  switch (e.type) {
    case 'status':
      run.status = e.status;
      run.statusMessage = e.message ?? '';
      break;
    case 'examples':
      run.trainCount = e.train;
      run.valExamples = e.val;
      break;
    case 'candidate':
      if (e.row.isBest) run.candidates.forEach((c, i) => c && c.row.isBest && (run.candidates[i] = { ...c, row: { ...c.row, isBest: false } }));
      run.candidates[e.row.candidateIdx] = { row: e.row, valScores: e.valScores, outputs: e.outputs };
      break;
    case 'proposal':
      run.proposals.push(e.row);
      break;
    case 'front':
      run.front = e.programs;
      break;
    case 'score':
      run.scores.push(e.point);
      break;
    case 'budget':
      run.budget = { used: e.used, cap: e.cap, iteration: e.iteration };
      break;
    case 'usage':
      run.usage = e.usage;
      break;
    case 'summary':
      run.summary = e.summary;
      break;
    case 'result':
      run.result = e.result;
      break;
    case 'log':
      break;
  }
}

