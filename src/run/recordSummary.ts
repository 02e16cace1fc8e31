// A stored run's record as its events describe it: the status the history shows and the headline
// numbers (best score, candidates, iterations, budget used, cost). Folded from the same events the views
// get, so the history and the run view never disagree. Pure.
import type { RunEvent, RunStatus } from './runEvent.ts';

/** How the history lists a run: the live states collapse into 'running'. */
export type StoredRunStatus = 'running' | 'paused' | 'stopped' | 'finished' | 'interrupted' | 'error';

/** The headline numbers the history shows for a run. */
export interface RunSummaryRecord {
  bestScore: number | null;
  candidates: number;
  iterations: number;
  metricCalls: number;
  cap: number | null;
  costUsd: number;
}

export function emptySummary(cap: number | null = null): RunSummaryRecord {
  return { bestScore: null, candidates: 0, iterations: 0, metricCalls: 0, cap, costUsd: 0 };
}

/** Transitional states are stored as the state they leave: a run that is pausing is still running. */
export function storedStatus(status: RunStatus): StoredRunStatus {
  switch (status) {
    case 'paused':
    case 'stopped':
    case 'finished':
    case 'error':
    case 'interrupted':
      return status;
    default:
      return 'running';
  }
}

/** The summary after one event (the same object when the event changes nothing in it). */
export function foldSummary(s: RunSummaryRecord, e: RunEvent): RunSummaryRecord {
  switch (e.type) {
    case 'budget':
      return { ...s, metricCalls: e.used, cap: e.cap, iterations: Math.max(s.iterations, e.iteration) };
    case 'candidate':
      // the best candidate is the one with the highest val score
      return {
        ...s,
        candidates: Math.max(s.candidates, e.row.candidateIdx + 1),
        bestScore: Math.max(s.bestScore ?? -Infinity, e.row.valsetScore),
      };
    case 'score':
      return { ...s, bestScore: e.point.bestScore };
    case 'usage':
      return { ...s, costUsd: e.usage.total.costUsd };
    case 'summary':
      return {
        ...s,
        bestScore: e.summary.bestValsetScore,
        candidates: e.summary.totalCandidates,
        iterations: e.summary.totalIterations,
        metricCalls: e.summary.totalMetricCalls,
      };
    default:
      return s;
  }
}
