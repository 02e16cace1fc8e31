import { describe, expect, it } from 'vitest';
import { Rng, type RngState } from './rng.ts';

const draw = (r: Rng, n = 8) => Array.from({ length: n }, () => r.nextUint32());
const tally = <T>(n: number, f: () => T) => {
  const m = new Map<T, number>();
  for (let i = 0; i < n; i++) {
    const x = f();
    m.set(x, (m.get(x) ?? 0) + 1);
  }
  return m;
};

describe('Rng sequence', () => {
  it('same seed gives the same sequence', () => expect(draw(new Rng(42))).toEqual(draw(new Rng(42))));
  it('different seeds give different sequences', () => expect(draw(new Rng(1))).not.toEqual(draw(new Rng(2))));
  it('the default seed is 0', () => expect(draw(new Rng())).toEqual(draw(new Rng(0))));
  it('nextUint32 yields unsigned 32-bit integers', () =>
    expect(draw(new Rng(3), 200).every((x) => Number.isInteger(x) && x >= 0 && x < 2 ** 32)).toBe(true));
  it('next() stays in [0, 1) with a mean near 0.5', () => {
    const r = new Rng(5);
    const xs = Array.from({ length: 5000 }, () => r.next());
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Math.abs(xs.reduce((s, x) => s + x, 0) / xs.length - 0.5)).toBeLessThan(0.02);
  });
});

describe('Rng state', () => {
  it('new Rng(state()) resumes the exact sequence', () => {
    const r = new Rng(7);
    draw(r, 5);
    const s = r.state();
    expect(draw(new Rng(s))).toEqual(draw(r));
  });
  it('setState rewinds to a saved point', () => {
    const r = new Rng(7);
    const s = r.state();
    const a = draw(r);
    r.setState(s);
    expect(draw(r)).toEqual(a);
  });
  it('state() is a copy that later draws do not change', () => {
    const r = new Rng(9);
    const s = r.state();
    const copy = [...s];
    draw(r);
    expect(s).toEqual(copy);
  });
  it("new Rng(state) does not mutate the caller's array", () => {
    const s = new Rng(9).state();
    const copy = [...s];
    draw(new Rng(s));
    expect(s).toEqual(copy);
  });
  it('setState copies its argument', () => {
    const r = new Rng(1);
    const s = new Rng(2).state();
    r.setState(s);
    draw(r);
    expect(s).toEqual(new Rng(2).state());
  });
  it('the state survives a JSON round trip', () => {
    const r = new Rng(11);
    draw(r, 3);
    const s = JSON.parse(JSON.stringify(r.state())) as RngState;
    expect(draw(new Rng(s))).toEqual(draw(r));
  });
});

describe('Rng.int and choice', () => {
  it('int(n) stays in [0, n) and hits every value', () => {
    const r = new Rng(1);
    expect([...tally(500, () => r.int(7)).keys()].sort()).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });
  it('int(1) is always 0', () => {
    const r = new Rng(1);
    expect(tally(100, () => r.int(1))).toEqual(new Map([[0, 100]]));
  });
  it('int is roughly uniform', () => {
    const r = new Rng(2);
    expect([...tally(6000, () => r.int(6)).values()].every((c) => c > 850 && c < 1150)).toBe(true);
  });
  it('int rejects 0, negatives and non-integers', () => {
    for (const n of [0, -3, 2.5, NaN, Infinity]) expect(() => new Rng(0).int(n)).toThrow(RangeError);
  });
  it('choice picks an item of the list', () => {
    const r = new Rng(4);
    expect(['a', 'b', 'c']).toContain(r.choice(['a', 'b', 'c']));
  });
  it('choice throws on an empty list', () => expect(() => new Rng(0).choice([])).toThrow(RangeError));
});

describe('Rng.shuffle', () => {
  const ids = () => Array.from({ length: 20 }, (_, i) => i);
  it('is a permutation', () => expect([...new Rng(3).shuffle(ids())].sort((a, b) => a - b)).toEqual(ids()));
  it('shuffles in place and returns the same array', () => {
    const a = ids();
    expect(new Rng(3).shuffle(a)).toBe(a);
  });
  it('actually reorders', () => expect(new Rng(3).shuffle(ids())).not.toEqual(ids()));
  it('is deterministic per seed', () => expect(new Rng(8).shuffle(ids())).toEqual(new Rng(8).shuffle(ids())));
  it('handles empty and single-item lists', () => {
    expect(new Rng(0).shuffle([])).toEqual([]);
    expect(new Rng(0).shuffle([1])).toEqual([1]);
  });
  it('reaches every order of three items', () => {
    const r = new Rng(6);
    expect(tally(600, () => r.shuffle([1, 2, 3]).join('')).size).toBe(6);
  });
});

describe('Rng.sample2', () => {
  it('returns two distinct positions', () => {
    const r = new Rng(1);
    for (let i = 0; i < 300; i++) {
      const [a, b] = r.sample2([0, 1, 2, 3]);
      expect(a).not.toBe(b);
    }
  });
  it('distinct positions even when items are equal', () => {
    const r = new Rng(1);
    const objs = [{}, {}];
    const [a, b] = r.sample2(objs);
    expect(a).not.toBe(b);
  });
  it('covers every ordered pair', () => {
    const r = new Rng(2);
    expect(tally(600, () => r.sample2(['a', 'b', 'c']).join('')).size).toBe(6);
  });
  it('covers ordered pairs roughly uniformly', () => {
    const r = new Rng(2);
    expect([...tally(6000, () => r.sample2(['a', 'b', 'c']).join('')).values()].every((c) => c > 850 && c < 1150)).toBe(
      true,
    );
  });
  it('needs at least two items', () => {
    expect(() => new Rng(0).sample2([1])).toThrow(RangeError);
    expect(() => new Rng(0).sample2([])).toThrow(RangeError);
  });
});

describe('Rng.weightedChoice', () => {
  it('follows the weights', () => {
    const r = new Rng(1);
    expect((tally(4000, () => r.weightedChoice(['a', 'b'], [1, 3])).get('b') ?? 0) / 4000).toBeCloseTo(0.75, 1);
  });
  it('follows uneven weights over several items', () => {
    const r = new Rng(2);
    const t = tally(10000, () => r.weightedChoice(['a', 'b', 'c'], [1, 2, 7]));
    expect([t.get('a'), t.get('b'), t.get('c')].map((c) => Math.round((c ?? 0) / 1000))).toEqual([1, 2, 7]);
  });
  it('never picks a zero-weight item', () => {
    const r = new Rng(3);
    expect(tally(1000, () => r.weightedChoice(['a', 'b', 'c'], [1, 0, 1])).has('b')).toBe(false);
  });
  it('treats negative weights as zero', () => {
    const r = new Rng(3);
    expect(tally(1000, () => r.weightedChoice(['a', 'b'], [-5, 1]))).toEqual(new Map([['b', 1000]]));
  });
  it('treats missing weights as zero', () => {
    const r = new Rng(3);
    expect(tally(500, () => r.weightedChoice(['a', 'b'], [1]))).toEqual(new Map([['a', 500]]));
  });
  it('falls back to uniform when every weight is zero', () => {
    const r = new Rng(4);
    expect(
      [...tally(3000, () => r.weightedChoice(['a', 'b', 'c'], [0, 0, 0])).values()].every((c) => c > 850 && c < 1150),
    ).toBe(true);
  });
  it('falls back to uniform when there are no weights', () => {
    const r = new Rng(4);
    expect(tally(300, () => r.weightedChoice(['a', 'b'], [])).size).toBe(2);
  });
  it('is deterministic per seed', () => {
    const pick = (r: Rng) => Array.from({ length: 20 }, () => r.weightedChoice([0, 1, 2], [1, 2, 3]));
    expect(pick(new Rng(5))).toEqual(pick(new Rng(5)));
  });
  it('throws on an empty list', () => expect(() => new Rng(0).weightedChoice([], [])).toThrow(RangeError));
});
