import { describe, expect, it } from 'vitest';
import { splitDataset } from './split.ts';

const items = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('splitDataset', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = splitDataset(items(50), { valFraction: 0.3, seed: 7 });
    expect(splitDataset(items(50), { valFraction: 0.3, seed: 7 })).toEqual(a);
    expect(splitDataset(items(50), { valFraction: 0.3, seed: 8 }).val).not.toEqual(a.val);
  });

  it('partitions the examples: sizes follow the fraction, no overlap, file order kept', () => {
    const { train, val } = splitDataset(items(50), { valFraction: 0.3, seed: 1 });
    expect(val).toHaveLength(15);
    expect(train).toHaveLength(35);
    expect([...train, ...val].sort((x, y) => x - y)).toEqual(items(50));
    expect(val).toEqual([...val].sort((x, y) => x - y));
  });

  it('never leaves a side empty with two or more examples', () => {
    expect(splitDataset(items(2), { valFraction: 0, seed: 0 }).val).toHaveLength(1);
    expect(splitDataset(items(2), { valFraction: 1, seed: 0 }).train).toHaveLength(1);
    expect(splitDataset(items(3), { valFraction: 0.01, seed: 0 }).val).toHaveLength(1);
  });

  it('caps the validation set at maxVal', () => {
    const { train, val } = splitDataset(items(100), { valFraction: 0.5, seed: 3, maxVal: 20 });
    expect(val).toHaveLength(20);
    expect(train).toHaveLength(80);
  });

  it('uses a single example for both sides and an empty list for neither', () => {
    expect(splitDataset(['only'], { valFraction: 0.5, seed: 0 })).toEqual({ train: ['only'], val: ['only'] });
    expect(splitDataset([], { valFraction: 0.5, seed: 0 })).toEqual({ train: [], val: [] });
  });

  it('rejects a fraction outside [0, 1] and a cap below 1', () => {
    expect(() => splitDataset(items(4), { valFraction: 1.5, seed: 0 })).toThrow(
      'valFraction must be in [0, 1], got 1.5',
    );
    expect(() => splitDataset(items(4), { valFraction: Number.NaN, seed: 0 })).toThrow(RangeError);
    expect(() => splitDataset(items(4), { valFraction: 0.5, seed: 0, maxVal: 0 })).toThrow('maxVal must be at least 1');
  });
});
