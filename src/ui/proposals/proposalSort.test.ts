import { describe, expect, it } from 'vitest';
import type { ProposalRow } from '../../engine/tracking.ts';
import { sortKey, sortProposals } from './proposalSort.ts';

const row = (over: Partial<ProposalRow>): ProposalRow => ({
  proposalId: 0,
  iteration: 7,
  kind: 'reflective',
  component: 'answer',
  status: 'rejected',
  reason: '',
  candidateIdx: -1,
  parentIds: [2],
  subsampleScoreBefore: 1,
  subsampleScoreAfter: 2.5,
  parentText: '',
  prompt: '',
  rawLmOutput: '',
  proposedText: '',
  minibatchIds: [],
  feedbackRecords: [],
  metricCallsAt: 42,
  ...over,
});

describe('sortKey', () => {
  it('orders by iteration', () => expect(sortKey(row({}), 'iteration')).toBe(7));
  it('orders by kind name', () => expect(sortKey(row({ kind: 'merge' }), 'kind')).toBe('merge'));
  it('orders by component, blanks last', () => {
    expect(sortKey(row({}), 'component')).toBe('answer');
    expect(sortKey(row({ component: '' }), 'component')).toBeUndefined();
  });
  it('orders by the first parent', () => expect(sortKey(row({ parentIds: [5, 1] }), 'parents')).toBe(5));
  it('ranks accepted before rejected before skipped', () =>
    expect((['accepted', 'rejected', 'skipped'] as const).map((status) => sortKey(row({ status }), 'status'))).toEqual([
      0, 1, 2,
    ]));
  it('orders the score column by the change', () => expect(sortKey(row({}), 'score')).toBe(1.5));
  it('has no score change without an after-score', () =>
    expect(sortKey(row({ subsampleScoreAfter: null }), 'score')).toBeUndefined());
  it('orders by candidate, none for unaccepted rows', () => {
    expect(sortKey(row({ candidateIdx: 4 }), 'candidate')).toBe(4);
    expect(sortKey(row({}), 'candidate')).toBeUndefined();
  });
  it('orders by metric calls', () => expect(sortKey(row({}), 'metricCalls')).toBe(42));
});

describe('sortProposals', () => {
  const rows = [
    row({ proposalId: 1, subsampleScoreAfter: 2 }),
    row({ proposalId: 2, subsampleScoreAfter: null }),
    row({ proposalId: 3, subsampleScoreAfter: 0 }),
    row({ proposalId: 4, subsampleScoreAfter: 2 }),
  ];
  const ids = (r: ProposalRow[]) => r.map((p) => p.proposalId);
  it('keeps arrival order without a sort', () => expect(sortProposals(rows, undefined)).toBe(rows));
  it('sorts ascending, blanks last, ties in arrival order', () =>
    expect(ids(sortProposals(rows, { id: 'score', desc: false }))).toEqual([3, 1, 4, 2]));
  it('sorts descending, blanks still last, ties in arrival order', () =>
    expect(ids(sortProposals(rows, { id: 'score', desc: true }))).toEqual([1, 4, 3, 2]));
  it('sorts strings', () =>
    expect(
      ids(
        sortProposals([row({ proposalId: 1, component: 'b' }), row({ proposalId: 2, component: 'a' })], {
          id: 'component',
          desc: false,
        }),
      ),
    ).toEqual([2, 1]));
  it('does not change its input', () => {
    sortProposals(rows, { id: 'score', desc: true });
    expect(ids(rows)).toEqual([1, 2, 3, 4]);
  });
});
