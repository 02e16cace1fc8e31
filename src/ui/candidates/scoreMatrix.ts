// The per-example matrix's geometry and facts, apart from drawing: which candidates are best on each
// val example (the run's front, or the maximum when an import lacks it; for an objective, the maximum
// of that objective: the engine's cartesian front), how big a cell can be so
// the matrix fits its panel, and which cell lies under the pointer.
import type { CandidateView } from '../../store/runStore.ts';

/** Per val example, the candidates on its front: the given front when there is one, else the top scorers. */
export function bestPerExample(
  candidates: readonly (CandidateView | undefined)[],
  front: readonly (readonly number[])[],
  exampleCount: number,
): Set<number>[] {
  if (front.length === exampleCount && exampleCount > 0) return front.map((programs) => new Set(programs));
  return topPerExample(candidates, (c) => c.valScores, exampleCount);
}

/** The values a matrix shows for one candidate: its scores, or one objective's, per val example. */
export type CellValues = (c: CandidateView) => readonly (number | undefined)[];

/** One objective's per-example values (undefined where the metric gave none). */
export const objectiveCells =
  (name: string): CellValues =>
  (c) =>
    c.objectives?.perExample.map((o) => o[name]) ?? [];

/** Per val example, the candidates with the highest value there (ties included). */
export function topPerExample(
  candidates: readonly (CandidateView | undefined)[],
  values: CellValues,
  exampleCount: number,
): Set<number>[] {
  const out = Array.from({ length: exampleCount }, () => new Set<number>());
  const top = new Array<number>(exampleCount).fill(-Infinity);
  for (const c of candidates) {
    if (!c) continue;
    values(c).forEach((s, i) => {
      if (i >= exampleCount || s === undefined) return;
      if (s > top[i]!) {
        top[i] = s;
        out[i] = new Set([c.row.candidateIdx]);
      } else if (s === top[i]) out[i]!.add(c.row.candidateIdx);
    });
  }
  return out;
}

export interface MatrixGeometry {
  rows: number;
  cols: number;
  cellW: number;
  cellH: number;
  /** room on the left for row labels */
  labelW: number;
  width: number;
  height: number;
}

const LABEL_MIN_ROW_HEIGHT = 11;

/**
 * Cells as large as the panel allows (within readable limits); the matrix scrolls when even the minimum does not fit.
 */
export function matrixGeometry(rows: number, cols: number, availW: number, availH: number): MatrixGeometry {
  const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, Math.floor(v)));
  const cellH = clamp(availH / Math.max(1, rows), 3, 22);
  const labelW = cellH >= LABEL_MIN_ROW_HEIGHT ? 92 : 8;
  const cellW = clamp((availW - labelW) / Math.max(1, cols), 2, 32);
  return { rows, cols, cellW, cellH, labelW, width: labelW + cols * cellW, height: rows * cellH };
}

/** The (row, column) under a point in the matrix's own pixels, or null off the cells. */
export function cellAt(g: MatrixGeometry, x: number, y: number): { row: number; col: number } | null {
  const col = Math.floor((x - g.labelW) / g.cellW);
  const row = Math.floor(y / g.cellH);
  if (x < g.labelW || col < 0 || col >= g.cols || row < 0 || row >= g.rows) return null;
  return { row, col };
}
