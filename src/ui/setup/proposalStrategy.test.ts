import { describe, expect, it } from 'vitest';
import { samplingKind, selectionKind, withSamplingKind, withSelectionKind } from './proposalStrategy.ts';

describe('proposal strategy fields', () => {
  it('names the kind of each strategy', () => {
    expect(samplingKind('single')).toBe('single');
    expect(samplingKind({ kind: 'pxn', p: 2, n: 2 })).toBe('pxn');
    expect(selectionKind('best')).toBe('best');
    expect(selectionKind({ kind: 'top_k', k: 3 })).toBe('top_k');
  });

  it('switching kind keeps the numbers already typed', () => {
    expect(withSamplingKind('single', 'independent')).toEqual({ kind: 'independent', n: 4 });
    expect(withSamplingKind({ kind: 'same_parent', n: 6 }, 'independent')).toEqual({ kind: 'independent', n: 6 });
    expect(withSamplingKind('single', 'pxn')).toEqual({ kind: 'pxn', p: 2, n: 2 });
    expect(withSamplingKind({ kind: 'independent', n: 3 }, 'pxn')).toEqual({ kind: 'pxn', p: 2, n: 3 });
    expect(withSamplingKind({ kind: 'pxn', p: 5, n: 3 }, 'same_parent')).toEqual({ kind: 'same_parent', n: 3 });
    expect(withSamplingKind({ kind: 'pxn', p: 5, n: 3 }, 'single')).toBe('single');
    expect(withSelectionKind('all', 'top_k')).toEqual({ kind: 'top_k', k: 2 });
    expect(withSelectionKind({ kind: 'top_k', k: 5 }, 'top_k')).toEqual({ kind: 'top_k', k: 5 });
    expect(withSelectionKind({ kind: 'top_k', k: 5 }, 'best')).toBe('best');
  });
});
