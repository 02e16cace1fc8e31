import { describe, expect, it } from 'vitest';
import { maxSelected } from './proposalSelection.ts';

describe('maxSelected', () => {
  it('a round keeps at most what its selection allows', () => {
    expect(maxSelected('all', 6)).toBe(6);
    expect(maxSelected('best', 6)).toBe(1);
    expect(maxSelected({ kind: 'top_k', k: 2 }, 6)).toBe(2);
    expect(maxSelected({ kind: 'top_k', k: 9 }, 6)).toBe(6);
  });
});
