import { describe, expect, it } from 'vitest';
import { layoutLineage } from './lineageLayout.ts';
import type { LineageCandidateInput } from './lineageLayout.ts';
import {
  EDGE_CHUNK,
  ancestryEdges,
  candidatesInView,
  edgeChunks,
  edgePath,
  frontMarksPath,
  incomingEdges,
  nodeMarkup,
} from './lineagePaths.ts';

const c = (idx: number, ...parentIds: number[]): LineageCandidateInput => ({ idx, parentIds });
// seed 0; 1 and 2 from 0; 3 from 1; 4 from 3; 5 merges 2 and 4; 6 from 2
const RUN = [c(0), c(1, 0), c(2, 0), c(3, 1), c(4, 3), c(5, 2, 4), c(6, 2)];
const chain = (n: number) => [c(0), ...Array.from({ length: n }, (_, i) => c(i + 1, i))];

describe('lineagePaths', () => {
  it('draws an edge as a horizontal link from parent to child', () => {
    const l = layoutLineage([c(0), c(1, 0)]);
    expect(edgePath(l.edges[0]!)).toBe('M0,0C38,0,38,0,76,0');
  });

  it('splits edges by class into chunks, and reuses full chunks while nothing moves', () => {
    const first = edgeChunks(layoutLineage(chain(EDGE_CHUNK + 10)).edges, new Map(), false);
    expect(first.get('plain')).toHaveLength(2);
    expect(first.get('merge')).toEqual([]);
    const grown = edgeChunks(layoutLineage(chain(EDGE_CHUNK + 20)).edges, first, false);
    expect(grown.get('plain')![0]).toBe(first.get('plain')![0]);
    expect(grown.get('plain')![1]).not.toBe(first.get('plain')![1]);
    const moved = edgeChunks(layoutLineage(chain(EDGE_CHUNK + 20)).edges, grown, true);
    expect(moved.get('plain')![0]).not.toBe(grown.get('plain')![0]);
  });

  it('keeps merge edges and edges to rejected proposals in paths of their own', () => {
    const l = layoutLineage(RUN, [{ proposalId: 9, parentIds: [6] }]);
    const chunks = edgeChunks(l.edges, new Map(), false);
    expect(chunks.get('merge')![0]!.d.match(/M/g)).toHaveLength(2);
    expect(chunks.get('rejected')![0]!.d.match(/M/g)).toHaveLength(1);
    expect(chunks.get('plain')![0]!.d.match(/M/g)).toHaveLength(5);
  });

  it("collects every edge back to the seed, through both of a merge's parents", () => {
    const l = layoutLineage(RUN);
    const incoming = incomingEdges(l.edges);
    const five = l.nodes.find((n) => n.id === 'c5')!;
    expect(
      ancestryEdges(five, incoming)
        .map((e) => e.id)
        .sort(),
    ).toEqual(['c0-c1', 'c0-c2', 'c1-c3', 'c2-c5', 'c3-c4', 'c4-c5'].sort());
    expect(ancestryEdges(l.nodes[0]!, incoming)).toEqual([]);
  });

  it('writes a candidate as a circle its tests can find, a rejected proposal without a test id', () => {
    const l = layoutLineage([c(0), c(1, 0)], [{ proposalId: 7, parentIds: [0] }]);
    expect(nodeMarkup(l.nodes[1]!, 0, '#41b6c4')).toBe(
      '<circle cx="0" cy="0" fill="#41b6c4" data-testid="lineage-node-1"/>',
    );
    expect(nodeMarkup(l.nodes[2]!, 22, null)).toBe('<circle cx="22" cy="0"/>');
  });

  it('marks each front member once, as one path', () => {
    const l = layoutLineage(RUN);
    expect(frontMarksPath(l.nodes.slice(0, 3), 6, 3).match(/M/g)).toHaveLength(3);
    expect(frontMarksPath([], 6, 3)).toBe('');
  });

  it('finds the candidates in view, and none when there are too many to read', () => {
    const l = layoutLineage(RUN, [{ proposalId: 9, parentIds: [0] }]);
    const inView = candidatesInView(l.nodes, { x0: -1, y0: -1, x1: 80, y1: 100 }, 10);
    expect(inView.map((n) => n.id)).toEqual(['c0', 'c1', 'c2']);
    expect(candidatesInView(l.nodes, { x0: -1, y0: -1, x1: 80, y1: 100 }, 2)).toEqual([]);
  });
});
