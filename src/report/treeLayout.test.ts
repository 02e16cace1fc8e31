import { describe, expect, it } from 'vitest';
import { layoutTree, rowsFor, TREE_SPACING } from './treeLayout.ts';

describe('layoutTree', () => {
  it('puts the seed first and each generation one step right of its parents', () => {
    const { positions, depths } = layoutTree([
      { idx: 0, parentIds: [] },
      { idx: 1, parentIds: [0] },
      { idx: 2, parentIds: [1] },
      { idx: 3, parentIds: [0, 2] },
    ]);
    expect(positions[0]).toEqual([0, 0]);
    expect(depths).toEqual([0, 1, 2, 3]);
    expect(positions.map((p) => p[0])).toEqual([0, 1, 2, 3].map((d) => d * TREE_SPACING.generation));
  });

  it('orders a generation by its parents’ height and centres it', () => {
    const { positions } = layoutTree([
      { idx: 0, parentIds: [] },
      { idx: 1, parentIds: [0] },
      { idx: 2, parentIds: [0] },
      { idx: 3, parentIds: [2] },
      { idx: 4, parentIds: [1] },
    ]);
    expect(positions[1]![1]).toBe(-positions[2]![1]);
    // 4's parent (1) is above 3's parent (2)
    expect(positions[4]![1]).toBeLessThan(positions[3]![1]);
  });

  it('wraps a wide generation into sub-columns, one spot per node', () => {
    const n = 200;
    const tree = layoutTree([
      { idx: 0, parentIds: [] },
      ...Array.from({ length: n }, (_, i) => ({ idx: i + 1, parentIds: [0] })),
    ]);
    const rows = rowsFor(n + 1);
    const perColumn = new Map<number, number>();
    for (const [x] of tree.positions.slice(1)) perColumn.set(x, (perColumn.get(x) ?? 0) + 1);
    expect(Math.max(...perColumn.values())).toBeLessThanOrEqual(rows);
    expect(new Set(tree.positions.map((p) => p.join())).size).toBe(n + 1);
    expect(tree.width).toBe((Math.ceil(n / rows) - 1) * TREE_SPACING.subColumn + TREE_SPACING.generation);
    expect(tree.width).toBeGreaterThan(tree.height);
  });

  it('treats an unknown parent as absent', () => {
    expect(layoutTree([{ idx: 5, parentIds: [9] }]).depths).toEqual([0]);
  });
});
