// The studio shell: a top bar with the views (set up a run, watch it, the history of stored runs, and two
// of them compared), and the active view. The history and the comparison have an address (the URL's hash).
import { useEffect } from 'react';
import { useRunStore } from '../store/runStore.ts';
import type { RunData } from '../store/runStore.ts';
import { useUiStore } from '../store/uiStore.ts';
import { SetupView } from './setup/SetupView.tsx';
import { RunView } from './run/RunView.tsx';
import { HistoryView } from './history/HistoryView.tsx';
import { StoredRunBanner } from './history/StoredRunBanner.tsx';
import { ImportRunButton } from './ImportRunButton.tsx';
import { CompareView } from './compare/CompareView.tsx';
import { startRouting } from '../store/compareActions.ts';

const READ_ONLY_LABEL: Record<NonNullable<RunData['readOnlySource']>, string> = {
  import: ' (imported, read-only)',
  stored: ' (stored, read-only)',
  'other-tab': ' (live in another tab)',
};

export function App() {
  const view = useUiStore((s) => s.view);
  const setView = useUiStore((s) => s.setView);
  const status = useRunStore((s) => s.status);
  const readOnly = useRunStore((s) => s.readOnly);
  const source = useRunStore((s) => s.readOnlySource);
  const hasRun = status !== 'idle' || readOnly;
  useEffect(() => startRouting(), []);
  return (
    <div className="app">
      <header className="topbar">
        <span className="brand">GEPA Studio</span>
        <nav className="tabs" aria-label="views">
          <button
            type="button"
            data-testid="nav-setup"
            className={view === 'setup' ? 'active' : ''}
            onClick={() => setView('setup')}
          >
            Set up
          </button>
          <button
            type="button"
            data-testid="nav-run"
            className={view === 'run' ? 'active' : ''}
            disabled={!hasRun}
            onClick={() => setView('run')}
          >
            Run{readOnly ? READ_ONLY_LABEL[source ?? 'import'] : ''}
          </button>
          <button
            type="button"
            data-testid="nav-history"
            className={view === 'history' || view === 'compare' ? 'active' : ''}
            onClick={() => setView('history')}
          >
            History
          </button>
        </nav>
        <ImportRunButton />
      </header>
      <main className="main">
        {view === 'history' ? (
          <HistoryView />
        ) : view === 'compare' ? (
          <CompareView />
        ) : view === 'run' && hasRun ? (
          <>
            <StoredRunBanner />
            <RunView />
          </>
        ) : (
          <SetupView />
        )}
      </main>
    </div>
  );
}
