import { describe, expect, it } from 'vitest';
import { dominatedPrograms, frontFrequencies, nonDominatedFrequencies, removeDominated } from './dominance.ts';
import { Rng } from './rng.ts';

/** removeDominated over named fronts, named again in the result */
const rd = (fronts: Record<string, number[]>, scores: number[]) => {
  const kept = removeDominated(Object.values(fronts), scores);
  return Object.fromEntries(Object.keys(fronts).map((k, i) => [k, kept[i]]));
};

/**
 * The reference's algorithm, literally: in ascending (score, index) order find the first program
 * whose every front has another survivor, drop it, and start again until nothing changes.
 */
function bruteForceDominated(lists: number[][], scores: number[]): Set<number> {
  const programs = [...new Set(lists.flat())].sort((a, b) => (scores[a] ?? 0) - (scores[b] ?? 0) || a - b);
  const dominated = new Set<number>();
  for (let found = true; found;) {
    found = false;
    for (const y of programs) {
      if (dominated.has(y)) continue;
      const everyFrontCovered = lists
        .filter((front) => front.includes(y))
        .every((front) => front.some((p) => p !== y && !dominated.has(p)));
      if (everyFrontCovered) {
        dominated.add(y);
        found = true;
        break;
      }
    }
  }
  return dominated;
}

/** Random fronts: each program joins each front with probability `density`, scores from few levels. */
function randomCase(rng: Rng, programs: number, fronts: number, density: number, levels: number) {
  const scores = Array.from({ length: programs }, () => rng.int(levels) / levels);
  const lists = Array.from({ length: fronts }, () =>
    Array.from({ length: programs }, (_, p) => p).filter(() => rng.next() < density),
  );
  return { lists, scores };
}

describe('dominatedPrograms', () => {
  it('matches the reference restart loop on random fronts', () => {
    const rng = new Rng(7);
    for (let t = 0; t < 300; t++) {
      const { lists, scores } = randomCase(
        rng,
        1 + rng.int(12),
        1 + rng.int(8),
        0.1 + rng.next() * 0.6,
        1 + rng.int(4),
      );
      const dominated = dominatedPrograms(lists, scores);
      const got = new Set(lists.flat().filter((p) => dominated[p] === 1));
      expect(got).toEqual(bruteForceDominated(lists, scores));
    }
  });
  it('marks nothing for programs on no front', () =>
    expect([...dominatedPrograms([[2]], [0.9, 0.9, 0.1])]).toEqual([0, 0, 0]));
  it('is empty without fronts', () => expect(dominatedPrograms([], []).length).toBe(0));
});

describe('removeDominated', () => {
  it('of two programs tying on every front, the lower-scored one goes', () =>
    expect(rd({ a: [0, 1], b: [0, 1] }, [0.4, 0.6])).toEqual({ a: [1], b: [1] }));
  it('on equal scores too, the lower index goes and one survives', () =>
    expect(rd({ a: [0, 1], b: [0, 1] }, [0.5, 0.5])).toEqual({ a: [1], b: [1] }));
  it('of three identical programs exactly one survives', () =>
    expect(rd({ a: [0, 1, 2] }, [0.2, 0.9, 0.5])).toEqual({ a: [1] }));
  it('keeps the sole best on one example even with a low average', () =>
    expect(rd({ a: [0, 1], b: [0], c: [1] }, [0.9, 0.1])).toEqual({
      a: [0, 1],
      b: [0],
      c: [1],
    }));
  it("removes a program whose fronts are a subset of another's", () =>
    expect(rd({ a: [0, 1], b: [1] }, [0.9, 0.5])).toEqual({ a: [1], b: [1] }));
  it('resolves a chain of domination, low scores first', () =>
    expect(rd({ f1: [0, 1, 2], f2: [1, 2], f3: [2] }, [0.1, 0.2, 0.3])).toEqual({
      f1: [2],
      f2: [2],
      f3: [2],
    }));
  it('resolves a chain whatever the score order', () =>
    expect(rd({ f1: [0, 1, 2], f2: [1, 2], f3: [2] }, [0.3, 0.2, 0.1])).toEqual({
      f1: [2],
      f2: [2],
      f3: [2],
    }));
  it('never empties a non-empty front', () =>
    expect(
      removeDominated(
        [
          [0, 1],
          [1, 2],
          [2, 0],
        ],
        [0.1, 0.2, 0.3],
      ).every((p) => p.length > 0),
    ).toBe(true));
  it('keeps empty fronts as empty', () => expect(rd({ a: [], b: [0] }, [1])).toEqual({ a: [], b: [0] }));
  it('does not mutate its input', () => {
    const lists = [[0, 1]];
    removeDominated(lists, [0, 1]);
    expect(lists).toEqual([[0, 1]]);
  });
});

describe('frontFrequencies', () => {
  it('counts fronts per program, ordered by index', () =>
    expect(frontFrequencies([[2, 0], [0], [1, 2]])).toEqual([
      [0, 2],
      [1, 1],
      [2, 2],
    ]));
  it('is empty for empty fronts', () => expect(frontFrequencies([[], []])).toEqual([]));
});

describe('nonDominatedFrequencies', () => {
  it('equals frontFrequencies after removeDominated on random fronts', () => {
    const rng = new Rng(11);
    for (let t = 0; t < 200; t++) {
      const { lists, scores } = randomCase(
        rng,
        1 + rng.int(20),
        1 + rng.int(10),
        0.1 + rng.next() * 0.6,
        1 + rng.int(4),
      );
      expect(nonDominatedFrequencies(lists, scores)).toEqual(frontFrequencies(removeDominated(lists, scores)));
    }
  });
});
