// Paints the candidates × examples matrix on a canvas: every cell is written into one ImageData at
// cell resolution (no per-cell draw calls, so 300 × 500 paints in a few milliseconds), then copied
// onto the canvas without smoothing; row labels are drawn on top when rows are tall enough.
// With the front highlighted, cells off the example's front are washed out, so each column's winners
// keep their full colour.
import { rgb } from 'd3';
import type { CandidateView } from '../../store/runStore.ts';
import { formatScore } from '../common/format.ts';
import type { CellValues, MatrixGeometry } from './scoreMatrix.ts';

export interface MatrixPaint {
  order: readonly number[];
  candidates: readonly (CandidateView | undefined)[];
  /** what a row's cells show: the candidate's scores or one objective's values */
  values: CellValues;
  /** the number beside a row's label: the val score, or the objective's valset mean */
  rowValue(c: CandidateView): number | undefined;
  /** the values' range: its ends get the colour scale's ends */
  domain: readonly [number, number];
  best: readonly Set<number>[];
  highlightFront: boolean;
  /** the colour of a position in [0, 1] along the domain */
  color(t: number): string;
}

const LUT_SIZE = 256;
const MISSING = rgb('#eceef1');
const WASH = 0.72;

type Rgb = [number, number, number];

function lut(color: (s: number) => string): { full: Rgb[]; washed: Rgb[] } {
  const full: Rgb[] = [];
  const washed: Rgb[] = [];
  for (let i = 0; i < LUT_SIZE; i++) {
    const c = rgb(color(i / (LUT_SIZE - 1)));
    full.push([c.r, c.g, c.b]);
    washed.push([c.r + (255 - c.r) * WASH, c.g + (255 - c.g) * WASH, c.b + (255 - c.b) * WASH]);
  }
  return { full, washed };
}

export function drawScoreMatrix(canvas: HTMLCanvasElement, g: MatrixGeometry, paint: MatrixPaint): void {
  const dpr = window.devicePixelRatio || 1;
  canvas.width = Math.max(1, Math.round(g.width * dpr));
  canvas.height = Math.max(1, Math.round(g.height * dpr));
  canvas.style.width = `${g.width}px`;
  canvas.style.height = `${g.height}px`;
  const ctx = canvas.getContext('2d');
  if (!ctx || g.rows === 0 || g.cols === 0) return;

  const w = g.cols * g.cellW;
  const h = g.rows * g.cellH;
  const image = new ImageData(w, h);
  const px = image.data;
  const { full, washed } = lut(paint.color);
  const gaps = g.cellW >= 5 && g.cellH >= 5;

  const [lo, hi] = paint.domain;
  const span = hi - lo || 1;
  paint.order.forEach((idx, row) => {
    const c = paint.candidates[idx];
    const values = c ? paint.values(c) : [];
    for (let col = 0; col < g.cols; col++) {
      const v = values[col];
      const s = v === undefined ? undefined : (v - lo) / span;
      const onFront = paint.best[col]?.has(idx) ?? false;
      const c: Rgb =
        s === undefined || !Number.isFinite(s)
          ? [MISSING.r, MISSING.g, MISSING.b]
          : (paint.highlightFront && !onFront ? washed : full)[
              Math.round(Math.min(1, Math.max(0, s)) * (LUT_SIZE - 1))
            ]!;
      const x0 = col * g.cellW;
      const y0 = row * g.cellH;
      for (let dy = 0; dy < g.cellH; dy++) {
        let p = ((y0 + dy) * w + x0) * 4;
        for (let dx = 0; dx < g.cellW; dx++, p += 4) {
          // a one-pixel gap on the right and bottom separates cells when they are big enough to afford it
          // (both ways or neither: gaps in one direction only read as stripes)
          const gap = gaps && (dx === g.cellW - 1 || dy === g.cellH - 1);
          px[p] = gap ? 255 : c[0];
          px[p + 1] = gap ? 255 : c[1];
          px[p + 2] = gap ? 255 : c[2];
          px[p + 3] = 255;
        }
      }
    }
  });

  const cells = document.createElement('canvas');
  cells.width = w;
  cells.height = h;
  cells.getContext('2d')!.putImageData(image, 0, 0);
  ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
  ctx.clearRect(0, 0, g.width, g.height);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells, g.labelW, 0);

  if (g.labelW > 8) {
    ctx.font = `${Math.min(12, g.cellH - 1)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    paint.order.forEach((idx, row) => {
      const c = paint.candidates[idx];
      const y = row * g.cellH + g.cellH / 2;
      ctx.fillStyle = '#1d2330';
      ctx.fillText(`#${idx}`, 4, y);
      ctx.fillStyle = '#5d6675';
      ctx.fillText(formatScore(c ? paint.rowValue(c) : undefined), 44, y);
    });
  }
}
