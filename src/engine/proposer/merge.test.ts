import { describe, expect, it } from 'vitest';
import { ancestors, hasDesirableComponents, mergeSubsample, planMerge } from './merge.ts';
import { emptyMergeState } from './mergeState.ts';
import type { MergeState } from './mergeState.ts';
import { Rng } from '../rng.ts';
import type { GepaState } from '../state.ts';
import type { Candidate } from '../types.ts';

// Only the fields planMerge reads.
function st(candidates: Candidate[], parents: (number | null)[][], valAggregate: number[]): GepaState {
  return {
    candidates,
    parents,
    valAggregate,
    componentNames: Object.keys(candidates[0] as Candidate),
  } as unknown as GepaState;
}

// 0 is the seed; 1 changed `a`, 2 changed `b`: the textbook merge over ancestor 0.
const basic = (s0 = 0.2, s1 = 0.5, s2 = 0.6) =>
  st(
    [
      { a: 'A0', b: 'B0' },
      { a: 'A1', b: 'B0' },
      { a: 'A0', b: 'B2' },
    ],
    [[null], [0], [0]],
    [s0, s1, s2],
  );

const plan = (s: GepaState, cands: number[], m: MergeState = emptyMergeState(), seed = 1) =>
  planMerge(s, cands, m, new Rng(seed));

describe('ancestors', () => {
  const dag: (number | null)[][] = [[null], [0], [0], [1], [2, 3], [4, 2]];
  it('is empty for the seed ([null])', () => expect(ancestors(dag, 0)).toEqual(new Set()));
  it('follows a single chain', () => expect(ancestors(dag, 3)).toEqual(new Set([1, 0])));
  it('follows both parents of a merge', () => expect(ancestors(dag, 4)).toEqual(new Set([0, 1, 2, 3])));
  it('visits a diamond once and excludes the node itself', () =>
    expect([...ancestors(dag, 5)].sort()).toEqual([0, 1, 2, 3, 4]));
  it('is empty for an unknown index', () => expect(ancestors(dag, 99).size).toBe(0));
});

describe('hasDesirableComponents', () => {
  const c: Candidate[] = [
    { a: 'x', b: 'y' },
    { a: 'x1', b: 'y' },
    { a: 'x2', b: 'y2' },
    { a: 'x1', b: 'y' },
  ];
  it('holds when one kept the ancestor text the other changed', () =>
    expect(hasDesirableComponents(c, ['a', 'b'], 0, 1, 2)).toBe(true));
  it('fails when both changed every component', () => expect(hasDesirableComponents(c, ['a'], 0, 1, 2)).toBe(false));
  it('fails when both programs are identical', () =>
    expect(hasDesirableComponents(c, ['a', 'b'], 0, 1, 3)).toBe(false));
});

describe('planMerge', () => {
  it('returns null with no candidates', () => expect(plan(basic(), [])).toBeNull());
  it('returns null with one candidate', () => expect(plan(basic(), [1])).toBeNull());
  it('returns null when the only pair is one program twice', () => expect(plan(basic(), [1, 1])).toBeNull());
  it('takes the changed side of each component', () =>
    expect(plan(basic(), [1, 2])?.candidate).toEqual({ a: 'A1', b: 'B2' }));
  it('orders the pair and names the ancestor', () =>
    expect(plan(basic(), [2, 1])).toMatchObject({ i: 1, j: 2, ancestor: 0, descriptor: '1,2|1,2' }));
  it('records the tried triplet and the produced combination', () => {
    const m = emptyMergeState();
    plan(basic(), [1, 2], m);
    expect([m.triedTriplets, m.producedDescriptors]).toEqual([['1,2,0'], ['1,2|1,2']]);
  });
  it('does not return the same merge twice', () => {
    const m = emptyMergeState();
    plan(basic(), [1, 2], m);
    expect(plan(basic(), [1, 2], m)).toBeNull();
  });
  it('skips an already tried triplet', () =>
    expect(plan(basic(), [1, 2], { ...emptyMergeState(), triedTriplets: ['1,2,0'] })).toBeNull());
  it('skips an already produced combination (and remembers the triplet)', () => {
    const m = { ...emptyMergeState(), producedDescriptors: ['1,2|1,2'] };
    expect([plan(basic(), [1, 2], m), m.triedTriplets]).toEqual([null, ['1,2,0']]);
  });
  it('refuses a pair where one descends from the other', () => {
    const s = st(
      [
        { a: 'A0', b: 'B0' },
        { a: 'A1', b: 'B0' },
        { a: 'A1', b: 'B2' },
      ],
      [[null], [0], [1]],
      [0.1, 0.5, 0.6],
    );
    const m = emptyMergeState();
    expect([plan(s, [1, 2], m), m.triedTriplets]).toEqual([null, []]);
  });
  it('needs a common ancestor', () => {
    const s = st(
      [
        { a: 'A0', b: 'B0' },
        { a: 'A1', b: 'B0' },
        { a: 'A0', b: 'B2' },
      ],
      [[null], [null], [0]],
      [0.1, 0.5, 0.6],
    );
    expect(plan(s, [1, 2])).toBeNull();
  });
  it('refuses an ancestor scoring above a parent', () => expect(plan(basic(0.55, 0.5, 0.6), [1, 2])).toBeNull());
  it('accepts an ancestor scoring equal to the weaker parent', () =>
    expect(plan(basic(0.5, 0.5, 0.6), [1, 2])?.ancestor).toBe(0));
  it('needs desirable components', () => {
    const s = st(
      [
        { a: 'A0', b: 'B0' },
        { a: 'A1', b: 'B1' },
        { a: 'A2', b: 'B2' },
      ],
      [[null], [0], [0]],
      [0.1, 0.5, 0.6],
    );
    expect(plan(s, [1, 2])).toBeNull();
  });

  describe('combination rule', () => {
    const cands = (): Candidate[] => [
      { a: 'A0', b: 'B0', c: 'C0', d: 'D0', e: 'E0' },
      { a: 'A1', b: 'B0', c: 'C1', d: 'Dx', e: 'E0' },
      { a: 'A0', b: 'B2', c: 'C2', d: 'Dx', e: 'E0' },
    ];
    const merged = (s1: number, s2: number) => plan(st(cands(), [[null], [0], [0]], [0.1, s1, s2]), [1, 2])?.candidate;
    it('both changed → the higher-scoring program (j)', () => expect(merged(0.5, 0.8)?.c).toBe('C2'));
    it('both changed → the higher-scoring program (i)', () => expect(merged(0.8, 0.5)?.c).toBe('C1'));
    it('both changed with tied scores → one of the two texts', () =>
      expect(['C1', 'C2']).toContain(merged(0.5, 0.5)?.c));
    it('identical change on both sides → that text', () => expect(merged(0.5, 0.8)?.d).toBe('Dx'));
    it('untouched by both → the ancestor text', () => expect(merged(0.5, 0.8)?.e).toBe('E0'));
    it('one side changed → the changed text', () => expect(merged(0.5, 0.8)).toMatchObject({ a: 'A1', b: 'B2' }));
    it('descriptor lists the source of each component', () =>
      expect(plan(st(cands(), [[null], [0], [0]], [0.1, 0.5, 0.8]), [1, 2])?.descriptor).toBe('1,2|1,2,2,1,1'));
  });

  describe('several common ancestors', () => {
    // common ancestors of 2 and 3 are 0 and 1; both give the same combination
    const s = (scores: number[]) =>
      st(
        [
          { a: 'x', b: 'y' },
          { a: 'x', b: 'y1' },
          { a: 'x2', b: 'y1' },
          { a: 'x', b: 'y3' },
        ],
        [[null], [0], [1], [1]],
        scores,
      );
    it('tries every ancestor once, then gives up on a repeated combination', () => {
      const m = emptyMergeState();
      const first = plan(s([0.1, 0.2, 0.5, 0.6]), [2, 3], m);
      const second = plan(s([0.1, 0.2, 0.5, 0.6]), [2, 3], m);
      expect([first?.candidate, second, [...m.triedTriplets].sort()]).toEqual([
        { a: 'x2', b: 'y3' },
        null,
        ['2,3,0', '2,3,1'],
      ]);
    });
    it('does not crash when every ancestor scores zero (uniform pick)', () =>
      expect([0, 1]).toContain(plan(s([0, 0, 0, 0]), [2, 3])?.ancestor));
  });

  it('is deterministic for a seed', () => {
    const cands = [1, 2, 3];
    const s = st(
      [
        { a: 'A0', b: 'B0' },
        { a: 'A1', b: 'B0' },
        { a: 'A0', b: 'B2' },
        { a: 'A0', b: 'B3' },
      ],
      [[null], [0], [0], [0]],
      [0.1, 0.5, 0.6, 0.7],
    );
    expect(plan(s, cands, emptyMergeState(), 42)).toEqual(plan(s, cands, emptyMergeState(), 42));
  });
});

describe('mergeSubsample', () => {
  // ids 0-2: i wins, 3-5: j wins, 6-8: ties
  const I = [1, 1, 1, 0, 0, 0, 0.5, 0.5, 0.5];
  const J = [0, 0, 0, 1, 1, 1, 0.5, 0.5, 0.5];
  const buckets = (ids: number[]) => [
    ids.filter((v) => v < 3).length,
    ids.filter((v) => v >= 3 && v < 6).length,
    ids.filter((v) => v >= 6).length,
  ];
  it('balances i-wins, j-wins and ties', () =>
    expect(buckets(mergeSubsample(I, J, 6, 5, new Rng(1)) ?? [])).toEqual([2, 2, 2]));
  it('gives the remainder to ties', () =>
    expect(buckets(mergeSubsample(I, J, 5, 5, new Rng(1)) ?? [])).toEqual([2, 2, 1]));
  it('takes one of each for size 3', () =>
    expect(buckets(mergeSubsample(I, J, 3, 1, new Rng(3)) ?? [])).toEqual([1, 1, 1]));
  it('returns sorted ids', () => {
    const ids = mergeSubsample(I, J, 6, 5, new Rng(9)) ?? [];
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
  it('caps the size at the shared ids', () =>
    expect(mergeSubsample(I, J, 20, 5, new Rng(1))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]));
  it('fills from the other buckets when one is short', () => {
    const ids = mergeSubsample([1, 1, 1, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0, 0, 0], 5, 1, new Rng(2)) ?? [];
    expect([ids.length, new Set(ids).size]).toEqual([5, 5]);
  });
  it('only uses ids scored for both', () =>
    expect(Math.max(...(mergeSubsample([1, 0, 1, 0, 1, 0, 1], [0, 1, 0, 1], 9, 1, new Rng(1)) ?? [99]))).toBeLessThan(
      4,
    ));
  it('is null under the overlap floor', () => expect(mergeSubsample(I, J, 5, 10, new Rng(1))).toBeNull());
  it('is not null at the overlap floor', () => expect(mergeSubsample(I, J, 5, 9, new Rng(1))).not.toBeNull());
  it('is deterministic with a seeded Rng', () =>
    expect(mergeSubsample(I, J, 5, 5, new Rng(11))).toEqual(mergeSubsample(I, J, 5, 5, new Rng(11))));
  it('depends on the seed', () => {
    const draws = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((s) => JSON.stringify(mergeSubsample(I, J, 3, 1, new Rng(s)))));
    expect(draws.size).toBeGreaterThan(1);
  });
});

describe('planMerge search depth', () => {
  // 0 is the seed, 1 and 2 the textbook pair; 3…12 are descendants of 1 only (an ancestor–descendant
  // pair can never merge), so most random pairs are useless
  const wide = () => {
    const cands: Candidate[] = [
      { a: 'A0', b: 'B0' },
      { a: 'A1', b: 'B0' },
      { a: 'A0', b: 'B2' },
    ];
    const parents: (number | null)[][] = [[null], [0], [0]];
    for (let k = 3; k < 13; k++) {
      cands.push({ a: `A1.${k}`, b: 'B0' });
      parents.push([k === 3 ? 1 : k - 1]);
    }
    return st(
      cands,
      parents,
      cands.map((_, i) => (i === 0 ? 0.1 : 0.5)),
    );
  };
  /** draws the same useless pair (3, 4) `useless` times, then the mergeable (1, 2) */
  const scriptedRng = (useless: number) => {
    const rng = new Rng(1);
    let draws = 0;
    rng.sample2 = <T>(xs: readonly T[]): [T, T] => {
      draws++;
      return (draws <= useless ? [xs[3], xs[4]] : [xs[1], xs[2]]) as [T, T];
    };
    return { rng, draws: () => draws };
  };

  it('keeps drawing pairs up to the reference’s 10 × 10 before giving up', () => {
    const s = wide();
    const { rng } = scriptedRng(95);
    expect(planMerge(s, [0, 1, 2, 3, 4, 5], emptyMergeState(), rng)?.candidate).toEqual({ a: 'A1', b: 'B2' });
  });

  it('gives up after 100 useless draws', () => {
    const s = wide();
    const { rng, draws } = scriptedRng(1000);
    expect(planMerge(s, [0, 1, 2, 3, 4, 5], emptyMergeState(), rng)).toBeNull();
    expect(draws()).toBe(100);
  });
});
