import { describe, expect, it } from 'vitest';
import { candidateView } from '../__fixtures__/candidateView.ts';
import { bestCandidate, frontMembers, isLive } from './runFacts.ts';

const cand = (idx: number, valsetScore: number, isBest = false) => candidateView(idx, { valsetScore, isBest });

describe('runFacts', () => {
  it('tells live runs from ended ones', () => {
    expect(isLive('paused')).toBe(true);
    expect(isLive('finished')).toBe(false);
  });

  it('prefers the best mark, else the highest score, skipping holes', () => {
    expect(bestCandidate([cand(0, 0.9), cand(1, 0.5, true)])?.row.candidateIdx).toBe(1);
    expect(bestCandidate([cand(0, 0.2), undefined, cand(2, 0.7)])?.row.candidateIdx).toBe(2);
    expect(bestCandidate([])).toBeNull();
  });

  it('collects every candidate on the front of some example', () => {
    expect([...frontMembers([[0, 2], [2], [1, 2]])].sort()).toEqual([0, 1, 2]);
  });
});
