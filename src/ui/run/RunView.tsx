// The run view: header, then one of four tabs — overview (score chart and lineage), proposals,
// candidates and the per-example matrix.
import { useUiStore } from '../../store/uiStore.ts';
import type { RunTab } from '../../store/uiStore.ts';
import { ProposalsView } from '../proposals/ProposalsView.tsx';
import { CandidatesView } from '../candidates/CandidatesView.tsx';
import { ScoreMatrix } from '../candidates/ScoreMatrix.tsx';
import { LineageView } from '../lineage/LineageView.tsx';
import { RunHeader } from './RunHeader.tsx';
import { ScoreChart } from './ScoreChart.tsx';
import { useRunStore } from '../../store/runStore.ts';
import { isSearch } from '../../store/bestOutputs.ts';
import { BestOutputsView } from '../bestOutputs/BestOutputsView.tsx';
import './run.css';

const TABS: { id: RunTab; label: string }[] = [
  { id: 'overview', label: 'Overview' },
  { id: 'proposals', label: 'Proposals' },
  { id: 'candidates', label: 'Candidates' },
  { id: 'matrix', label: 'Matrix' },
];

/** An inference-time search's own tab, next to the overview: the best output per task is what it is for. */
const SEARCH_TABS: { id: RunTab; label: string }[] = [
  TABS[0]!,
  { id: 'best', label: 'Best outputs' },
  ...TABS.slice(1),
];

function TabCount({ tab }: { tab: RunTab }) {
  const n = useRunStore((s) =>
    tab === 'proposals'
      ? s.proposals.length
      : tab === 'candidates'
        ? s.candidates.reduce((k, c) => (c ? k + 1 : k), 0)
        : null,
  );
  return n === null ? null : <span className="tab-count">{n}</span>;
}

export function RunView() {
  const search = useRunStore(isSearch);
  const chosen = useUiStore((s) => s.runTab);
  // a run that is no search has no best-outputs tab
  const tab = chosen === 'best' && !search ? 'overview' : chosen;
  const setTab = useUiStore((s) => s.setRunTab);
  const runId = useRunStore((s) => s.runId);
  return (
    <div className="run-view">
      <RunHeader />
      <nav className="run-tabs" role="tablist" aria-label="run views">
        {(search ? SEARCH_TABS : TABS).map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            data-testid={`tab-${t.id}`}
            className={tab === t.id ? 'active' : ''}
            onClick={() => setTab(t.id)}
          >
            {t.label}
            <TabCount tab={t.id} />
          </button>
        ))}
      </nav>
      <div className="run-tab-body" role="tabpanel">
        {tab === 'overview' && (
          // keyed by run: the drawings place marks once, so a new or imported run starts them afresh
          <div className="run-overview" key={runId ?? ''}>
            <ScoreChart />
            <LineageView />
          </div>
        )}
        {tab === 'proposals' && <ProposalsView />}
        {tab === 'candidates' && <CandidatesView />}
        {tab === 'matrix' && <ScoreMatrix />}
        {tab === 'best' && <BestOutputsView />}
      </div>
    </div>
  );
}
