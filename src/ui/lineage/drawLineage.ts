// Draws the lineage into an SVG that React created once. d3 joins the nodes and edges by id, so a live
// update appends only the new ones; existing nodes keep their place (the layout guarantees it) and only
// their marks are restyled. The zoom transform lives on the SVG and is never reset by an update: while
// the user has not moved the view it follows the tree only when the tree outgrows it, and once the user
// zooms or pans it is theirs. Hover and click are delegated to one listener on the node layer.
import { linkHorizontal, select, zoom, zoomIdentity, zoomTransform } from 'd3';
import type { Selection, ZoomBehavior, ZoomTransform } from 'd3';
import type { LineageEdge, LineageLayout, LineageNode } from './lineageLayout.ts';
import { labelColorOn } from './scoreColor.ts';

export interface LineageMarks {
  /** fill for a candidate by index */
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

const RADIUS = 9;
const REJECTED_RADIUS = 4;
const PAD = 28;
/** the legend overlays the bottom of the view */
const LEGEND_H = 26;
const MAX_AUTO_SCALE = 1;

const link = linkHorizontal<LineageEdge, LineageNode>()
  .source((e) => e.source)
  .target((e) => e.target)
  .x((n) => n.x)
  .y((n) => n.y);

export function createLineageRenderer(
  svgEl: SVGSVGElement,
  handlers: LineageHandlers,
  restore?: LineageViewState,
): LineageRenderer {
  const svg = select(svgEl);
  const viewport = svg.append('g').attr('class', 'ln-viewport');
  const edgesG = viewport.append('g').attr('class', 'ln-edges');
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
  const nodesG = viewport.append('g').attr('class', 'ln-nodes');

  let layout: LineageLayout | null = null;
  // keyed by element, so a node that leaves and comes back (a new run, an import) is styled afresh
  const styled = new WeakMap<Element, { fill: string; front: boolean }>();
  let placed = false;
  let userMoved = false;

  // the view's size, kept by an observer: reading clientWidth after DOM writes would force a layout
  let size: [number, number] = [svgEl.clientWidth || 600, svgEl.clientHeight || 300];
  const resize = new ResizeObserver((entries) => {
    const box = entries[0]?.contentRect;
    if (box && box.width > 0 && box.height > 0) size = [box.width, box.height];
  });
  resize.observe(svgEl);

  const zoomer: ZoomBehavior<SVGSVGElement, unknown> = zoom<SVGSVGElement, unknown>()
    .scaleExtent([0.05, 3])
    // the default extent reads the SVG's size, forcing a layout of every freshly joined node
    .extent(() => [[0, 0], size])
    .on('zoom', (event) => {
      viewport.attr('transform', event.transform.toString());
      // a sourceEvent means the user did it (wheel, drag); programmatic moves have none
      if (event.sourceEvent) userMoved = true;
    });
  svg.call(zoomer).on('dblclick.zoom', null);
  if (restore?.placed) {
    svg.call(zoomer.transform, restore.transform);
    placed = true;
    userMoved = restore.userMoved;
  }

  const nodeOf = (target: EventTarget | null): LineageNode | null => {
    const el = (target as Element | null)?.closest?.('.ln-node');
    return el ? (select(el).datum() as LineageNode) : null;
  };
  nodesG
    .on('pointerover', (event: PointerEvent) => {
      const n = nodeOf(event.target);
      if (n) handlers.onHover(n, event.clientX, event.clientY);
    })
    .on('pointerout', (event: PointerEvent) => {
      if (nodeOf(event.relatedTarget) !== nodeOf(event.target)) handlers.onHover(null, 0, 0);
    })
    .on('click', (event: PointerEvent) => {
      const n = nodeOf(event.target);
      if (n) handlers.onClick(n);
    });

  const viewSize = () => size;

  /** Scale (at most `maxScale`) and translate that show the whole layout: left-aligned if it fits, vertically centred. */
  function fitTransform(l: LineageLayout, maxScale: number) {
    const [w, h] = viewSize();
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
    const [w, h] = viewSize();
    const t = zoomTransform(svgEl);
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

  function update(next: LineageLayout, marks: LineageMarks) {
    layout = next;
    edgesG
      .selectAll<SVGPathElement, LineageEdge>('path')
      .data(next.edges, (e) => e.id)
      .join((enter) =>
        enter
          .append('path')
          .attr(
            'class',
            (e) => `ln-edge${e.merge ? ' merge' : ''}${e.target.kind === 'rejected' ? ' to-rejected' : ''}`,
          )
          .attr('d', link),
      );

    const nodes = nodesG
      .selectAll<SVGGElement, LineageNode>('g.ln-node')
      .data(next.nodes, (n) => n.id)
      .join((enter) => {
        const g = enter
          .append('g')
          .attr('class', (n) => `ln-node ${n.kind}`)
          .attr('transform', (n) => `translate(${n.x},${n.y})`);
        g.filter((n) => n.kind === 'candidate').attr('data-testid', (n) => `lineage-node-${n.key}`);
        g.append('circle')
          .attr('class', 'ln-dot')
          .attr('r', (n) => (n.kind === 'candidate' ? RADIUS : REJECTED_RADIUS));
        // the front mark sits on the rim, so it shows on light and dark fills alike; CSS shows it on .front only
        g.filter((n) => n.kind === 'candidate')
          .append('circle')
          .attr('class', 'ln-front-mark')
          .attr('cx', RADIUS * 0.72)
          .attr('cy', -RADIUS * 0.72)
          .attr('r', 3.2);
        g.filter((n) => n.kind === 'candidate')
          .append('text')
          .attr('dy', '0.35em')
          .attr('text-anchor', 'middle')
          .attr('class', (n) => (n.key >= 1000 ? 'tiny' : n.key >= 100 ? 'small' : ''))
          .text((n) => String(n.key));
        return g;
      });

    // restyle only what changed: writing a thousand unchanged attributes costs a style recalculation each frame
    nodes.each(function (n) {
      if (n.kind !== 'candidate') return;
      const fill = marks.color(n.key);
      const front = marks.front.has(n.key);
      const last = styled.get(this);
      if (last && last.fill === fill && last.front === front) return;
      styled.set(this, { fill, front });
      const g = select(this);
      if (!last || last.front !== front) g.classed('front', front);
      if (!last || last.fill !== fill) {
        g.select('circle.ln-dot').attr('fill', fill);
        g.select('text').attr('fill', labelColorOn(fill));
      }
    });

    const place = (ring: Selection<SVGCircleElement, unknown, null, undefined>, idx: number | null) => {
      const n = idx === null ? undefined : next.nodes.find((m) => m.kind === 'candidate' && m.key === idx);
      if (n) ring.style('display', null).attr('cx', n.x).attr('cy', n.y);
      else ring.style('display', 'none');
    };
    place(bestRing, marks.best);
    place(selectedRing, marks.selected);
    follow(next);
  }

  return {
    update,
    view: () => ({ transform: zoomTransform(svgEl), placed, userMoved }),
    fit() {
      if (!layout || layout.nodes.length === 0) return;
      userMoved = false;
      svg.call(zoomer.transform, fitTransform(layout, 1.5));
    },
    destroy() {
      resize.disconnect();
      svg.on('.zoom', null);
      svg.selectAll('*').remove();
    },
  };
}
