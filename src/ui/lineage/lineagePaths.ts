// SVG markup and path data for the lineage's many small marks, apart from the DOM: node circles as
// markup, edges as a few long paths (a thousand edges as one element each would cost a thousand elements
// to style and paint on every frame), the Pareto-front marks as one path, a hovered node's ancestry,
// and which nodes lie in view (only those get a label).
import type { LineageEdge, LineageNode } from './lineageLayout.ts';

export type EdgeClass = 'plain' | 'merge' | 'rejected';

/** Edges per path element: a live append rewrites only the last, unfilled chunk of its class. */
export const EDGE_CHUNK = 256;

export function edgeClass(e: LineageEdge): EdgeClass {
  return e.target.kind === 'rejected' ? 'rejected' : e.merge ? 'merge' : 'plain';
}

/** A horizontal cubic link from parent to child, as d3's linkHorizontal draws it. */
export function edgePath(e: LineageEdge): string {
  const { x: sx, y: sy } = e.source;
  const { x: tx, y: ty } = e.target;
  const mx = (sx + tx) / 2;
  return `M${sx},${sy}C${mx},${sy},${mx},${ty},${tx},${ty}`;
}

/** A chunk's path data and what it was drawn from, so an unchanged chunk is not rebuilt. */
export interface EdgeChunk {
  key: string;
  d: string;
}

/**
 * The edges of each class in chunks of EDGE_CHUNK. A chunk whose edges (first, last, count) match the
 * previous drawing's is reused as is unless nodes moved: per class, edges only ever append.
 */
export function edgeChunks(
  edges: readonly LineageEdge[],
  previous: ReadonlyMap<EdgeClass, readonly EdgeChunk[]>,
  moved: boolean,
): Map<EdgeClass, EdgeChunk[]> {
  const byClass = new Map<EdgeClass, LineageEdge[]>([
    ['plain', []],
    ['merge', []],
    ['rejected', []],
  ]);
  for (const e of edges) byClass.get(edgeClass(e))!.push(e);
  const out = new Map<EdgeClass, EdgeChunk[]>();
  for (const [cls, list] of byClass) {
    const before = previous.get(cls) ?? [];
    const chunks: EdgeChunk[] = [];
    for (let i = 0; i < list.length; i += EDGE_CHUNK) {
      const part = list.slice(i, i + EDGE_CHUNK);
      const key = `${part[0]!.id}|${part[part.length - 1]!.id}|${part.length}`;
      const old = before[chunks.length];
      chunks.push(!moved && old?.key === key ? old : { key, d: part.map(edgePath).join('') });
    }
    out.set(cls, chunks);
  }
  return out;
}

/** Every edge on a path from `node` back to the seed: where its text came from, merges included. */
export function ancestryEdges(node: LineageNode, incoming: ReadonlyMap<string, readonly LineageEdge[]>): LineageEdge[] {
  const out: LineageEdge[] = [];
  const seen = new Set<string>([node.id]);
  const queue = [node];
  for (let n = queue.pop(); n; n = queue.pop()) {
    for (const e of incoming.get(n.id) ?? []) {
      out.push(e);
      if (seen.has(e.source.id)) continue;
      seen.add(e.source.id);
      queue.push(e.source);
    }
  }
  return out;
}

/** Edges by the node they lead to. */
export function incomingEdges(edges: readonly LineageEdge[]): Map<string, LineageEdge[]> {
  const out = new Map<string, LineageEdge[]>();
  for (const e of edges) {
    const list = out.get(e.target.id);
    if (list) list.push(e);
    else out.set(e.target.id, [e]);
  }
  return out;
}

/**
 * A node's circle as SVG markup, at `cx` within its band's group; its radius and stroke come from the
 * group's class, so each of thousands of circles carries only what differs (numbers and fixed names
 * only, nothing from the run's text).
 */
export function nodeMarkup(n: LineageNode, cx: number, fill: string | null): string {
  const testId = n.kind === 'candidate' ? ` data-testid="lineage-node-${n.key}"` : '';
  const paint = fill === null ? '' : ` fill="${fill}"`;
  return `<circle cx="${cx}" cy="${n.y}"${paint}${testId}/>`;
}

/** Small circles on the top-right rim of each front member, as one path. */
export function frontMarksPath(members: Iterable<LineageNode>, offset: number, r: number): string {
  let d = '';
  for (const n of members) {
    const cx = n.x + offset;
    const cy = n.y - offset;
    d += `M${cx - r},${cy}a${r},${r} 0 1,0 ${2 * r},0a${r},${r} 0 1,0 ${-2 * r},0`;
  }
  return d;
}

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** The candidates inside `rect` (layout coordinates), at most `limit` of them (else none: too many to read). */
export function candidatesInView(nodes: readonly LineageNode[], rect: Rect, limit: number): LineageNode[] {
  const out: LineageNode[] = [];
  for (const n of nodes) {
    if (n.kind !== 'candidate' || n.x < rect.x0 || n.x > rect.x1 || n.y < rect.y0 || n.y > rect.y1) continue;
    if (out.push(n) > limit) return [];
  }
  return out;
}
