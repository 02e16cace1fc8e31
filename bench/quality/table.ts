// Plain-text tables for the console: columns padded to their widest cell, numbers right-aligned.
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => (r[c] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)].join('\n');
}

export const fixed = (x: number | null | undefined, digits = 3): string => (x == null ? '—' : x.toFixed(digits));

/** one line per configuration the engine could not run */
export const skipNotes = (skipped: Record<string, string>): string[] =>
  Object.entries(skipped).map(([name, why]) => `${name}: skipped, ${why}`);
