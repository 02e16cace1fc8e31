// How much space the studio uses in this browser, how much it may use, and whether the browser keeps it
// under storage pressure ("persistent storage"); the studio asks for that on the first run, and the
// user can ask again here.
import { useState } from 'react';
import { useHistoryStore } from '../../store/historyStore.ts';
import { askPersistentStorage } from '../../store/historyActions.ts';
import { formatBytes } from './historyFormat.ts';

export function StorageUsage() {
  const figures = useHistoryStore((s) => s.figures);
  const runBytes = useHistoryStore((s) => s.rows.reduce((n, r) => n + (r.record.bytes || 0), 0));
  const [asking, setAsking] = useState(false);
  if (!figures) return <span className="storage-usage muted" data-testid="storage-usage" />;
  const persisted = figures.persisted;
  const ask = () => {
    setAsking(true);
    void askPersistentStorage().finally(() => setAsking(false));
  };
  return (
    <span className="storage-usage" data-testid="storage-usage">
      <span title="The space the stored runs take (records, checkpoints, event logs)">
        runs <strong>{formatBytes(runBytes)}</strong>
      </span>
      <span title="What this site stores in the browser, all told, as the browser estimates it">
        site {formatBytes(figures.usage)}
        {figures.quota !== null && <span className="muted"> of {formatBytes(figures.quota)}</span>}
      </span>
      <span
        className={`badge ${persisted ? 'good' : 'warn'}`}
        data-testid="storage-persistent"
        title={
          persisted
            ? 'The browser keeps the stored runs even when the disk runs low.'
            : 'The browser may clear the stored runs when the disk runs low.'
        }
      >
        {persisted === null ? 'persistence unknown' : persisted ? 'persistent storage' : 'not persistent'}
      </span>
      {persisted === false && (
        <button type="button" className="link" disabled={asking} onClick={ask}>
          Ask to keep
        </button>
      )}
    </span>
  );
}
