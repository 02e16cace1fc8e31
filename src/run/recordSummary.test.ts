import { describe, expect, it } from 'vitest';
import { emptySummary, foldSummary, storedStatus } from './recordSummary.ts';
import type { RunEvent } from './runEvent.ts';
import type { CandidateRow } from '../engine/index.ts';
import { emptyTotals } from '../lm/usage.ts';

const candidate = (candidateIdx: number, valsetScore: number): RunEvent => ({
  type: 'candidate',
  row: { candidateIdx, valsetScore } as CandidateRow,
  valScores: [],
  outputs: [],
});

describe('record summary', () => {
  it('stores a pausing or stopping run as running, and an ended one as it ended', () => {
    expect(['starting', 'running', 'pausing', 'stopping'].map((s) => storedStatus(s as 'running'))).toEqual([
      'running',
      'running',
      'running',
      'running',
    ]);
    expect(storedStatus('paused')).toBe('paused');
    expect(storedStatus('finished')).toBe('finished');
  });

  it('folds budget, candidates, best score and cost from the events', () => {
    const events: RunEvent[] = [
      { type: 'budget', used: 0, cap: 300, iteration: 0 },
      candidate(0, 0.4),
      candidate(1, 0.7),
      candidate(2, 0.5),
      { type: 'budget', used: 120, cap: 300, iteration: 4 },
      {
        type: 'usage',
        usage: { byRole: {}, total: { ...emptyTotals(), costUsd: 0.12 }, cacheHits: 0, cacheSavedUsd: 0 },
      },
    ];
    expect(events.reduce(foldSummary, emptySummary())).toEqual({
      bestScore: 0.7,
      candidates: 3,
      iterations: 4,
      metricCalls: 120,
      cap: 300,
      costUsd: 0.12,
    });
  });

  it('leaves the summary alone for events that do not change it', () => {
    const s = emptySummary(10);
    expect(foldSummary(s, { type: 'log', level: 'info', message: 'x' })).toBe(s);
  });
});
