// The lineage layout: candidates as a DAG (a merge has two parents) placed by generation — left to
// right by depth, the longest path from the seed — and, within a generation, in the free row nearest
// the mean row of the node's parents, so children sit beside their parents. A generation holds at most
// `rows` rows per column: a wider one wraps into further sub-columns (every other one half a row lower,
// so an edge passing through a wrapped generation runs between its nodes, not through them), and a run
// of a hundred candidates a generation stays wider than tall, as the panel is, instead of a tall sliver.
// Nodes are placed in index order and a node's band, sub-column and row depend only on the nodes before
// it, so appending candidates never moves existing ones within their generation; only when a generation
// opens a new sub-column do the generations right of it shift right by one sub-column (rare: once per
// `rows` candidates it gains). Rejected proposals (optional faded leaves) go in bands of their own
// between generations, so they never share a spot with a candidate.

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
  /** the column of bands it sits in: generation d is band 2d, rejected proposals from it band 2d + 1 */
  band: number;
  /** which of its band's sub-columns the node sits in (0 unless the band wrapped) */
  subColumn: number;
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
  /** the x where each band starts: a node sits at bandStarts[band] + its sub-column's offset */
  bandStarts: number[];
  bounds: { minX: number; maxX: number; minY: number; maxY: number };
}

export interface LineageSpacing {
  /** from one generation to the next (half of it to a band of rejected proposals between them) */
  column: number;
  /** between the sub-columns of a wrapped generation */
  subColumn: number;
  row: number;
  /** rows a band holds per sub-column, centred on the seed's row; odd, so the seed's row is the middle */
  rows: number;
}

export const LINEAGE_SPACING: LineageSpacing = { column: 76, subColumn: 22, row: 26, rows: 21 };

/**
 * Rows per sub-column for a tree of `nodes` nodes: more for bigger trees, so the layout keeps roughly the
 * lineage panel's proportions (about 4:1) as it grows. In steps rather than smoothly, because a change
 * re-flows every wrapped generation: a live run crosses a step at most twice.
 */
export function rowsFor(nodes: number): number {
  return nodes <= 300 ? 13 : nodes <= 2000 ? 17 : 29;
}

/**
 * How many rows away from its wish a node would rather sit than one sub-column further right: keeps a
 * band's first sub-columns the fullest, so it wraps only when it must.
 */
const SUB_COLUMN_COST = 2;

/** The sub-columns of one band and the rows taken in each (a flag per row, offset by `half`). */
class Band {
  readonly columns: Uint8Array[] = [];
  private readonly counts: number[] = [];

  constructor(private readonly half: number) {}

  /** The free (sub-column, row) nearest the wished row, trying below before above at equal distance. */
  place(wish: number): { subColumn: number; row: number } {
    const rows = 2 * this.half + 1;
    let bestColumn = -1;
    let bestRow = 0;
    let bestCost = Infinity;
    for (let subColumn = 0; subColumn < this.columns.length; subColumn++) {
      if ((this.counts[subColumn] as number) >= rows) continue;
      const taken = this.columns[subColumn] as Uint8Array;
      for (let d = 0; d + SUB_COLUMN_COST * subColumn < bestCost; d++) {
        const row = this.isFree(taken, wish + d) ? wish + d : this.isFree(taken, wish - d) ? wish - d : null;
        if (row === null) continue;
        bestColumn = subColumn;
        bestRow = row;
        bestCost = d + SUB_COLUMN_COST * subColumn;
        break;
      }
    }
    if (bestColumn < 0) {
      bestColumn = this.columns.push(new Uint8Array(rows)) - 1;
      this.counts.push(0);
      bestRow = wish;
    }
    (this.columns[bestColumn] as Uint8Array)[bestRow + this.half] = 1;
    this.counts[bestColumn]!++;
    return { subColumn: bestColumn, row: bestRow };
  }

  private isFree(taken: Uint8Array, row: number): boolean {
    return Math.abs(row) <= this.half && taken[row + this.half] === 0;
  }
}

function wishedRow(parents: readonly LineageNode[], half: number): number {
  if (parents.length === 0) return 0;
  const mean = Math.round(parents.reduce((s, p) => s + p.row, 0) / parents.length);
  return Math.max(-half, Math.min(half, mean));
}

/** The layout of a lineage built up node by node; `result()` places the bands side by side. */
class LayoutBuilder {
  readonly half: number;
  readonly byIdx = new Map<number, LineageNode>();
  readonly nodes: LineageNode[] = [];
  readonly edges: LineageEdge[] = [];
  // generation d is band 2d; proposals rejected from parents of depth d sit in band 2d + 1
  readonly bands: Band[] = [];

  constructor(readonly spacing: LineageSpacing) {
    this.half = Math.floor(spacing.rows / 2);
  }

  addCandidate(c: LineageCandidateInput) {
    this.byIdx.set(c.idx, this.add(`c${c.idx}`, 'candidate', c.idx, c.parentIds));
  }

  addRejected(r: LineageRejectedInput) {
    this.add(`r${r.proposalId}`, 'rejected', r.proposalId, r.parentIds);
  }

  private add(id: string, kind: LineageNode['kind'], key: number, parentIds: readonly number[]): LineageNode {
    // a parent not yet known (out-of-order events) is left out rather than guessed
    const parents = parentIds.map((p) => this.byIdx.get(p)).filter((p): p is LineageNode => p !== undefined);
    const depth = parents.length ? Math.max(...parents.map((p) => p.depth)) + 1 : 0;
    const band = kind === 'candidate' ? 2 * depth : 2 * depth - 1;
    const { subColumn, row } = (this.bands[band] ??= new Band(this.half)).place(wishedRow(parents, this.half));
    const y = (row + (subColumn % 2) / 2) * this.spacing.row;
    const node: LineageNode = { id, kind, key, depth, band, subColumn, row, x: 0, y };
    this.nodes.push(node);
    const merge = parents.length > 1;
    for (const p of parents) this.edges.push({ id: `${p.id}-${id}`, source: p, target: node, merge });
    return node;
  }

  /** Sets every node's x from its band's start (bands may have widened) and returns fresh arrays. */
  result(): LineageLayout {
    const { spacing, bands, nodes } = this;
    // a band starts half a generation's spacing after the last sub-column of the band before it
    const starts: number[] = [];
    let x = 0;
    for (let b = 0; b < bands.length; b++) {
      starts[b] = x;
      x += Math.max(0, (bands[b]?.columns.length ?? 0) - 1) * spacing.subColumn + spacing.column / 2;
    }
    const bounds = { minX: 0, maxX: 0, minY: 0, maxY: 0 };
    nodes.forEach((n) => {
      n.x = (starts[n.band] as number) + n.subColumn * spacing.subColumn;
      if (n.x > bounds.maxX) bounds.maxX = n.x;
      if (n.y < bounds.minY) bounds.minY = n.y;
      if (n.y > bounds.maxY) bounds.maxY = n.y;
    });
    return { nodes: nodes.slice(), edges: this.edges.slice(), bandStarts: starts, bounds };
  }
}

export function layoutLineage(
  candidates: readonly (LineageCandidateInput | undefined)[],
  rejected: readonly LineageRejectedInput[] = [],
  spacing: LineageSpacing = LINEAGE_SPACING,
): LineageLayout {
  return createLineageLayout()(candidates, rejected, spacing);
}

/**
 * A layout function for a growing lineage: each call places only the candidates and rejected
 * proposals added since the last call, and starts over when the input is not an extension of the last
 * one (a hole filled, rejected proposals hidden, other spacing). Same result as laying out from scratch:
 * candidates and rejected proposals sit in different bands, so their interleaving does not matter.
 * Node objects are kept between calls and updated in place (a wider band moves the ones after it).
 */
export function createLineageLayout() {
  let built: LayoutBuilder | null = null;
  let candidatesSeen = 0;
  let holes: number[] = [];
  let rejectedSeen = 0;
  let lastRejectedId: number | undefined;

  const extendsLast = (
    candidates: readonly (LineageCandidateInput | undefined)[],
    rejected: readonly LineageRejectedInput[],
    spacing: LineageSpacing,
  ) =>
    built !== null &&
    (Object.keys(spacing) as (keyof LineageSpacing)[]).every((k) => spacing[k] === built!.spacing[k]) &&
    candidates.length >= candidatesSeen &&
    holes.every((i) => candidates[i] === undefined) &&
    rejected.length >= rejectedSeen &&
    rejected[rejectedSeen - 1]?.proposalId === lastRejectedId;

  return (
    candidates: readonly (LineageCandidateInput | undefined)[],
    rejected: readonly LineageRejectedInput[] = [],
    spacing: LineageSpacing = LINEAGE_SPACING,
  ): LineageLayout => {
    if (!extendsLast(candidates, rejected, spacing)) {
      built = new LayoutBuilder(spacing);
      candidatesSeen = 0;
      holes = [];
      rejectedSeen = 0;
      lastRejectedId = undefined;
    }
    const b = built!;
    for (let i = candidatesSeen; i < candidates.length; i++) {
      const c = candidates[i];
      if (c) b.addCandidate(c);
      else holes.push(i);
    }
    candidatesSeen = candidates.length;
    for (let i = rejectedSeen; i < rejected.length; i++) b.addRejected(rejected[i]!);
    rejectedSeen = rejected.length;
    lastRejectedId = rejected[rejected.length - 1]?.proposalId;
    return b.result();
  };
}
