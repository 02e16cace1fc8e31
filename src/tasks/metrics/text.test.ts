import { describe, expect, it } from 'vitest';
import { list, normalizeAnswer, quote, tokens } from './text.ts';

describe('text helpers', () => {
  it('normalises like SQuAD: case, punctuation, articles, spacing', () => {
    expect(normalizeAnswer('  The  Eiffel-Tower, in Paris! ')).toBe('eiffeltower in paris');
    expect(normalizeAnswer('An apple a day')).toBe('apple day');
    expect(normalizeAnswer('The Paris', { caseSensitive: true })).toBe('Paris');
    expect(tokens('The cat, the hat.')).toEqual(['cat', 'hat']);
    expect(tokens('...')).toEqual([]);
  });

  it('quotes short text whole and clips the middle of long text', () => {
    expect(quote('abc')).toBe('"abc"');
    const long = `${'a'.repeat(100)}${'b'.repeat(100)}`;
    expect(quote(long, 60)).toBe(`"${'a'.repeat(20)}… [160 characters omitted] …${'b'.repeat(20)}"`);
  });

  it('lists items, capping long lists', () => {
    expect(list(['a', 'b'])).toBe('"a", "b"');
    expect(list(['a', 'b', 'c'], 2)).toBe('"a", "b" and 1 more');
  });
});
