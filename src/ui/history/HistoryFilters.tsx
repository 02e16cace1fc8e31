// The history's filters (words in a run's name or id, a status) and the two runs picked for comparison,
// with the button that compares them. All of it lives in the URL (historyRoute.ts): a filtered history
// or a pick can be bookmarked.
import { useCompareStore } from '../../store/compareStore.ts';
import { openComparison, setHistoryQuery } from '../../store/compareActions.ts';
import { STATUS_FILTERS } from '../../store/historyRoute.ts';
import type { StoredRunStatus } from '../../run/recordSummary.ts';

export function HistoryFilters({ shown, total }: { shown: number; total: number }) {
  const query = useCompareStore((s) => s.query);
  const picked = [query.a, query.b].filter(Boolean).length;
  return (
    <div className="history-filters" role="search">
      <input
        type="search"
        placeholder="Filter by name or id"
        aria-label="filter runs by name or id"
        data-testid="history-filter-text"
        value={query.q}
        onChange={(e) => setHistoryQuery({ q: e.target.value })}
      />
      <select
        aria-label="filter runs by status"
        data-testid="history-filter-status"
        value={query.status}
        onChange={(e) => setHistoryQuery({ status: e.target.value as StoredRunStatus | '' })}
      >
        <option value="">any status</option>
        {STATUS_FILTERS.map((s) => (
          <option key={s} value={s}>
            {s}
          </option>
        ))}
      </select>
      {shown !== total && (
        <span className="muted" data-testid="history-filter-count">
          {shown} of {total} shown
        </span>
      )}
      <span className="history-compare">
        <span className="muted">{picked === 2 ? 'A and B picked' : `pick ${2 - picked} more to compare`}</span>
        <button
          type="button"
          className={picked === 2 ? 'primary' : undefined}
          data-testid="history-compare"
          disabled={picked !== 2}
          title={picked === 2 ? 'Compare the two picked runs side by side' : 'Tick two runs in the first column'}
          onClick={openComparison}
        >
          Compare
        </button>
      </span>
    </div>
  );
}
