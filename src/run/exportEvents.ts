// An exported run as the event log that folds back into it, so an imported run can be kept with the
// stored runs (a record and its log, like any run the studio drove) and survive a reload. The final
// status comes last, as a run reports it. Pure.
import type { ExportedRun } from './exportFormat.ts';
import type { RunEvent } from './runEvent.ts';

export function exportEvents(run: ExportedRun): RunEvent[] {
  const events: RunEvent[] = [{ type: 'examples', train: run.trainCount, val: run.valExamples }];
  // a candidate's export and its event hold the same fields (scores, outputs, objectives when kept)
  for (const c of run.candidates) if (c) events.push({ type: 'candidate', ...c });
  for (const row of run.proposals) events.push({ type: 'proposal', row });
  events.push({ type: 'front', programs: run.front });
  for (const point of run.scores) events.push({ type: 'score', point });
  events.push({ type: 'budget', ...run.budget });
  if (run.usage) events.push({ type: 'usage', usage: run.usage });
  if (run.summary) events.push({ type: 'summary', summary: run.summary });
  if (run.result) events.push({ type: 'result', result: run.result });
  events.push({ type: 'status', status: run.status, ...(run.statusMessage ? { message: run.statusMessage } : {}) });
  return events;
}
