import { describe, expect, it } from 'vitest';
import { candidateView } from '../__fixtures__/candidateView.ts';
import { exampleRows, filterRows, inputText } from './exampleRows.ts';

const cand = (valScores: number[], outputs: string[]) => candidateView(0, { valScores, outputs });

describe('exampleRows', () => {
  it('flattens inputs to text: one field bare, several by name', () => {
    expect(inputText({ id: 'a', review: 'Not bad.', answer: 'positive' })).toBe('Not bad.');
    expect(inputText({ id: 'a', q: 'x', n: 3, answer: 'y' })).toBe('q: x\nn: 3');
  });

  it('pairs each example with the output, score and the compared score', () => {
    const rows = exampleRows(
      [{ id: 'e1', review: 'Great!', answer: 'positive' }],
      cand([1], ['positive']),
      cand([0], ['negative']),
    );
    expect(rows).toEqual([
      { index: 0, id: 'e1', input: 'Great!', expected: 'positive', output: 'positive', score: 1, compareScore: 0 },
    ]);
  });

  it('still lists scores when the examples are unknown (an import without them)', () => {
    expect(exampleRows([], cand([0.5, 1], ['a', 'b']), null).map((r) => [r.id, r.score, r.compareScore])).toEqual([
      ['0', 0.5, null],
      ['1', 1, null],
    ]);
  });

  it('filters to imperfect rows or to rows where the compared candidate differs', () => {
    const rows = exampleRows([], cand([1, 0.5, 0], ['a', 'b', 'c']), cand([1, 1, 0], ['a', 'b', 'c']));
    expect(filterRows(rows, 'all')).toHaveLength(3);
    expect(filterRows(rows, 'imperfect').map((r) => r.index)).toEqual([1, 2]);
    expect(filterRows(rows, 'differs').map((r) => r.index)).toEqual([1]);
  });
});
