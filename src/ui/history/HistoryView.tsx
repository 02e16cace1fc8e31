// The run history: every stored run with its status, best score, budget used, cost, dates and the space
// it takes, and what can be done with it (open, resume, duplicate, delete, export). Kept current while
// shown: other tabs post their runs' changes, and a run whose driving tab closes turns interrupted. Filters
// and two runs picked for comparison sit above the table (and in the URL).
import { useEffect, useMemo } from 'react';
import { useHistoryStore } from '../../store/historyStore.ts';
import { refreshHistory, watchHistory } from '../../store/historyActions.ts';
import { HistoryTable } from './HistoryTable.tsx';
import { HistoryFilters } from './HistoryFilters.tsx';
import { useCompareStore } from '../../store/compareStore.ts';
import { filterRows } from '../../store/historyRoute.ts';
import { StorageUsage } from './StorageUsage.tsx';
import './history.css';

export function HistoryView() {
  const rows = useHistoryStore((s) => s.rows);
  const loaded = useHistoryStore((s) => s.loaded);
  const error = useHistoryStore((s) => s.error);
  const query = useCompareStore((s) => s.query);
  const shown = useMemo(() => filterRows(rows, query), [rows, query]);
  useEffect(() => watchHistory(), []);
  return (
    <div className="history-view">
      <section className="panel history-head" aria-label="run history">
        <h2>Run history</h2>
        <span className="muted history-count">
          {loaded ? `${rows.length} stored run${rows.length === 1 ? '' : 's'}` : 'reading…'}
        </span>
        <button type="button" onClick={() => void refreshHistory()} title="Read the stored runs again">
          Refresh
        </button>
        <StorageUsage />
        {rows.length > 0 && <HistoryFilters shown={shown.length} total={rows.length} />}
      </section>
      {error && (
        <p className="history-error" role="alert">
          {error}
        </p>
      )}
      <section className="panel history-body">
        {loaded && rows.length === 0 && !error ? (
          <p className="muted history-empty">
            No stored runs yet. Every run you start is saved here as it goes, so a closed tab can be resumed.
          </p>
        ) : (
          <HistoryTable rows={shown} />
        )}
      </section>
    </div>
  );
}
