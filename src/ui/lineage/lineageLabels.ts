// The lineage's labels: a candidate's index, drawn only for the candidates in view and only once the
// zoom makes a 9 px label readable, so thousands of candidates do not cost thousands of text elements
// (text is the dearest SVG element to lay out). Redrawn after each update and each zoom frame; labels
// kept from the last drawing are only moved or recoloured.
import { labelColorOn } from '../common/scoreColor.ts';
import type { LineageNode } from './lineageLayout.ts';
import { candidatesInView } from './lineagePaths.ts';
import type { Rect } from './lineagePaths.ts';
import { createSvgElement } from './createSvgElement.ts';

/** below this zoom a 9 px label is too small to read: none are drawn */
const LABEL_MIN_SCALE = 0.6;
/** more labels than this in view would be a wall of digits (and cost a long frame): none are drawn */
const LABEL_LIMIT = 1500;

export interface LabelLayer {
  /** Labels the candidates among `nodes` inside `view` (layout coordinates) at zoom `scale`. */
  draw(nodes: readonly LineageNode[], view: Rect, scale: number, fillOf: (id: string) => string | null): void;
}

export function createLabelLayer(parent: SVGGElement): LabelLayer {
  const labels = new Map<string, SVGTextElement>();

  function draw(nodes: readonly LineageNode[], view: Rect, scale: number, fillOf: (id: string) => string | null) {
    const inView = scale >= LABEL_MIN_SCALE ? candidatesInView(nodes, view, LABEL_LIMIT) : [];
    const keep = new Set<string>();
    const fresh = document.createDocumentFragment();
    for (const n of inView) {
      const fill = fillOf(n.id);
      if (!fill) continue;
      keep.add(n.id);
      let text = labels.get(n.id);
      if (!text) {
        text = createSvgElement('text', n.key >= 1000 ? 'tiny' : n.key >= 100 ? 'small' : '');
        text.setAttribute('dy', '0.35em');
        text.setAttribute('text-anchor', 'middle');
        text.textContent = String(n.key);
        labels.set(n.id, text);
        fresh.append(text);
      }
      if (text.getAttribute('x') !== String(n.x)) text.setAttribute('x', String(n.x));
      if (text.getAttribute('y') !== String(n.y)) text.setAttribute('y', String(n.y));
      const color = labelColorOn(fill);
      if (text.getAttribute('fill') !== color) text.setAttribute('fill', color);
    }
    parent.append(fresh);
    for (const [id, text] of labels) {
      if (keep.has(id)) continue;
      text.remove();
      labels.delete(id);
    }
  }

  return { draw };
}
