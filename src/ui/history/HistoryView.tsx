// The run history: every stored run with its status, best score, budget used, cost, dates and the space
// it takes, and what can be done with it (open, resume, duplicate, delete, export). Kept current while
// shown: other tabs post their runs' changes, and a run whose driving tab closes turns interrupted.
import { useEffect } from 'react';
import { useHistoryStore } from '../../store/historyStore.ts';
import { refreshHistory, watchHistory } from '../../store/historyActions.ts';
import { HistoryTable } from './HistoryTable.tsx';
import { StorageUsage } from './StorageUsage.tsx';
import './history.css';

export function HistoryView() {
  const rows = useHistoryStore((s) => s.rows);
  const loaded = useHistoryStore((s) => s.loaded);
  const error = useHistoryStore((s) => s.error);
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
          <HistoryTable rows={rows} />
        )}
      </section>
    </div>
  );
}
