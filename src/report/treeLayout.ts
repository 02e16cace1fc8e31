// The report's lineage layout, computed once when the report is generated (the page only draws it):
// candidates form a DAG (a merge has two parents); a candidate's generation is the longest path from the
// seed, generations run left to right, and within one the candidates are ordered by their parents' mean
// height, so children sit near their parents. A generation taller than `rows` wraps into sub-columns,
// which keeps a run of 1,000 candidates (a hundred and more a generation) wider than tall, like a screen.

export interface TreeInput {
  idx: number;
  parentIds: readonly number[];
}

export interface TreeLayout {
  /** per candidate, in input order: x and y (y centred on 0) */
  positions: [number, number][];
  /** per candidate: its generation (0 for the seed) */
  depths: number[];
  width: number;
  height: number;
}

export const TREE_SPACING = { generation: 90, subColumn: 24, row: 26 } as const;

/** Rows per sub-column: about √(n/2), so n nodes fill a box roughly twice as wide as tall. */
export function rowsFor(n: number): number {
  return Math.max(6, Math.min(40, Math.ceil(Math.sqrt(n / 2))));
}

export function layoutTree(candidates: readonly TreeInput[]): TreeLayout {
  const at = new Map<number, number>(candidates.map((c, i) => [c.idx, i]));
  const depths: number[] = [];
  const generations: number[][] = [];
  candidates.forEach((c, i) => {
    // a parent listed later than its child (never in a real run) counts as absent rather than guessed
    const known = c.parentIds.map((p) => at.get(p)).filter((p): p is number => p !== undefined && p < i);
    const depth = known.length ? Math.max(...known.map((p) => depths[p] as number)) + 1 : 0;
    depths[i] = depth;
    (generations[depth] ??= []).push(i);
  });

  const rows = rowsFor(candidates.length);
  const positions: [number, number][] = new Array(candidates.length);
  const { generation: genGap, subColumn: colGap, row: rowGap } = TREE_SPACING;
  let x = 0;
  let maxHalf = 0;
  for (const members of generations) {
    if (!members) continue;
    const wish = (i: number): number => {
      const ys = candidates[i]!.parentIds.map((p) => positions[at.get(p) ?? -1]?.[1]).filter(
        (y): y is number => y !== undefined,
      );
      return ys.length ? ys.reduce((s, y) => s + y, 0) / ys.length : 0;
    };
    const wishes = new Map(members.map((i) => [i, wish(i)]));
    const ordered = [...members].sort((a, b) => (wishes.get(a) as number) - (wishes.get(b) as number) || a - b);
    const columns = Math.ceil(ordered.length / rows);
    // every sub-column holds the same number of nodes (the last may hold fewer), rows within it centred
    const perColumn = Math.ceil(ordered.length / columns);
    ordered.forEach((i, k) => {
      const column = k % columns;
      const row = Math.floor(k / columns);
      const inColumn = Math.min(perColumn, Math.ceil((ordered.length - column) / columns));
      const y = (row - (inColumn - 1) / 2) * rowGap;
      positions[i] = [x + column * colGap, y];
      maxHalf = Math.max(maxHalf, Math.abs(y));
    });
    x += (columns - 1) * colGap + genGap;
  }
  return { positions, depths, width: Math.max(0, x - genGap), height: 2 * maxHalf };
}
