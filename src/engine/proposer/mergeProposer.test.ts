import { describe, expect, it } from 'vitest';
import { acceptMerge, mergeCandidates } from './mergeProposer.ts';
import type { MergeProposal } from './mergeProposer.ts';
import type { RunContext } from '../context.ts';
import { emptyFronts } from '../paretoFront.ts';
import type { FrontierType } from '../types.ts';

// Only the fields mergeCandidates reads: the fronts, the aggregates and the configured frontier.
function ctx(frontierType: FrontierType): RunContext {
  const fronts = emptyFronts(2);
  // on the instance fronts programs 1 and 2 share the fronts; on the objective fronts 3 and 4 do
  fronts.instance = { best: [0.9, 0.9], programs: [[1], [2]] };
  fronts.objective = { best: { style: 1, facts: 1 }, programs: { style: [3], facts: [4] } };
  return {
    state: { fronts, valAggregate: [0.1, 0.5, 0.5, 0.5, 0.5] },
    config: { frontierType },
  } as unknown as RunContext;
}

describe('mergeCandidates', () => {
  it('draws from the instance fronts by default', () => expect(mergeCandidates(ctx('instance'))).toEqual([1, 2]));
  it('draws from the configured frontier, as the reference does', () =>
    expect(mergeCandidates(ctx('objective')).sort()).toEqual([3, 4]));
  it('draws from both with the hybrid frontier', () =>
    expect(mergeCandidates(ctx('hybrid')).sort()).toEqual([1, 2, 3, 4]));
});

describe('acceptMerge', () => {
  const proposal = (before: number, after: number) => ({ before, after }) as MergeProposal;
  it('accepts a merge that matches the better parent on its subsample, as the reference does', () =>
    expect(acceptMerge(proposal(3, 3))).toBe(true));
  it('rejects one below it', () => expect(acceptMerge(proposal(3, 2.5))).toBe(false));
});
