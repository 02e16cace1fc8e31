// The history's address: its filters and the two runs picked for comparison live in the URL's hash
// (`#/history?q=…&status=…&a=…&b=…`, `#/compare?a=…&b=…&q=…`), so a filtered history or a comparison can
// be bookmarked and reloaded. Pure: parsing, formatting and the filter itself; compareActions.ts keeps
// the address and the stores in step.
import type { StoredRunStatus } from '../run/recordSummary.ts';
import type { HistoryRow } from './storedRun.ts';

export const STATUS_FILTERS: readonly StoredRunStatus[] = [
  'running',
  'paused',
  'interrupted',
  'stopped',
  'finished',
  'error',
];

export interface HistoryQuery {
  /** words the run's name or id must contain (case-insensitive) */
  q: string;
  /** '' for every status */
  status: StoredRunStatus | '';
  /** the runs picked for comparison, by id */
  a: string | null;
  b: string | null;
}

export type RoutedView = 'history' | 'compare';

export interface Route {
  view: RoutedView;
  query: HistoryQuery;
}

export const EMPTY_QUERY: HistoryQuery = { q: '', status: '', a: null, b: null };

/** The route a hash names, or null for an address that is not the history's (the other views have none). */
export function parseRoute(hash: string): Route | null {
  const m = /^#\/(history|compare)(?:\?(.*))?$/.exec(hash);
  if (!m) return null;
  const params = new URLSearchParams(m[2] ?? '');
  const status = params.get('status') ?? '';
  const query: HistoryQuery = {
    q: params.get('q') ?? '',
    status: (STATUS_FILTERS as readonly string[]).includes(status) ? (status as StoredRunStatus) : '',
    a: params.get('a') || null,
    b: params.get('b') || null,
  };
  // a comparison needs two runs: without them the address shows the history (with whatever was picked)
  const view: RoutedView = m[1] === 'compare' && query.a && query.b ? 'compare' : 'history';
  return { view, query };
}

export function formatRoute({ view, query }: Route): string {
  const params = new URLSearchParams();
  if (query.a) params.set('a', query.a);
  if (query.b) params.set('b', query.b);
  if (query.q) params.set('q', query.q);
  if (query.status) params.set('status', query.status);
  const search = params.toString();
  return `#/${view}${search ? `?${search}` : ''}`;
}

/** The rows the filters let through, in their order; the picked runs always stay, so they can be unpicked. */
export function filterRows(rows: readonly HistoryRow[], query: HistoryQuery): HistoryRow[] {
  const words = query.q.toLowerCase().split(/\s+/).filter(Boolean);
  return rows.filter((row) => {
    const id = row.record.id;
    if (id === query.a || id === query.b) return true;
    if (query.status && row.status !== query.status) return false;
    const text = `${row.record.name} ${id}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
}

/** Picks or unpicks a run for comparison: a third pick replaces the older of the two. */
export function togglePick(query: HistoryQuery, runId: string): HistoryQuery {
  if (query.a === runId) return { ...query, a: query.b, b: null };
  if (query.b === runId) return { ...query, b: null };
  if (!query.a) return { ...query, a: runId };
  if (!query.b) return { ...query, b: runId };
  return { ...query, a: query.b, b: runId };
}
