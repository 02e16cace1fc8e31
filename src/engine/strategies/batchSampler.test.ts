import { describe, expect, it } from 'vitest';
import { Rng } from '../rng.ts';
import { emptySamplerState, nextMinibatch, type SamplerState } from './batchSampler.ts';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

/** Batches for iterations from..to-1 on a trainset of `size`, continuing `s` and `rng`. */
const batches = (s: SamplerState, rng: Rng, size: number, mb: number, from: number, to: number) =>
  range(to - from).map(() => nextMinibatch(s, size, mb, rng));
const run = (size: number, mb: number, n: number, seed = 0) =>
  batches(emptySamplerState(), new Rng(seed), size, mb, 0, n);
const tally = (ids: number[]) => ids.reduce<Record<number, number>>((m, id) => ({ ...m, [id]: (m[id] ?? 0) + 1 }), {});

describe('nextMinibatch: epochs', () => {
  it('returns minibatch-sized batches', () => expect(run(10, 3, 8).every((b) => b.length === 3)).toBe(true));
  it('serves every id once per epoch before any repeats', () =>
    expect(sorted(run(12, 3, 4).flat())).toEqual(range(12)));
  it('serves every id once in each later epoch too', () => {
    const b = run(6, 2, 9);
    for (let e = 0; e < 3; e++) expect(sorted(b.slice(3 * e, 3 * e + 3).flat())).toEqual(range(6));
  });
  it('shuffles the first epoch', () => expect(run(20, 5, 4).flat()).not.toEqual(range(20)));
  it('reshuffles in a new epoch', () => {
    const b = run(20, 5, 8);
    expect(b.slice(4).flat()).not.toEqual(b.slice(0, 4).flat());
  });
  it('advances the epoch counter', () => {
    const s = emptySamplerState();
    batches(s, new Rng(0), 6, 2, 0, 7);
    expect(s.epoch).toBe(2);
  });
  it('counts how often each id was used', () => {
    const s = emptySamplerState();
    batches(s, new Rng(0), 4, 2, 0, 4);
    expect(s.idFreqs).toEqual([2, 2, 2, 2]);
  });
  it('a single-item trainset always yields that item', () => expect(run(1, 1, 3)).toEqual([[0], [0], [0]]));
});

describe('nextMinibatch: padding', () => {
  it('pads an epoch to a multiple of the minibatch', () => {
    const s = emptySamplerState();
    nextMinibatch(s, 5, 2, new Rng(0));
    expect(s.shuffledIds).toHaveLength(6);
  });
  it('the padded epoch holds each id once plus the padding', () => {
    const b = run(5, 2, 3).flat();
    expect(Object.values(tally(b)).sort()).toEqual([1, 1, 1, 1, 2]);
  });
  it('pads with the least-used id, lowest id on ties', () => {
    const s = emptySamplerState();
    nextMinibatch(s, 5, 2, new Rng(0));
    expect(s.shuffledIds.at(-1)).toBe(0);
  });
  it('padding rotates to the least-used ids over epochs', () => {
    const s = emptySamplerState();
    const rng = new Rng(0);
    // 5 ids padded to 6 = 3 batches per epoch; the 3rd batch of each epoch ends with that epoch's pad
    const pads = range(5).map(() => {
      batches(s, rng, 5, 2, 0, 3);
      return s.shuffledIds.at(-1);
    });
    expect(pads).toEqual([0, 1, 2, 3, 4]);
  });
  it('usage stays balanced over many epochs', () =>
    expect(Object.values(tally(run(5, 2, 15).flat()))).toEqual([6, 6, 6, 6, 6]));
  it('pads several slots with distinct least-used ids', () => {
    const s = emptySamplerState();
    nextMinibatch(s, 5, 4, new Rng(1));
    expect(s.shuffledIds.slice(5)).toEqual([0, 1, 2]);
  });
  it('no padding when the size is a multiple of the minibatch', () => {
    const s = emptySamplerState();
    nextMinibatch(s, 6, 3, new Rng(0));
    expect(sorted(s.shuffledIds)).toEqual(range(6));
  });
});

describe('nextMinibatch: minibatch larger than the trainset', () => {
  it('returns a full minibatch', () => expect(run(3, 5, 4).every((b) => b.length === 5)).toBe(true));
  it('includes every id in each batch', () => expect(run(3, 5, 4).every((b) => new Set(b).size === 3)).toBe(true));
  it('repeats ids as evenly as possible', () =>
    expect(Object.values(tally(run(2, 7, 1)[0] as number[])).sort()).toEqual([3, 4]));
  it('minibatch equal to the trainset returns every id each time', () =>
    expect(run(4, 4, 3).map(sorted)).toEqual([range(4), range(4), range(4)]));
});

describe('nextMinibatch: a growing trainset', () => {
  it('starts a fresh shuffle that includes the new ids', () => {
    const s = emptySamplerState();
    const rng = new Rng(0);
    batches(s, rng, 4, 2, 0, 2);
    nextMinibatch(s, 6, 2, rng);
    expect([s.lastTrainsetSize, sorted(s.shuffledIds)]).toEqual([6, range(6)]);
  });
  it('serves every id, new ones included, in the pass after growth', () => {
    const s = emptySamplerState();
    const rng = new Rng(0);
    batches(s, rng, 4, 2, 0, 2);
    expect(sorted(batches(s, rng, 6, 2, 2, 5).flat())).toEqual(range(6));
  });
  it('keeps reshuffling in the epochs after growth', () => {
    const s = emptySamplerState();
    const rng = new Rng(0);
    batches(s, rng, 2, 1, 0, 10);
    const first = batches(s, rng, 10, 1, 10, 20).flat();
    const second = batches(s, rng, 10, 1, 20, 30).flat();
    expect([sorted(first), sorted(second)]).toEqual([range(10), range(10)]);
    expect(second).not.toEqual(first);
  });
  it('extends the usage counts to the new ids', () => {
    const s = emptySamplerState();
    const rng = new Rng(0);
    nextMinibatch(s, 2, 2, rng);
    nextMinibatch(s, 4, 2, rng);
    expect(s.idFreqs).toEqual([2, 2, 1, 1]);
  });
});

describe('nextMinibatch: determinism and errors', () => {
  it('is deterministic with the same Rng seed', () => expect(run(7, 3, 10, 5)).toEqual(run(7, 3, 10, 5)));
  it('differs with another seed', () => expect(run(7, 3, 10, 5)).not.toEqual(run(7, 3, 10, 6)));
  it('resumes exactly from a JSON copy of the sampler and rng state', () => {
    const s = emptySamplerState();
    const rng = new Rng(2);
    batches(s, rng, 7, 3, 0, 4);
    const copy = JSON.parse(JSON.stringify(s)) as SamplerState;
    const rng2 = new Rng(rng.state());
    expect(batches(copy, rng2, 7, 3, 4, 12)).toEqual(batches(s, rng, 7, 3, 4, 12));
  });
  it('does not draw from the rng within an epoch', () => {
    const s = emptySamplerState();
    const rng = new Rng(0);
    nextMinibatch(s, 6, 2, rng);
    const st = rng.state();
    nextMinibatch(s, 6, 2, rng);
    expect(rng.state()).toEqual(st);
  });
  it('throws on an empty trainset', () =>
    expect(() => nextMinibatch(emptySamplerState(), 0, 2, new Rng(0))).toThrow(/empty trainset/));
});
