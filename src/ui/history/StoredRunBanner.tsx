// Above the run view of a run this tab does not drive: says whether it is a stored run (and, when it
// was interrupted, that History resumes it) or a run another tab drives, shown live and read-only.
import { useRunStore } from '../../store/runStore.ts';
import { useUiStore } from '../../store/uiStore.ts';
import './history.css';

export function StoredRunBanner() {
  const source = useRunStore((s) => s.readOnlySource);
  const status = useRunStore((s) => s.status);
  const setView = useUiStore((s) => s.setView);
  if (source !== 'stored' && source !== 'other-tab') return null;
  const live = source === 'other-tab';
  return (
    <div className={`stored-run-banner${live ? ' live' : ''}`} data-testid="stored-run-banner" role="status">
      <span className="grow">
        {live
          ? 'Another tab drives this run: it is shown here live and read-only. Pause, resume or stop it in that tab.'
          : status === 'interrupted'
            ? 'A stored run, read-only. ' +
              'It was interrupted: resume it from History to continue from its last checkpoint.'
            : 'A stored run, read-only.'}
      </span>
      <button type="button" onClick={() => setView('history')}>
        Back to History
      </button>
    </div>
  );
}
