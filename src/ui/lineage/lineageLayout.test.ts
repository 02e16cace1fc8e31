import { describe, expect, it } from 'vitest';
import { LINEAGE_SPACING, createLineageLayout, layoutLineage, rowsFor } from './lineageLayout.ts';
import type { LineageCandidateInput, LineageLayout, LineageRejectedInput } from './lineageLayout.ts';

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

  it('wraps a generation wider than a column into further sub-columns of the same band', () => {
    const wide = [c(0), ...Array.from({ length: 70 }, (_, i) => c(i + 1, 0))];
    const l = layoutLineage(wide, [], { ...LINEAGE_SPACING, rows: 31 });
    const children = l.nodes.filter((n) => n.depth === 1);
    expect(new Set(children.map((n) => n.subColumn))).toEqual(new Set([0, 1, 2]));
    for (const sub of [0, 1]) expect(children.filter((n) => n.subColumn === sub)).toHaveLength(31);
    expect(Math.max(...children.map((n) => Math.abs(n.row)))).toBe(15);
    expect(new Set(l.nodes.map((n) => `${n.x},${n.y}`)).size).toBe(71);
    // every other sub-column sits half a row lower, so an edge passing through runs between its nodes
    expect(at(l, 'c32')).toMatchObject({ subColumn: 1, row: 0, x: column + LINEAGE_SPACING.subColumn, y: row / 2 });
  });

  it('shifts the generations right of a wrapped one by its extra sub-columns', () => {
    const wide = [c(0), ...Array.from({ length: 40 }, (_, i) => c(i + 1, 0)), c(41, 1)];
    expect(at(layoutLineage(wide), 'c41').x).toBe(2 * column + LINEAGE_SPACING.subColumn);
  });

  it('keeps each node in its generation, sub-column and row as candidates are appended', () => {
    const many = [
      c(0),
      ...Array.from({ length: 900 }, (_, i) => c(i + 1, Math.floor(((i * 7919) % 1000) * (i / 1000)))),
    ];
    const before = layoutLineage(many.slice(0, 300));
    const after = layoutLineage(many);
    for (const n of before.nodes) {
      const { depth, subColumn, row, y } = at(after, n.id);
      expect({ depth, subColumn, row, y }).toEqual({ depth: n.depth, subColumn: n.subColumn, row: n.row, y: n.y });
    }
  });

  it('keeps a run of a hundred candidates a generation over twelve generations wider than tall, not a sliver', () => {
    // generation g holds candidates 100g-99 … 100g, each a child of one in the generation before
    const run = [c(0), ...Array.from({ length: 1200 }, (_, i) => c(i + 1, i < 100 ? 0 : i - 99 - (i % 7)))];
    const { bounds } = layoutLineage(run);
    const aspect = (bounds.maxX - bounds.minX) / (bounds.maxY - bounds.minY);
    expect(aspect).toBeGreaterThan(1.5);
    expect(aspect).toBeLessThan(4);
  });

  it('gives bigger trees taller sub-columns, in a few steps', () => {
    expect([10, 300, 301, 2000, 5000].map(rowsFor)).toEqual([13, 13, 17, 17, 29]);
  });

  describe('createLineageLayout', () => {
    const byId = (l: LineageLayout) =>
      Object.fromEntries(l.nodes.map(({ id, depth, subColumn, row, x, y }) => [id, { depth, subColumn, row, x, y }]));
    const many = [c(0), ...Array.from({ length: 400 }, (_, i) => c(i + 1, Math.floor(((i * 37) % 101) * (i / 101))))];
    const rejected: LineageRejectedInput[] = Array.from({ length: 300 }, (_, i) => ({
      proposalId: 1000 + i,
      parentIds: [Math.floor(i * 1.3)],
    }));

    it('gives the same layout growing call by call as laid out at once, rejected proposals included', () => {
      const layout = createLineageLayout();
      for (let n = 10; n <= 400; n += 30) layout(many.slice(0, n), rejected.slice(0, Math.floor(n * 0.75)));
      const last = layout(many, rejected);
      expect(byId(last)).toEqual(byId(layoutLineage(many, rejected)));
      expect(last.edges).toHaveLength(layoutLineage(many, rejected).edges.length);
      expect(last.bounds).toEqual(layoutLineage(many, rejected).bounds);
    });

    it('starts over when rejected proposals are hidden, a hole is filled or the spacing changes', () => {
      const layout = createLineageLayout();
      layout(many, rejected);
      expect(byId(layout(many))).toEqual(byId(layoutLineage(many)));
      // a candidate whose event came late fills a hole: everything after it may sit elsewhere
      const holed: (LineageCandidateInput | undefined)[] = [...many];
      holed[5] = undefined;
      const late = createLineageLayout();
      expect(byId(late(holed))).toEqual(byId(layoutLineage(holed)));
      expect(byId(late(many))).toEqual(byId(layoutLineage(many)));
      const tall = { ...LINEAGE_SPACING, rows: 41 };
      expect(byId(layout(many, [], tall))).toEqual(byId(layoutLineage(many, [], tall)));
    });
  });
});
