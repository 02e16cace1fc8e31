// The proposals table's columns: each one's value is its sort key (proposalSort.ts sorts), its cell
// renders from the row itself; the status column takes the width the fixed-size columns leave.
import { createColumnHelper } from '@tanstack/react-table';
import type { ProposalRow } from '../../engine/tracking.ts';
import { componentsOf } from './proposalFilters.ts';
import { componentLabel, formatCount, formatParents, reasonText } from './proposalFormat.ts';
import { sortKey, type ColumnId } from './proposalSort.ts';
import { ScoreChange } from './ScoreChange.tsx';
import { StatusBadge } from './StatusBadge.tsx';

/** the column without a fixed width */
export const FLEX_COLUMN: ColumnId = 'status';

/** right-aligned numeric columns */
export const NUMERIC_COLUMNS: ReadonlySet<string> = new Set<ColumnId>(['iteration', 'candidate', 'metricCalls']);

/** what a terse header means, on hover */
export const HEADER_HINTS: Partial<Record<string, string>> = {
  iteration: 'GEPA iteration that made the proposal',
  parents: 'the candidate(s) the proposal started from',
  status: 'accepted, rejected or skipped, and why',
  score: 'minibatch score (sum over its examples) of the parent → of the proposal; for a merge, the val subsample',
  candidate: 'the candidate an accepted proposal became',
  metricCalls: 'metric calls used when the proposal was decided',
};

const col = createColumnHelper<ProposalRow>();

// numbers read best largest first on the first click (latest iteration, biggest gain), names A to Z
const sortable = (id: ColumnId, header: string, size: number, sortDescFirst: boolean) => ({
  id,
  header,
  size,
  sortDescFirst,
});

export const proposalColumns = [
  col.accessor((r) => sortKey(r, 'iteration'), {
    ...sortable('iteration', 'Iter', 46, true),
    cell: (c) => c.row.original.iteration,
  }),
  col.accessor((r) => sortKey(r, 'kind'), {
    ...sortable('kind', 'Kind', 74, false),
    cell: (c) => <span className={`kind ${c.row.original.kind}`}>{c.row.original.kind}</span>,
  }),
  col.accessor((r) => sortKey(r, 'component'), {
    ...sortable('component', 'Component', 108, false),
    cell: (c) => {
      const components = componentsOf(c.row.original);
      if (components.length === 0) return <span className="muted">—</span>;
      return (
        <span className={components.length > 1 ? 'ellipsis muted' : 'ellipsis'} title={components.join(', ')}>
          {componentLabel(components)}
        </span>
      );
    },
  }),
  col.accessor((r) => sortKey(r, 'parents'), {
    ...sortable('parents', 'Parent', 96, false),
    cell: (c) => formatParents(c.row.original.parentIds),
  }),
  col.accessor((r) => sortKey(r, 'status'), {
    ...sortable('status', 'Status', 0, false),
    cell: (c) => {
      const { status, reason } = c.row.original;
      return (
        <span className="status-cell" title={reason ? reasonText(reason) : undefined}>
          <StatusBadge status={status} reason={reason} />
          {reason && <span className="reason muted">{reasonText(reason)}</span>}
        </span>
      );
    },
  }),
  col.accessor((r) => sortKey(r, 'score'), {
    ...sortable('score', 'Minibatch', 112, true),
    cell: (c) => (
      <ScoreChange before={c.row.original.subsampleScoreBefore} after={c.row.original.subsampleScoreAfter} />
    ),
  }),
  col.accessor((r) => sortKey(r, 'candidate'), {
    ...sortable('candidate', 'Cand.', 52, true),
    cell: (c) => (c.row.original.candidateIdx >= 0 ? `#${c.row.original.candidateIdx}` : ''),
  }),
  col.accessor((r) => sortKey(r, 'metricCalls'), {
    ...sortable('metricCalls', 'Calls', 60, true),
    cell: (c) => formatCount(c.row.original.metricCallsAt),
  }),
];
