// How proposal numbers and records read in the table and the detail pane. Minibatch scores are sums
// over the minibatch (one point per example), so they are shown as trimmed decimals, not percentages.
// one formatter for every count: Number#toLocaleString builds a new one per call, too slow for table cells
const COUNT_FORMAT = new Intl.NumberFormat('en-US');

/** 12345 → "12,345" */
export function formatCount(n: number): string {
  return COUNT_FORMAT.format(n);
}

export type Trend = 'up' | 'down' | 'same' | 'none';

/** 2 → "2", 1.3333 → "1.33", null → "—". */
export function formatScore(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return '—';
  return String(Math.round(score * 100) / 100);
}

export interface ScoreDelta {
  /** "▲ 1", "▼ 0.5", "±0", or '' when there is no after-score */
  text: string;
  trend: Trend;
}

export function scoreDelta(before: number | null, after: number | null): ScoreDelta {
  if (before === null || after === null) return { text: '', trend: 'none' };
  // rounded first, so float noise (0.1 + 0.2 - 0.3) never shows as a change
  const delta = Math.round((after - before) * 100) / 100;
  if (delta > 0) return { text: `▲ ${delta}`, trend: 'up' };
  if (delta < 0) return { text: `▼ ${-delta}`, trend: 'down' };
  return { text: '±0', trend: 'same' };
}

/** [3] → "#3", [1, 4] → "#1 + #4". */
export function formatParents(parentIds: readonly number[]): string {
  return parentIds.length === 0 ? '—' : parentIds.map((id) => `#${id}`).join(' + ');
}

/** A table cell's component: a merge touches every component, so it says how many rather than listing them. */
export function componentLabel(components: readonly string[]): string {
  if (components.length === 0) return '—';
  return components.length === 1 ? (components[0] as string) : `all ${components.length}`;
}

export interface FeedbackField {
  label: string;
  text: string;
}

/** A reflective-dataset record as labelled text blocks; non-string values as indented JSON. */
export function feedbackFields(record: Record<string, unknown>): FeedbackField[] {
  return Object.entries(record).map(([label, value]) => ({
    label,
    text: typeof value === 'string' ? value : value === undefined ? '' : JSON.stringify(value, null, 2),
  }));
}

export function lineCount(text: string): number {
  return text === '' ? 0 : text.split('\n').length;
}

// the engine's skip reasons are codes (as in the reference); everything else is already a sentence
const REASON_TEXT: Record<string, string> = {
  all_scores_perfect: 'every minibatch score was already perfect',
  no_trajectories: 'the evaluation returned no traces to reflect on',
};

export function reasonText(reason: string): string {
  return REASON_TEXT[reason] ?? reason;
}
