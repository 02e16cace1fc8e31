import { describe, expect, it } from 'vitest';
import { estimateTokens, hashText, pick } from './hash.ts';

describe('hash', () => {
  it('is a pure function of the text', () => expect(hashText('Review: not bad')).toBe(hashText('Review: not bad')));
  it('tells nearby texts apart', () =>
    expect(new Set(['a', 'b', 'ab', 'ba', 'a ', ' a']).size).toBe(
      new Set(['a', 'b', 'ab', 'ba', 'a ', ' a'].map(hashText)).size,
    ));
  it('spreads residues over every bucket of 100', () => {
    const buckets = new Set(Array.from({ length: 3000 }, (_, i) => hashText(`prompt ${i}`) % 100));
    expect(buckets.size).toBe(100);
  });
  it('is an unsigned 32-bit integer', () => {
    const h = hashText('x'.repeat(1000));
    expect(Number.isInteger(h) && h >= 0 && h < 2 ** 32).toBe(true);
  });
  it('pick takes the item at the hash modulo the length', () => expect(pick(['a', 'b', 'c'], 7)).toBe('b'));
  it('pick refuses an empty list', () => expect(() => pick([], 1)).toThrow(RangeError));
  it('estimates about four characters a token, rounding up', () => {
    expect(estimateTokens('')).toBe(0);
    expect(estimateTokens('abcd')).toBe(1);
    expect(estimateTokens('abcde')).toBe(2);
  });
});
