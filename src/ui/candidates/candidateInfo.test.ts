import { describe, expect, it } from 'vitest';
import { candidateView } from '../__fixtures__/candidateView.ts';
import { candidateOrder, childrenOf, compareTarget, frontCounts, promptText } from './candidateInfo.ts';

const cand = (idx: number, ...parentIds: number[]) => candidateView(idx, { parentIds });
const RUN = [cand(0), cand(1, 0), cand(2, 0), cand(3, 1, 2)];

describe('candidateInfo', () => {
  it('counts how often each candidate is on the front', () => {
    expect(frontCounts([[0, 2], [2], [1, 2]]).get(2)).toBe(3);
  });

  it('finds children, merges included', () => {
    expect(childrenOf(RUN, 0)).toEqual([1, 2]);
    expect(childrenOf(RUN, 2)).toEqual([3]);
    expect(childrenOf([undefined, ...RUN.slice(1)], 3)).toEqual([]);
  });

  it('compares with the chosen candidate, else the first parent', () => {
    expect(compareTarget(RUN, 3, null)).toBe(1);
    expect(compareTarget(RUN, 3, 0)).toBe(0);
    expect(compareTarget(RUN, 3, 3)).toBe(1);
    expect(compareTarget(RUN, 3, 99)).toBe(1);
    expect(compareTarget(RUN, 0, null)).toBeNull();
  });

  it('copies one component bare and several with their names', () => {
    expect(promptText({ system_prompt: 'Be brief.' })).toBe('Be brief.');
    expect(promptText({ a: 'one', b: 'two' })).toBe('## a\none\n\n## b\ntwo');
  });

  it('orders candidates by index or by val score, best first', () => {
    const scored = RUN.map((c, i) => ({ ...c, row: { ...c.row, valsetScore: [0.2, 0.8, 0.5, 0.8][i]! } }));
    expect(candidateOrder([...scored, undefined], 'index')).toEqual([0, 1, 2, 3]);
    expect(candidateOrder(scored, 'score')).toEqual([1, 3, 2, 0]);
  });
});
