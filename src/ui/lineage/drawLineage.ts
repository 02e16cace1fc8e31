// Draws the lineage into an SVG that React created once. Every candidate is one <circle> (placed by
// cx/cy: a transform per node would make each its own paint chunk), kept in a map by id, so a live
// update creates only the new nodes, moves only the ones the layout moved and restyles only those whose
// marks changed — no full data join per frame. Edges are a few long paths (lineagePaths.ts), the Pareto
// front one path; labels are drawn only for the nodes in view once the zoom makes them readable, so a
// run of thousands of candidates stays a few thousand elements. Hovering a candidate highlights every
// edge back to the seed, which tells its ancestry apart from edges that merely pass behind it.
// The zoom transform lives on the SVG and is never reset by an update: while the user has not moved the
// view it follows the tree only when the tree outgrows it, and once the user zooms or pans it is theirs.
// Hover and click are delegated to one listener on the node layer.
import { select, zoom, zoomIdentity, zoomTransform } from 'd3';
import type { ZoomBehavior, ZoomTransform } from 'd3';
import type { LineageEdge, LineageLayout, LineageNode } from './lineageLayout.ts';
import {
  ancestryEdges,
  candidatesInView,
  edgeChunks,
  edgePath,
  frontMarksPath,
  incomingEdges,
  nodeMarkup,
} from './lineagePaths.ts';
import type { EdgeChunk, EdgeClass } from './lineagePaths.ts';
import { labelColorOn } from '../common/scoreColor.ts';

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

const SVG_NS = 'http://www.w3.org/2000/svg';
/** a candidate's radius, as lineage.css sizes it: the rings and the fit allow for it */
const RADIUS = 9;
const PAD = 28;
/** the legend overlays the bottom of the view */
const LEGEND_H = 26;
const MAX_AUTO_SCALE = 1;
/** below this zoom a 9 px label is too small to read: none are drawn */
const LABEL_MIN_SCALE = 0.6;
/** more labels than this in view would be a wall of digits (and cost a long frame): none are drawn */
const LABEL_LIMIT = 1500;
const EDGE_CLASSES: Record<EdgeClass, string> = {
  plain: 'ln-edge',
  merge: 'ln-edge merge',
  rejected: 'ln-edge to-rejected',
};

interface Drawn {
  /** null only between writing a new node's markup and picking up its element */
  el: SVGCircleElement | null;
  node: LineageNode;
  band: number;
  /** where the circle was drawn in its band's group: the layout updates node objects in place */
  x: number;
  y: number;
  fill: string | null;
  stamp: number;
}

function svgEl<K extends keyof SVGElementTagNameMap>(tag: K, cls: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG_NS, tag);
  el.setAttribute('class', cls);
  return el;
}

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
  const frontPath = viewport.append('path').attr('class', 'ln-front-marks').node()!;
  const labelsG = viewport.append('g').attr('class', 'ln-labels').node()!;

  let layout: LineageLayout | null = null;
  /** the layout's edges by target, built on the first hover after an update */
  let incoming: Map<string, LineageEdge[]> | null = null;
  const drawn = new Map<string, Drawn>();
  const bandGroups: SVGGElement[] = [];
  /** the x each band's group is translated to */
  const bandShift: number[] = [];
  const byElement = new WeakMap<Element, Drawn>();
  let stamp = 0;
  let lastColor: LineageMarks['color'] | null = null;
  let chunks = new Map<EdgeClass, EdgeChunk[]>();
  let frontKey = '';
  const labels = new Map<string, SVGTextElement>();
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

  const nodeOf = (target: EventTarget | null): LineageNode | null => {
    const el = (target as Element | null)?.closest?.('circle');
    return el ? (byElement.get(el)?.node ?? null) : null;
  };
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

  /** Creates, moves and restyles node circles; returns whether any existing node moved. */
  /** The group of a band's nodes, created in its place when the band first gets one. */
  function bandGroup(band: number): SVGGElement {
    let g = bandGroups[band];
    if (!g) {
      // candidates sit in even bands, rejected proposals in odd ones: the class sizes and styles the circles
      bandGroups[band] = g = svgEl('g', `ln-band ${band % 2 ? 'rejected' : 'candidate'}`);
      g.setAttribute('transform', `translate(${bandShift[band] ?? 0},0)`);
      nodesG.append(g);
    }
    return g;
  }

  /**
   * Creates, moves and restyles node circles; returns whether any existing node moved. Each band's
   * nodes sit in a group placed at the band's start, so a band that widens shifts the groups after it —
   * a transform each, not a move (and a style recalculation) per node. New nodes are written as markup,
   * one string per band (thousands of circles parse natively far faster than they are built call by
   * call); fills are recomputed for all nodes only when the colour function changed.
   */
  function drawNodes(next: LineageLayout, marks: LineageMarks): boolean {
    stamp++;
    const restyle = marks.color !== lastColor;
    lastColor = marks.color;
    let moved = false;
    next.bandStarts.forEach((start, band) => {
      if (bandShift[band] === start) return;
      bandShift[band] = start;
      const g = bandGroups[band];
      if (!g) return;
      g.setAttribute('transform', `translate(${start},0)`);
      moved = true;
    });
    const markup = new Map<number, string>();
    const added = new Map<number, Drawn[]>();
    for (const n of next.nodes) {
      const x = n.x - (next.bandStarts[n.band] ?? 0);
      let d = drawn.get(n.id);
      if (!d) {
        const fill = n.kind === 'candidate' ? marks.color(n.key) : null;
        markup.set(n.band, (markup.get(n.band) ?? '') + nodeMarkup(n, x, fill));
        d = { el: null, node: n, band: n.band, x, y: n.y, fill, stamp };
        drawn.set(n.id, d);
        const list = added.get(n.band);
        if (list) list.push(d);
        else added.set(n.band, [d]);
        continue;
      }
      d.node = n;
      d.stamp = stamp;
      const el = d.el!;
      if (d.band !== n.band || d.x !== x || d.y !== n.y) {
        if (d.band !== n.band) bandGroup((d.band = n.band)).append(el);
        el.setAttribute('cx', String((d.x = x)));
        el.setAttribute('cy', String((d.y = n.y)));
        moved = true;
      }
      if (restyle && n.kind === 'candidate') {
        const fill = marks.color(n.key);
        if (fill !== d.fill) el.setAttribute('fill', (d.fill = fill));
      }
    }
    for (const [band, html] of markup) {
      const g = bandGroup(band);
      const fresh = added.get(band)!;
      g.insertAdjacentHTML('beforeend', html);
      const first = g.children.length - fresh.length;
      fresh.forEach((d, i) => {
        d.el = g.children[first + i] as SVGCircleElement;
        byElement.set(d.el, d);
      });
    }
    if (drawn.size > next.nodes.length) {
      for (const [id, d] of drawn) {
        if (d.stamp === stamp) continue;
        d.el?.remove();
        drawn.delete(id);
      }
    }
    return moved;
  }

  function drawEdges(next: LineageLayout, moved: boolean) {
    const prev = chunks;
    chunks = edgeChunks(next.edges, prev, moved);
    for (const [cls, list] of chunks) {
      const g = edgeLayers.get(cls)!;
      const old = prev.get(cls) ?? [];
      list.forEach((chunk, i) => {
        let path = g.children[i] as SVGPathElement | undefined;
        if (!path) g.append((path = svgEl('path', EDGE_CLASSES[cls])));
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
    const nodes = members.map((idx) => drawn.get(`c${idx}`)?.node).filter((n): n is LineageNode => !!n);
    frontPath.setAttribute('d', frontMarksPath(nodes, RADIUS * 0.72, 3.2));
  }

  function drawLabels() {
    labelFrame = 0;
    const t = zoomTransform(svgElement);
    const [w, h] = size;
    const [x0, y0] = t.invert([-RADIUS, -RADIUS]);
    const [x1, y1] = t.invert([w + RADIUS, h + RADIUS]);
    const inView =
      layout && t.k >= LABEL_MIN_SCALE ? candidatesInView(layout.nodes, { x0, y0, x1, y1 }, LABEL_LIMIT) : [];
    const keep = new Set<string>();
    const fresh = document.createDocumentFragment();
    for (const n of inView) {
      const d = drawn.get(n.id);
      if (!d?.fill) continue;
      keep.add(n.id);
      let text = labels.get(n.id);
      if (!text) {
        text = svgEl('text', n.key >= 1000 ? 'tiny' : n.key >= 100 ? 'small' : '');
        text.setAttribute('dy', '0.35em');
        text.setAttribute('text-anchor', 'middle');
        text.textContent = String(n.key);
        labels.set(n.id, text);
        fresh.append(text);
      }
      if (text.getAttribute('x') !== String(n.x)) text.setAttribute('x', String(n.x));
      if (text.getAttribute('y') !== String(n.y)) text.setAttribute('y', String(n.y));
      const color = labelColorOn(d.fill);
      if (text.getAttribute('fill') !== color) text.setAttribute('fill', color);
    }
    labelsG.append(fresh);
    for (const [id, text] of labels) {
      if (keep.has(id)) continue;
      text.remove();
      labels.delete(id);
    }
  }

  function scheduleLabels() {
    if (!labelFrame) labelFrame = requestAnimationFrame(drawLabels);
  }

  function placeRing(ring: typeof bestRing, idx: number | null) {
    const n = idx === null ? undefined : drawn.get(`c${idx}`)?.node;
    if (n) ring.style('display', null).attr('cx', n.x).attr('cy', n.y);
    else ring.style('display', 'none');
  }

  function update(next: LineageLayout, marks: LineageMarks) {
    layout = next;
    incoming = null;
    const moved = drawNodes(next, marks);
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
