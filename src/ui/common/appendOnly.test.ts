import { describe, expect, it } from 'vitest';
import { appendOnly } from './appendOnly.ts';

describe('appendOnly', () => {
  const tracked = () => {
    const seen: number[][] = [];
    const double = appendOnly((items: readonly { n: number }[]) => {
      seen.push(items.map((i) => i.n));
      return items.map((i) => i.n * 2);
    });
    return { seen, double };
  };
  const a = { n: 1 };
  const b = { n: 2 };
  const c = { n: 3 };

  it('maps only the items appended since the last call', () => {
    const { seen, double } = tracked();
    expect(double([a, b])).toEqual([2, 4]);
    expect(double([a, b, c])).toEqual([2, 4, 6]);
    expect(seen.slice(1)).toEqual([[1, 2], [3]]);
  });

  it('returns the same output for the same input, a new one for a new input', () => {
    const { double } = tracked();
    const list = [a, b];
    const out = double(list);
    expect(double(list)).toBe(out);
    expect(double([a, b])).not.toBe(out);
  });

  it('maps afresh a list that is not an extension of the last', () => {
    const { seen, double } = tracked();
    double([a, b]);
    expect(double([a, c, c])).toEqual([2, 6, 6]);
    expect(double([a])).toEqual([2]);
    expect(seen.slice(1)).toEqual([[1, 2], [1, 3, 3], [1]]);
  });
});
