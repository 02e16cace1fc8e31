import { describe, expect, it } from 'vitest';
import { candidateView } from '../__fixtures__/candidateView.ts';
import { bestPerExample, cellAt, matrixGeometry, objectiveCells, topPerExample } from './scoreMatrix.ts';

const cand = (idx: number, valScores: number[]) => candidateView(idx, { valScores });

describe('scoreMatrix', () => {
  it('takes the front from the run when it covers every example', () => {
    expect(bestPerExample([cand(0, [1, 0])], [[0], [1, 2]], 2).map((s) => [...s])).toEqual([[0], [1, 2]]);
  });

  it('computes the top scorers (ties included) when there is no front', () => {
    const best = bestPerExample([cand(0, [1, 0, 0.5]), undefined, cand(2, [1, 0.2, 0.4])], [], 3);
    expect(best.map((s) => [...s])).toEqual([[0, 2], [2], [0]]);
  });

  it('grows cells to fill the panel and labels rows when they are tall enough', () => {
    const g = matrixGeometry(10, 20, 1000, 400);
    expect(g.cellH).toBe(22);
    expect(g.labelW).toBe(92);
    expect(g.cellW).toBe(32);
    expect(g.width).toBe(92 + 20 * 32);
  });

  it('keeps minimum cells for 300 × 500, so the matrix scrolls rather than vanishes', () => {
    const g = matrixGeometry(300, 500, 1200, 500);
    expect(g.cellH).toBe(3);
    expect(g.cellW).toBe(2);
    expect(g.labelW).toBe(8);
    expect(g.height).toBe(900);
  });

  it('finds the cell under the pointer', () => {
    const g = matrixGeometry(10, 20, 1000, 400);
    expect(cellAt(g, 92 + 33, 23)).toEqual({ row: 1, col: 1 });
    expect(cellAt(g, 50, 23)).toBeNull();
    expect(cellAt(g, 92 + 20 * 32, 5)).toBeNull();
    expect(cellAt(g, 100, 10 * 22)).toBeNull();
  });
});

describe('the matrix of one objective', () => {
  const withBrevity = (idx: number, brevity: (number | undefined)[]) =>
    candidateView(idx, {
      valScores: brevity.map(() => 1),
      objectives: {
        perExample: brevity.map((b): Record<string, number> => (b === undefined ? {} : { brevity: b, correctness: 1 })),
        aggregate: { brevity: 0 },
      },
    });

  it('shows the objective per example, and its front is the top value of each example', () => {
    const candidates = [withBrevity(0, [0.2, 0.9, undefined]), withBrevity(1, [0.5, 0.9, 0.1]), candidateView(2)];
    expect(objectiveCells('brevity')(candidates[0]!)).toEqual([0.2, 0.9, undefined]);
    expect(objectiveCells('brevity')(candidates[2]!)).toEqual([]);
    expect(topPerExample(candidates, objectiveCells('brevity'), 3)).toEqual([
      new Set([1]),
      new Set([0, 1]),
      new Set([1]),
    ]);
  });
});
