// The lineage's node layer: one <circle> per node, kept in a map by id, so a live update creates only
// the new nodes, moves only the ones the layout moved and restyles only when the colours changed — no
// data join over every node per frame. Circles are placed by cx/cy within a group per band, placed at
// the band's start: a band that widens shifts the groups after it (a transform each), not every circle
// after it (a style recalculation each); a transform per circle would make each its own paint chunk.
import type { LineageLayout, LineageNode } from './lineageLayout.ts';
import { nodeMarkup } from './lineagePaths.ts';
import { createSvgElement } from './createSvgElement.ts';

export interface NodeLayer {
  /**
   * Draws the layout's nodes, filled by `color` (a new function means the fills changed: every
   * candidate is restyled); returns whether any node already drawn moved.
   */
  draw(layout: LineageLayout, color: (idx: number) => string): boolean;
  /** the node an event target (a hovered or clicked circle) draws, if any */
  nodeOf(target: EventTarget | null): LineageNode | null;
  /** the drawn node with this id, e.g. `c12` */
  node(id: string): LineageNode | undefined;
  /** the fill of the drawn node with this id (null for a rejected proposal) */
  fill(id: string): string | null;
}

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

export function createNodeLayer(parent: SVGGElement): NodeLayer {
  const drawn = new Map<string, Drawn>();
  const byElement = new WeakMap<Element, Drawn>();
  const bandGroups: SVGGElement[] = [];
  /** the x each band's group is translated to */
  const bandShift: number[] = [];
  let stamp = 0;
  let lastColor: ((idx: number) => string) | null = null;

  /** The group of a band's nodes, created in its place when the band first gets one. */
  function bandGroup(band: number): SVGGElement {
    let g = bandGroups[band];
    if (!g) {
      // candidates sit in even bands, rejected proposals in odd ones: the class sizes and styles the circles
      bandGroups[band] = g = createSvgElement('g', `ln-band ${band % 2 ? 'rejected' : 'candidate'}`);
      g.setAttribute('transform', `translate(${bandShift[band] ?? 0},0)`);
      parent.append(g);
    }
    return g;
  }

  /** Shifts the groups of bands whose start moved; returns whether any drawn one did. */
  function shiftBands(starts: readonly number[]): boolean {
    let moved = false;
    starts.forEach((start, band) => {
      if (bandShift[band] === start) return;
      bandShift[band] = start;
      const g = bandGroups[band];
      if (!g) return;
      g.setAttribute('transform', `translate(${start},0)`);
      moved = true;
    });
    return moved;
  }

  /**
   * New nodes are written as markup, one string per band: thousands of circles parse natively far
   * faster than they are built call by call.
   */
  function insert(markup: Map<number, string>, added: Map<number, Drawn[]>) {
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
  }

  function draw(layout: LineageLayout, color: (idx: number) => string): boolean {
    stamp++;
    const restyle = color !== lastColor;
    lastColor = color;
    let moved = shiftBands(layout.bandStarts);
    const markup = new Map<number, string>();
    const added = new Map<number, Drawn[]>();
    for (const n of layout.nodes) {
      const x = n.x - (layout.bandStarts[n.band] ?? 0);
      let d = drawn.get(n.id);
      if (!d) {
        const fill = n.kind === 'candidate' ? color(n.key) : null;
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
        const fill = color(n.key);
        if (fill !== d.fill) el.setAttribute('fill', (d.fill = fill));
      }
    }
    insert(markup, added);
    if (drawn.size > layout.nodes.length) {
      for (const [id, d] of drawn) {
        if (d.stamp === stamp) continue;
        d.el?.remove();
        drawn.delete(id);
      }
    }
    return moved;
  }

  return {
    draw,
    nodeOf(target) {
      const el = (target as Element | null)?.closest?.('circle');
      return el ? (byElement.get(el)?.node ?? null) : null;
    },
    node: (id) => drawn.get(id)?.node,
    fill: (id) => drawn.get(id)?.fill ?? null,
  };
}
