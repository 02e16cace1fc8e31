// A stored run's actions. A button that cannot act now is disabled and its tooltip says why (another
// tab drives the run, it already ended, this tab is busy). Delete asks for a second click.
import { useState } from 'react';
import type { HistoryRow } from '../../store/storedRun.ts';
import { resumeStoredRun } from '../../store/actions.ts';
import { deleteStoredRun, duplicateStoredRun, exportStoredRun, openStoredRun } from '../../store/historyActions.ts';
import { useRunStore } from '../../store/runStore.ts';
import { isLive } from '../common/runFacts.ts';
import { deleteBlocker, resumeBlocker } from './historyFormat.ts';
import { keyFields } from './resumeKeys.ts';
import { errorMessage } from '../../engine/index.ts';

interface Props {
  row: HistoryRow;
  /** the run's endpoints need keys: show the form that asks for them */
  onAskKeys(): void;
  onError(message: string | null): void;
}

export function HistoryRowActions({ row, onAskKeys, onError }: Props) {
  const id = row.record.id;
  const liveHere = useRunStore((s) => !s.readOnly && isLive(s.status));
  const [confirming, setConfirming] = useState(false);
  const act = (action: () => Promise<void>) => {
    onError(null);
    action().catch((err: unknown) => onError(errorMessage(err)));
  };
  const resumeWhy = resumeBlocker(row, liveHere);
  const deleteWhy = deleteBlocker(row);
  const resume = () => {
    if (keyFields(row.record.config).length > 0) onAskKeys();
    else act(() => resumeStoredRun(id, {}));
  };
  if (confirming) {
    return (
      <span className="row-actions confirm">
        <span>Delete this run and its checkpoints?</span>
        <button
          type="button"
          className="danger"
          data-testid={`history-delete-confirm-${id}`}
          onClick={() => {
            setConfirming(false);
            act(() => deleteStoredRun(id));
          }}
        >
          Delete
        </button>
        <button type="button" onClick={() => setConfirming(false)}>
          Cancel
        </button>
      </span>
    );
  }
  return (
    <span className="row-actions">
      <button
        type="button"
        data-testid={`history-open-${id}`}
        onClick={() => act(() => openStoredRun(id))}
        title={
          row.driver === 'other-tab'
            ? 'Watch it live, read-only (another tab drives it)'
            : row.driver === 'this-tab'
              ? 'Show this tab’s run'
              : 'Open its views, read-only'
        }
      >
        {row.driver === 'other-tab' ? 'Watch' : 'Open'}
      </button>
      <button
        type="button"
        className={resumeWhy ? undefined : 'primary'}
        data-testid={`history-resume-${id}`}
        disabled={resumeWhy !== null}
        title={resumeWhy ?? 'Continue from its last checkpoint'}
        onClick={resume}
      >
        Resume
      </button>
      <button
        type="button"
        data-testid={`history-duplicate-${id}`}
        title="Load its configuration into Set up, to run it again with changes"
        onClick={() => act(() => duplicateStoredRun(id))}
      >
        Duplicate
      </button>
      <button
        type="button"
        data-testid={`history-export-${id}`}
        title="Download it as JSON (the GEPAResult dict, config without keys, tables)"
        onClick={() => act(() => exportStoredRun(id))}
      >
        Export
      </button>
      <button
        type="button"
        data-testid={`history-report-${id}`}
        title="Download its HTML report (one file that opens offline: tree, chart, proposals, texts, matrix)"
        onClick={() => act(() => exportStoredRun(id, 'report'))}
      >
        Report
      </button>
      <button
        type="button"
        className="danger"
        data-testid={`history-delete-${id}`}
        disabled={deleteWhy !== null}
        title={deleteWhy ?? 'Delete it (asks first)'}
        onClick={() => setConfirming(true)}
      >
        Delete
      </button>
    </span>
  );
}
