// Two runs side by side (live, stored or imported; picked in the history): each run's headline numbers,
// both best-score curves on one chart, the settings that differ, the best prompts as a word diff and the
// per-example wins and losses. The pair lives in the URL, so the comparison survives a reload; it is kept
// current while either run goes on.
import { useEffect } from 'react';
import { useCompareStore } from '../../store/compareStore.ts';
import { swapComparison, watchComparison } from '../../store/compareActions.ts';
import type { RunSideSummary, Side } from '../../store/compareModel.ts';
import { useUiStore } from '../../store/uiStore.ts';
import { formatScore, formatUsd } from '../common/format.ts';
import { statusTone } from '../common/tone.ts';
import { CompareChart } from './CompareChart.tsx';
import { CompareSettings } from './CompareSettings.tsx';
import { ComparePrompts } from './ComparePrompts.tsx';
import { CompareExamples } from './CompareExamples.tsx';
import './compare.css';

function RunCard({ side, run }: { side: Side; run: RunSideSummary }) {
  const calls =
    run.cap === null
      ? run.metricCalls.toLocaleString('en-US')
      : `${run.metricCalls.toLocaleString('en-US')} / ${run.cap.toLocaleString('en-US')}`;
  return (
    <div className={`cmp-card cmp-card-${side}`} data-testid={`compare-run-${side}`}>
      <div className="cmp-card-title">
        <span className={`pick-label pick-${side}`}>{side.toUpperCase()}</span>
        <strong className="cmp-card-name" title={run.runId ?? undefined}>
          {run.name}
        </strong>
        <span className={`badge ${statusTone(run.status)}`}>{run.status}</span>
        <span className="muted cmp-card-id" title={run.runId ?? undefined}>
          {run.origin ?? run.runId?.slice(0, 8)}
        </span>
      </div>
      <dl className="cmp-figures">
        <div>
          <dt>best val score</dt>
          <dd data-testid={`compare-best-${side}`}>{formatScore(run.bestScore)}</dd>
        </div>
        <div>
          <dt>candidates</dt>
          <dd>{run.candidates}</dd>
        </div>
        <div>
          <dt>metric calls</dt>
          <dd data-testid={`compare-calls-${side}`}>{calls}</dd>
        </div>
        <div>
          <dt>cost</dt>
          <dd>{run.costUsd === null ? '—' : formatUsd(run.costUsd)}</dd>
        </div>
      </dl>
    </div>
  );
}

export function CompareView() {
  const a = useCompareStore((s) => s.query.a);
  const b = useCompareStore((s) => s.query.b);
  const comparison = useCompareStore((s) => s.comparison);
  const error = useCompareStore((s) => s.error);
  const loading = useCompareStore((s) => s.loading);
  useEffect(() => (a && b ? watchComparison(a, b) : undefined), [a, b]);
  const back = () => useUiStore.getState().setView('history');
  return (
    <div className="compare-view" data-testid="compare-view">
      <section className="panel compare-head">
        <h2>Compare runs</h2>
        {comparison && <span className="muted">{loading ? 'reading…' : ''}</span>}
        <span className="grow" />
        <button type="button" data-testid="compare-swap" onClick={swapComparison} title="Show B as A and A as B">
          Swap A and B
        </button>
        <button type="button" data-testid="compare-back" onClick={back}>
          Back to history
        </button>
      </section>
      {error && (
        <p className="history-error" role="alert" data-testid="compare-error">
          {error}
        </p>
      )}
      {!comparison && !error && <p className="muted">Reading the two runs…</p>}
      {comparison && (
        <>
          <section className="compare-cards">
            <RunCard side="a" run={comparison.a} />
            <RunCard side="b" run={comparison.b} />
          </section>
          <CompareChart comparison={comparison} />
          <CompareSettings comparison={comparison} />
          <ComparePrompts comparison={comparison} />
          <CompareExamples comparison={comparison} />
        </>
      )}
    </div>
  );
}
