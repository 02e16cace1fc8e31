// Pause / resume / stop for a live run. Pause takes effect at the next iteration boundary, so the
// button shows "pausing" until the worker confirms.
import { useRunStore } from '../../store/runStore.ts';
import { pauseRun, resumeRun, stopRun } from '../../store/actions.ts';
import { isLive } from '../common/runFacts.ts';

export function RunControls() {
  const status = useRunStore((s) => s.status);
  const live = isLive(status);
  const paused = status === 'paused';
  return (
    <div className="run-controls">
      {paused ? (
        <button type="button" data-testid="resume-run" className="primary" onClick={() => resumeRun()}>
          Resume
        </button>
      ) : (
        <button
          type="button"
          data-testid="pause-run"
          disabled={!live || status === 'pausing' || status === 'stopping'}
          onClick={() => pauseRun()}
        >
          {status === 'pausing' ? 'Pausing…' : 'Pause'}
        </button>
      )}
      <button
        type="button"
        data-testid="stop-run"
        className="danger"
        disabled={!live || status === 'stopping'}
        onClick={() => stopRun()}
      >
        {status === 'stopping' ? 'Stopping…' : 'Stop'}
      </button>
    </div>
  );
}
