// The lineage layout: candidates as a DAG (a merge has two parents) placed by generation — x is the
// depth, the longest path from the seed — and, within a column, in the free row nearest the mean row of
// the node's parents, so children sit beside their parents. Nodes are placed in index order and a
// node's place depends only on the nodes before it: appending candidates never moves existing ones, and
// the picture does not jump while a run is live. Rejected proposals (optional faded leaves) go in the
// half-columns between generations, so showing them never moves a candidate either.

export interface LineageCandidateInput {
  idx: number;
  parentIds: readonly number[];
}

export interface LineageRejectedInput {
  proposalId: number;
  parentIds: readonly number[];
}

export interface LineageNode {
  /** "c<idx>" for candidates, "r<proposalId>" for rejected proposals */
  id: string;
  kind: 'candidate' | 'rejected';
  /** candidate index or proposal id */
  key: number;
  depth: number;
  row: number;
  x: number;
  y: number;
}

export interface LineageEdge {
  id: string;
  source: LineageNode;
  target: LineageNode;
  /** one of a merge's two parent edges */
  merge: boolean;
}

export interface LineageLayout {
  nodes: LineageNode[];
  edges: LineageEdge[];
  bounds: { minX: number; maxX: number; minY: number; maxY: number };
}

export const LINEAGE_SPACING = { column: 76, row: 26 };

/** Rows taken per column; finds the free row nearest a wish, trying below before above at equal distance. */
class Columns {
  private taken = new Map<number, Set<number>>();

  place(column: number, wish: number): number {
    let rows = this.taken.get(column);
    if (!rows) this.taken.set(column, (rows = new Set()));
    for (let d = 0; ; d++) {
      for (const r of d === 0 ? [wish] : [wish + d, wish - d]) {
        if (!rows.has(r)) {
          rows.add(r);
          return r;
        }
      }
    }
  }
}

function wishedRow(parents: readonly LineageNode[]): number {
  if (parents.length === 0) return 0;
  return Math.round(parents.reduce((s, p) => s + p.row, 0) / parents.length);
}

export function layoutLineage(
  candidates: readonly (LineageCandidateInput | undefined)[],
  rejected: readonly LineageRejectedInput[] = [],
  spacing = LINEAGE_SPACING,
): LineageLayout {
  const byIdx = new Map<number, LineageNode>();
  const nodes: LineageNode[] = [];
  const edges: LineageEdge[] = [];
  // candidate generations sit on even half-columns, rejected leaves on odd ones: they never share rows
  const columns = new Columns();

  const add = (
    id: string,
    kind: LineageNode['kind'],
    key: number,
    parentIds: readonly number[],
    halfColumnOffset: number,
  ) => {
    // a parent not yet known (out-of-order events) is left out rather than guessed
    const parents = parentIds.map((p) => byIdx.get(p)).filter((p): p is LineageNode => p !== undefined);
    const depth = parents.length ? Math.max(...parents.map((p) => p.depth)) + 1 : 0;
    const halfColumn = kind === 'candidate' ? 2 * depth : 2 * (depth - 1) + halfColumnOffset;
    const row = columns.place(halfColumn, wishedRow(parents));
    const node: LineageNode = { id, kind, key, depth, row, x: (halfColumn / 2) * spacing.column, y: row * spacing.row };
    nodes.push(node);
    const merge = parents.length > 1;
    for (const p of parents) edges.push({ id: `${p.id}-${id}`, source: p, target: node, merge });
    return node;
  };

  for (const c of candidates) {
    if (c) byIdx.set(c.idx, add(`c${c.idx}`, 'candidate', c.idx, c.parentIds, 0));
  }
  for (const r of rejected) add(`r${r.proposalId}`, 'rejected', r.proposalId, r.parentIds, 1);

  const bounds = { minX: 0, maxX: 0, minY: 0, maxY: 0 };
  for (const n of nodes) {
    if (n.x < bounds.minX) bounds.minX = n.x;
    if (n.x > bounds.maxX) bounds.maxX = n.x;
    if (n.y < bounds.minY) bounds.minY = n.y;
    if (n.y > bounds.maxY) bounds.maxY = n.y;
  }
  return { nodes, edges, bounds };
}
