import { describe, expect, it } from 'vitest';
import type { ProposalRow } from '../../engine/index.ts';
import type { CandidateView } from '../../store/runStore.ts';
import { describeLineageNode } from './lineageTooltip.ts';
import type { LineageNode } from './lineageLayout.ts';

const node = (kind: LineageNode['kind'], key: number): LineageNode => ({
  id: `${kind[0]}${key}`,
  kind,
  key,
  depth: 0,
  band: 0,
  subColumn: 0,
  row: 0,
  x: 0,
  y: 0,
});
const merged: CandidateView = {
  row: {
    iteration: 4,
    candidateIdx: 3,
    parentIds: [1, 2],
    valsetScore: 0.75,
    isBest: true,
    origin: 'merge',
    texts: { system: '\nAnswer with one word.\nThen stop.', extract: '' },
    metricCallsAtDiscovery: 90,
  },
  valScores: [],
  outputs: [],
};
const rejected = {
  proposalId: 8,
  iteration: 5,
  component: 'system',
  reason: 'not better on the minibatch',
  subsampleScoreBefore: 2,
  subsampleScoreAfter: 1,
  minibatchIds: [0, 1, 2, 3],
} as ProposalRow;

describe('describeLineageNode', () => {
  it('names a candidate, its parents and the first line of each component', () => {
    expect(
      describeLineageNode(node('candidate', 3), [undefined, undefined, undefined, merged], () => undefined),
    ).toEqual([
      'Candidate #3 · val 0.750',
      'merge from #1 + #2 · iteration 4',
      'system: Answer with one word.',
      'extract: (empty)',
    ]);
  });

  it('says why a proposal was rejected, with its normalised minibatch scores', () => {
    expect(describeLineageNode(node('rejected', 8), [], (id) => (id === 8 ? rejected : undefined))).toEqual([
      'Proposal #8 (rejected) · system',
      'iteration 5 · minibatch 0.500 → 0.250',
      'not better on the minibatch',
    ]);
  });
});
