import { describe, expect, it } from 'vitest';
import { LINEAGE_SPACING, layoutLineage } from './lineageLayout.ts';
import type { LineageCandidateInput } from './lineageLayout.ts';

const c = (idx: number, ...parentIds: number[]): LineageCandidateInput => ({ idx, parentIds });
const at = (layout: ReturnType<typeof layoutLineage>, id: string) => layout.nodes.find((n) => n.id === id)!;
const { column, row } = LINEAGE_SPACING;

// seed 0; 1 and 2 from 0; 3 from 1; 4 from 3; 5 merges 2 and 4
const RUN = [c(0), c(1, 0), c(2, 0), c(3, 1), c(4, 3), c(5, 2, 4)];

describe('layoutLineage', () => {
  it('puts the seed at the origin and children one column right, beside their parent', () => {
    const l = layoutLineage(RUN);
    expect(at(l, 'c0')).toMatchObject({ depth: 0, row: 0, x: 0, y: 0 });
    expect(at(l, 'c1')).toMatchObject({ depth: 1, row: 0, x: column, y: 0 });
    expect(at(l, 'c2')).toMatchObject({ depth: 1, row: 1, x: column, y: row });
  });

  it('places a merge by its longest path from the seed', () => {
    expect(at(layoutLineage(RUN), 'c5').depth).toBe(4);
  });

  it('gives a merge two edges, both marked as merge edges', () => {
    const edges = layoutLineage(RUN).edges.filter((e) => e.target.id === 'c5');
    expect(edges.map((e) => [e.source.id, e.merge])).toEqual([
      ['c2', true],
      ['c4', true],
    ]);
    expect(layoutLineage(RUN).edges.find((e) => e.target.id === 'c3')?.merge).toBe(false);
  });

  it('never puts two nodes on the same spot', () => {
    const many = [c(0), ...Array.from({ length: 200 }, (_, i) => c(i + 1, Math.floor(i / 3)))];
    const spots = new Set(layoutLineage(many).nodes.map((n) => `${n.x},${n.y}`));
    expect(spots.size).toBe(201);
  });

  it('keeps existing nodes in place when new ones are appended', () => {
    const many = [
      c(0),
      ...Array.from({ length: 300 }, (_, i) =>
        c(i + 1, Math.floor((i * 7) % (i + 1)), ...(i % 9 === 8 ? [i - 3] : [])),
      ),
    ];
    const before = layoutLineage(many.slice(0, 120));
    const after = layoutLineage(many);
    for (const n of before.nodes) expect(at(after, n.id)).toEqual(n);
  });

  it('hangs rejected proposals between generations without moving any candidate', () => {
    const plain = layoutLineage(RUN);
    const withRejected = layoutLineage(RUN, [
      { proposalId: 7, parentIds: [0] },
      { proposalId: 8, parentIds: [0] },
      { proposalId: 9, parentIds: [1, 2] },
    ]);
    for (const n of plain.nodes) expect(at(withRejected, n.id)).toEqual(n);
    expect(at(withRejected, 'r7')).toMatchObject({ kind: 'rejected', x: column / 2, row: 0 });
    expect(at(withRejected, 'r8').row).toBe(1);
    expect(at(withRejected, 'r9')).toMatchObject({ x: 1.5 * column, row: 1 });
    expect(withRejected.edges.filter((e) => e.target.id === 'r9')).toHaveLength(2);
  });

  it('skips holes and parents it has not seen', () => {
    const l = layoutLineage([c(0), undefined, c(2, 1)]);
    expect(l.nodes.map((n) => n.id)).toEqual(['c0', 'c2']);
    expect(l.edges).toHaveLength(0);
  });

  it('reports the bounds of what it placed', () => {
    expect(layoutLineage(RUN).bounds).toEqual({ minX: 0, maxX: 4 * column, minY: 0, maxY: row });
  });
});
