// Dataset values as table text: strings as they are, everything else as JSON, cut to a length that
// keeps the preview table one line per row (the full text goes to the cell's title).
export interface CellText {
  short: string;
  full: string;
}

export function cellText(value: unknown, max = 80): CellText {
  const full =
    value === undefined || value === null
      ? ''
      : typeof value === 'string'
        ? value
        : (JSON.stringify(value) ?? String(value));
  const oneLine = full.replace(/\s+/g, ' ').trim();
  return { short: oneLine.length > max ? `${oneLine.slice(0, max - 1)}…` : oneLine, full };
}
