// A candidate as the run store holds it, for the view tests: index `idx`, no parents (the seed) unless
// given, score 0, no scores per example; its origin follows from how many parents it has.
import type { CandidateRow } from '../../engine/index.ts';
import type { CandidateView } from '../../store/runStore.ts';

export type CandidatePatch = Partial<CandidateRow> & Partial<Omit<CandidateView, 'row'>>;

export function candidateView(idx: number, patch: CandidatePatch = {}): CandidateView {
  const { valScores = [], outputs = [], objectives, ...row } = patch;
  const parents = row.parentIds?.length ?? 0;
  return {
    row: {
      iteration: idx,
      candidateIdx: idx,
      parentIds: [],
      valsetScore: 0,
      isBest: false,
      origin: parents > 1 ? 'merge' : parents ? 'reflective' : 'seed',
      texts: {},
      metricCallsAtDiscovery: 0,
      ...row,
    },
    valScores,
    outputs,
    ...(objectives ? { objectives } : {}),
  };
}
