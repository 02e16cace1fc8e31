import { describe, expect, it } from 'vitest';
import { diffSide, wordDiff } from './textDiff.ts';

describe('wordDiff', () => {
  it('rebuilds both texts from its parts', () => {
    const before = 'Answer with the label.\nBe brief.';
    const after = 'Answer with the bare label only.\nBe brief and exact.';
    const parts = wordDiff(before, after);
    expect(diffSide(parts, -1)).toBe(before);
    expect(diffSide(parts, 1)).toBe(after);
    expect(parts.some(([op]) => op === 1)).toBe(true);
  });

  it('is one kept part for equal texts, nothing for two empty ones', () => {
    expect(wordDiff('same', 'same')).toEqual([[0, 'same']]);
    expect(wordDiff('', '')).toEqual([]);
  });
});
