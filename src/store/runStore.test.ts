import { describe, expect, it } from 'vitest';
import { emptyRun, reduceEvents } from './runStore.ts';
import type { CandidateRow, ProposalRow } from '../engine/index.ts';

const cand = (idx: number, isBest: boolean): CandidateRow => ({
  iteration: idx,
  candidateIdx: idx,
  parentIds: idx ? [idx - 1] : [],
  valsetScore: idx / 10,
  isBest,
  origin: idx ? 'reflective' : 'seed',
  texts: { p: `t${idx}` },
  metricCallsAtDiscovery: idx * 10,
});
const prop = (id: number): ProposalRow => ({
  proposalId: id,
  iteration: id,
  kind: 'reflective',
  component: 'p',
  status: 'rejected',
  reason: 'r',
  candidateIdx: -1,
  parentIds: [0],
  subsampleScoreBefore: 1,
  subsampleScoreAfter: 0,
  parentText: 'a',
  prompt: 'x',
  rawLmOutput: 'y',
  proposedText: 'b',
  minibatchIds: [0],
  feedbackRecords: [],
  metricCallsAt: 3,
});

describe('reduceEvents', () => {
  it('folds a batch in order and keeps only the latest budget', () => {
    const next = reduceEvents(emptyRun(), [
      { type: 'status', status: 'running' },
      { type: 'budget', used: 5, cap: 100, iteration: 1 },
      { type: 'budget', used: 9, cap: 100, iteration: 2 },
      { type: 'proposal', row: prop(0) },
      { type: 'proposal', row: prop(1) },
    ]);
    expect(next.status).toBe('running');
    expect(next.budget).toEqual({ used: 9, cap: 100, iteration: 2 });
    expect(next.proposals?.map((p) => p.proposalId)).toEqual([0, 1]);
  });

  it('places candidates by index and moves the best mark', () => {
    const a = {
      ...emptyRun(),
      ...reduceEvents(emptyRun(), [{ type: 'candidate', row: cand(0, true), valScores: [0], outputs: ['o'] }]),
    };
    const b = { ...a, ...reduceEvents(a, [{ type: 'candidate', row: cand(1, true), valScores: [1], outputs: ['o'] }]) };
    expect(b.candidates.map((c) => c.row.isBest)).toEqual([false, true]);
    expect(a.candidates[0]?.row.isBest).toBe(true);
  });

  it('does not mutate the previous state (the store can compare by reference)', () => {
    const s = emptyRun();
    reduceEvents(s, [
      { type: 'proposal', row: prop(0) },
      { type: 'log', level: 'info', message: 'hi' },
    ]);
    expect(s.proposals).toHaveLength(0);
    expect(s.logs).toHaveLength(0);
  });

  it('marks the end time when the run ends', () => {
    expect(reduceEvents(emptyRun(), [{ type: 'status', status: 'finished' }]).endedAt).toBeTypeOf('number');
    expect(reduceEvents(emptyRun(), [{ type: 'status', status: 'paused' }]).endedAt).toBeUndefined();
  });

  it('caps the log at 500 lines', () => {
    const events = Array.from({ length: 600 }, (_, i) => ({
      type: 'log' as const,
      level: 'info' as const,
      message: String(i),
    }));
    const logs = reduceEvents(emptyRun(), events).logs ?? [];
    expect(logs).toHaveLength(500);
    expect(logs[0]?.message).toBe('100');
  });
});
