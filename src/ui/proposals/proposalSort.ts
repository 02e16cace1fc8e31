// The order of the proposals table. Sorting is done here, once per change, rather than by
// @tanstack/react-table's row models, which build thousands of row objects on every live batch; the
// table only renders the rows in view. Blanks (no after-score, no candidate) sort last in either
// direction, so they never crowd the top; ties keep arrival order.
import type { ProposalRow, ProposalStatus } from '../../engine/tracking.ts';

export type ColumnId =
  'iteration' | 'kind' | 'component' | 'parents' | 'status' | 'score' | 'candidate' | 'metricCalls';

export interface SortOrder {
  id: ColumnId;
  desc: boolean;
}

const STATUS_RANK: Record<ProposalStatus, number> = { accepted: 0, rejected: 1, skipped: 2 };

export function sortKey(row: ProposalRow, column: ColumnId): string | number | undefined {
  switch (column) {
    case 'iteration':
      return row.iteration;
    case 'kind':
      return row.kind;
    case 'component':
      return row.component || undefined;
    case 'parents':
      return row.parentIds[0];
    case 'status':
      return STATUS_RANK[row.status];
    case 'score':
      return row.subsampleScoreBefore === null || row.subsampleScoreAfter === null
        ? undefined
        : row.subsampleScoreAfter - row.subsampleScoreBefore;
    case 'candidate':
      return row.candidateIdx >= 0 ? row.candidateIdx : undefined;
    case 'metricCalls':
      return row.metricCallsAt;
  }
}

/** The rows in the given order; no order keeps them as they arrived (the same array). */
export function sortProposals(rows: ProposalRow[], order: SortOrder | undefined): ProposalRow[] {
  if (!order) return rows;
  const sign = order.desc ? -1 : 1;
  const keyed = rows.map((row, index) => ({ row, index, key: sortKey(row, order.id) }));
  keyed.sort((a, b) => {
    if (a.key === undefined || b.key === undefined) {
      if (a.key !== b.key) return a.key === undefined ? 1 : -1;
    } else if (a.key !== b.key) {
      return (a.key < b.key ? -1 : 1) * sign;
    }
    return a.index - b.index;
  });
  return keyed.map((k) => k.row);
}
