// Draws the lineage into an SVG that React created once, in layers: edges as a few long paths
// (lineagePaths.ts), the hovered node's ancestry, the best and selected rings, the nodes (lineageNodes.ts:
// a circle each, only new ones created per update), the Pareto front as one path, and labels for the
// nodes in view once readable (lineageLabels.ts) — so a run of thousands of candidates stays a few
// thousand elements and a live update costs what is new. Hovering a candidate highlights every edge
// back to the seed, which tells its ancestry apart from edges that merely pass behind it.
// The zoom transform lives on the SVG and is never reset by an update: while the user has not moved the
// view it follows the tree when the tree outgrows it or the panel changes size, and once the user zooms
// or pans it is theirs. Hover and click are delegated to one listener on the node layer.
import { select, zoom, zoomIdentity, zoomTransform } from 'd3';
import type { ZoomBehavior, ZoomTransform } from 'd3';
import type { LineageEdge, LineageLayout, LineageNode } from './lineageLayout.ts';
import { ancestryEdges, edgeChunks, edgePath, frontMarksPath, incomingEdges } from './lineagePaths.ts';
import type { EdgeChunk, EdgeClass } from './lineagePaths.ts';
import { createNodeLayer } from './lineageNodes.ts';
import { createLabelLayer } from './lineageLabels.ts';
import { createSvgElement } from './createSvgElement.ts';

export interface LineageMarks {
  /** fill for a candidate by index; a new function means the fills changed (every node is restyled) */
  color(idx: number): string;
  best: number | null;
  front: ReadonlySet<number>;
  selected: number | null;
}

export interface LineageHandlers {
  onHover(node: LineageNode | null, clientX: number, clientY: number): void;
  onClick(node: LineageNode): void;
}

/** Where the user left the view, to restore it when the lineage is shown again. */
export interface LineageViewState {
  transform: ZoomTransform;
  /** whether the view was ever placed on a tree (else the first update places it) */
  placed: boolean;
  userMoved: boolean;
}

export interface LineageRenderer {
  update(layout: LineageLayout, marks: LineageMarks): void;
  view(): LineageViewState;
  /** fit the whole tree into view, and follow it again as it grows */
  fit(): void;
  destroy(): void;
}

/** a candidate's radius, as lineage.css sizes it: the rings and the fit allow for it */
const RADIUS = 9;
const PAD = 28;
/** the legend overlays the bottom of the view */
const LEGEND_H = 26;
const MAX_AUTO_SCALE = 1;
const EDGE_CLASSES: Record<EdgeClass, string> = {
  plain: 'ln-edge',
  merge: 'ln-edge merge',
  rejected: 'ln-edge to-rejected',
};

export function createLineageRenderer(
  svgElement: SVGSVGElement,
  handlers: LineageHandlers,
  restore?: LineageViewState,
): LineageRenderer {
  const svg = select(svgElement);
  const viewport = svg.append('g').attr('class', 'ln-viewport');
  const edgeLayers = new Map(
    (Object.keys(EDGE_CLASSES) as EdgeClass[]).map((cls) => [cls, viewport.append('g').node()!]),
  );
  const ancestryPath = viewport.append('path').attr('class', 'ln-ancestry').node()!;
  // the rings sit under the nodes: they show around a node without covering its front mark
  const bestRing = viewport
    .append('circle')
    .attr('class', 'ln-best-ring')
    .attr('r', RADIUS + 4)
    .style('display', 'none');
  const selectedRing = viewport
    .append('circle')
    .attr('class', 'ln-selected-ring')
    .attr('r', RADIUS + 8)
    .style('display', 'none');
  const nodesG = viewport.append('g').attr('class', 'ln-nodes').node()!;
  const nodes = createNodeLayer(nodesG);
  const frontPath = viewport.append('path').attr('class', 'ln-front-marks').node()!;
  const labels = createLabelLayer(viewport.append('g').attr('class', 'ln-labels').node()!);

  let layout: LineageLayout | null = null;
  /** the layout's edges by target, built on the first hover after an update */
  let incoming: Map<string, LineageEdge[]> | null = null;
  let chunks = new Map<EdgeClass, EdgeChunk[]>();
  let frontKey = '';
  let labelFrame = 0;
  let placed = false;
  let userMoved = false;

  // the view's size, kept by an observer: reading clientWidth after DOM writes would force a layout
  let size: [number, number] = [svgElement.clientWidth || 600, svgElement.clientHeight || 300];
  const resize = new ResizeObserver((entries) => {
    const box = entries[0]?.contentRect;
    if (!box || box.width <= 0 || box.height <= 0 || (box.width === size[0] && box.height === size[1])) return;
    size = [box.width, box.height];
    // a view the user has not moved follows the panel's size too (it settles after the first drawing)
    if (placed && !userMoved && layout?.nodes.length) svg.call(zoomer.transform, fitTransform(layout, MAX_AUTO_SCALE));
  });
  resize.observe(svgElement);

  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 3])
    // the default extent reads the SVG's size, forcing a layout of every freshly added node
    .extent(() => [[0, 0], size])
    .on('zoom', (event) => {
      viewport.attr('transform', event.transform.toString());
      // a sourceEvent means the user did it (wheel, drag); programmatic moves have none
      if (event.sourceEvent) userMoved = true;
      scheduleLabels();
    });
  svg.call(zoomer).on('dblclick.zoom', null);
  if (restore?.placed) {
    svg.call(zoomer.transform, restore.transform);
    placed = true;
    userMoved = restore.userMoved;
  }

  const nodeOf = (target: EventTarget | null) => nodes.nodeOf(target);
  const showAncestry = (n: LineageNode | null) => {
    if (n && layout) incoming ??= incomingEdges(layout.edges);
    const edges = n && incoming ? ancestryEdges(n, incoming) : [];
    ancestryPath.setAttribute('d', edges.map(edgePath).join(''));
  };
  select(nodesG)
    .on('pointerover', (event: PointerEvent) => {
      const n = nodeOf(event.target);
      if (!n) return;
      showAncestry(n);
      handlers.onHover(n, event.clientX, event.clientY);
    })
    .on('pointerout', (event: PointerEvent) => {
      if (nodeOf(event.relatedTarget) === nodeOf(event.target)) return;
      showAncestry(null);
      handlers.onHover(null, 0, 0);
    })
    .on('click', (event: PointerEvent) => {
      const n = nodeOf(event.target);
      if (n) handlers.onClick(n);
    });

  /** Scale (at most `maxScale`) and translate that show the whole layout: left-aligned if it fits, centred. */
  function fitTransform(l: LineageLayout, maxScale: number) {
    const [w, h] = size;
    const b = l.bounds;
    const bw = b.maxX - b.minX + 2 * RADIUS;
    const bh = b.maxY - b.minY + 2 * RADIUS;
    const usableH = h - 2 * PAD - LEGEND_H;
    const k = Math.max(0.05, Math.min(maxScale, (w - 2 * PAD) / bw, usableH / bh));
    const tx = bw * k < w - 2 * PAD ? PAD + RADIUS * k - b.minX * k : (w - (b.maxX + b.minX) * k) / 2;
    const ty = PAD + usableH / 2 - ((b.maxY + b.minY) / 2) * k;
    return zoomIdentity.translate(tx, ty).scale(k);
  }

  /** Whether any node lies outside the visible area under the current transform. */
  function overflows(l: LineageLayout): boolean {
    const [w, h] = size;
    const t = zoomTransform(svgElement);
    const [x0, y0] = t.apply([l.bounds.minX, l.bounds.minY]);
    const [x1, y1] = t.apply([l.bounds.maxX, l.bounds.maxY]);
    return x0 < RADIUS || y0 < RADIUS || x1 > w - RADIUS || y1 > h - RADIUS - LEGEND_H;
  }

  function follow(l: LineageLayout) {
    if (l.nodes.length === 0 || userMoved) return;
    if (!placed || overflows(l)) {
      svg.call(zoomer.transform, fitTransform(l, MAX_AUTO_SCALE));
      placed = true;
    }
  }

  function drawEdges(next: LineageLayout, moved: boolean) {
    const prev = chunks;
    chunks = edgeChunks(next.edges, prev, moved);
    for (const [cls, list] of chunks) {
      const g = edgeLayers.get(cls)!;
      const old = prev.get(cls) ?? [];
      list.forEach((chunk, i) => {
        let path = g.children[i] as SVGPathElement | undefined;
        if (!path) g.append((path = createSvgElement('path', EDGE_CLASSES[cls])));
        if (old[i] !== chunk) path.setAttribute('d', chunk.d);
      });
      while (g.children.length > list.length) g.lastElementChild!.remove();
    }
  }

  function drawFront(marks: LineageMarks, moved: boolean) {
    const members = [...marks.front].sort((a, b) => a - b);
    const key = members.join(',');
    if (key === frontKey && !moved) return;
    frontKey = key;
    const drawn = members.map((idx) => nodes.node(`c${idx}`)).filter((n): n is LineageNode => !!n);
    frontPath.setAttribute('d', frontMarksPath(drawn, RADIUS * 0.72, 3.2));
  }

  function drawLabels() {
    labelFrame = 0;
    const t = zoomTransform(svgElement);
    const [w, h] = size;
    const [x0, y0] = t.invert([-RADIUS, -RADIUS]);
    const [x1, y1] = t.invert([w + RADIUS, h + RADIUS]);
    labels.draw(layout?.nodes ?? [], { x0, y0, x1, y1 }, t.k, nodes.fill);
  }

  function scheduleLabels() {
    if (!labelFrame) labelFrame = requestAnimationFrame(drawLabels);
  }

  function placeRing(ring: typeof bestRing, idx: number | null) {
    const n = idx === null ? undefined : nodes.node(`c${idx}`);
    if (n) ring.style('display', null).attr('cx', n.x).attr('cy', n.y);
    else ring.style('display', 'none');
  }

  function update(next: LineageLayout, marks: LineageMarks) {
    layout = next;
    incoming = null;
    const moved = nodes.draw(next, marks.color);
    drawEdges(next, moved);
    drawFront(marks, moved);
    placeRing(bestRing, marks.best);
    placeRing(selectedRing, marks.selected);
    follow(next);
    scheduleLabels();
  }

  return {
    update,
    view: () => ({ transform: zoomTransform(svgElement), placed, userMoved }),
    fit() {
      if (!layout || layout.nodes.length === 0) return;
      userMoved = false;
      svg.call(zoomer.transform, fitTransform(layout, 1.5));
    },
    destroy() {
      resize.disconnect();
      if (labelFrame) cancelAnimationFrame(labelFrame);
      svg.on('.zoom', null);
      svg.selectAll('*').remove();
    },
  };
}
