// Which proposal rows the table shows: a status, a component and a case-insensitive phrase search over
// the texts a user remembers (component, reason, proposed text, raw LM output). Pure, so a live run's
// growing list can be refiltered every batch without touching React.
import type { ProposalRow, ProposalStatus } from '../../engine/tracking.ts';
import { reasonText } from './proposalFormat.ts';

export type StatusFilter = 'all' | ProposalStatus;

export interface ProposalFilter {
  status: StatusFilter;
  /** '' for every component */
  component: string;
  query: string;
}

export const NO_FILTER: ProposalFilter = { status: 'all', component: '', query: '' };

export const STATUSES: readonly ProposalStatus[] = ['accepted', 'rejected', 'skipped'];

/** The components a row touched: a merge row names all of them, joined by ', '; a skipped row none. */
export function componentsOf(row: ProposalRow): string[] {
  if (!row.component) return [];
  return row.kind === 'merge' ? row.component.split(', ') : [row.component];
}

/** Every component seen in the rows, sorted, for the component filter. */
export function componentOptions(rows: readonly ProposalRow[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const c of componentsOf(row)) seen.add(c);
  return [...seen].sort();
}

export function statusCounts(rows: readonly ProposalRow[]): Record<ProposalStatus, number> {
  const counts: Record<ProposalStatus, number> = { accepted: 0, rejected: 0, skipped: 0 };
  for (const row of rows) counts[row.status]++;
  return counts;
}

// Rows never change once emitted, so each one's lower-cased search text is built once, not per keystroke.
const haystacks = new WeakMap<ProposalRow, string>();

function haystackOf(row: ProposalRow): string {
  let text = haystacks.get(row);
  if (text === undefined) {
    // the reason both as the engine's code and as the sentence the table shows
    text = [row.component, row.reason, reasonText(row.reason), row.proposedText, row.rawLmOutput]
      .join('\n')
      .toLowerCase();
    haystacks.set(row, text);
  }
  return text;
}

export function matchesQuery(row: ProposalRow, query: string): boolean {
  const needle = query.trim().toLowerCase();
  return needle === '' || haystackOf(row).includes(needle);
}

export function isFiltered(filter: ProposalFilter): boolean {
  return filter.status !== 'all' || filter.component !== '' || filter.query.trim() !== '';
}

export function filterProposals(rows: readonly ProposalRow[], filter: ProposalFilter): ProposalRow[] {
  if (!isFiltered(filter)) return rows as ProposalRow[];
  return rows.filter(
    (row) =>
      (filter.status === 'all' || row.status === filter.status) &&
      (filter.component === '' || componentsOf(row).includes(filter.component)) &&
      matchesQuery(row, filter.query),
  );
}
