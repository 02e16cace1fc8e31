// The empty run record a CLI result file starts from; events are folded into it with foldRunEvents
// (src/run/foldRunEvents.ts), as the studio's run store folds them.
import type { ExportedRun } from '../run/exportFormat.ts';
import type { RunConfig } from '../run/runConfig.ts';

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
