// The studio shell: a top bar with the views (set up a run, watch it), and the active view.
import { useRunStore } from '../store/runStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { SetupView } from './setup/SetupView.tsx';
import { RunView } from './run/RunView.tsx';
import { ImportRunButton } from './ImportRunButton.tsx';

export function App() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  const status = useRunStore((s) => s.status);
  const readOnly = useRunStore((s) => s.readOnly);
  const hasRun = status !== 'idle' || readOnly;
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">GEPA Studio</span>
        <nav className="tabs" aria-label="views">
          <button type="button" data-testid="nav-setup" className={view === 'setup' ? 'active' : ''} onClick={() => setView('setup')}>
            Set up
          </button>
          <button type="button" data-testid="nav-run" className={view === 'run' ? 'active' : ''} disabled={!hasRun} onClick={() => setView('run')}>
            Run{readOnly ? ' (imported, read-only)' : ''}
          </button>
        </nav>
        <ImportRunButton />
      </header>
      <main className="main">{view === 'run' && hasRun ? <RunView /> : <SetupView />}</main>
    </div>
  );
}
