// The Start button, kept in view: enabled only when the setup can run, and otherwise saying why.
import { useState } from 'react';
import { useSetupStore } from '../../store/setupStore.ts';
import { useRunStore } from '../../store/runStore.ts';
import { startRun } from '../../store/actions.ts';
import { startBlockers } from './startBlockers.ts';
import { trackingProblem } from '../../store/trackingDraft.ts';
import { reflectionPromptProblems } from '../../store/reflectionPromptDraft.ts';
import type { BudgetExplanation } from './budgetExplain.ts';
import type { DatasetSummary } from '../../store/datasetSummary.ts';
import { errorMessage } from '../../engine/index.ts';

const SHOWN_REASONS = 3;

export function StartBar({ summary, explanation }: { summary: DatasetSummary; explanation: BudgetExplanation }) {
  const s = useSetupStore();
  const runStatus = useRunStore((r) => r.status);
  const [failure, setFailure] = useState<string | null>(null);
  const tracking = trackingProblem(s.tracking, s.trackingAuth);
  const blockers = startBlockers({
    hasRows: s.dataset.rows.length > 0,
    summary,
    program: s.program,
    inputFields: s.dataset.mapping.inputs,
    metric: s.metric,
    taskLm: s.taskLm,
    reflectionLm: s.reflectionLm,
    keys: s.keys,
    budgetBlocked: explanation.blocking,
    runStatus,
    frontierType: s.options.frontierType,
  });
  const reflection = reflectionPromptProblems(
    s.reflectionPrompt,
    s.program.steps.map((st) => st.name),
  )[0];
  const reasons = [...blockers, ...(tracking ? [tracking] : []), ...(reflection ? [`fix ${reflection}`] : [])];
  const demo = s.taskLm.provider === 'demo' && s.reflectionLm.provider === 'demo';
  const start = async () => {
    setFailure(null);
    try {
      await startRun();
      // the run view replaces this page: open it at its top, not at the Start button's scroll offset
      window.scrollTo(0, 0);
    } catch (err) {
      setFailure(errorMessage(err));
    }
  };
  return (
    <div className="start-bar">
      <div className="start-status" data-testid="start-status">
        {reasons.length === 0 ? (
          <span>
            <strong>Ready</strong> ·{' '}
            {s.mode === 'search'
              ? `${summary.val} tasks, best answer each`
              : `${summary.train} train / ${summary.val} val`}
            {explanation.cap !== null && <> · ≤ {explanation.cap.toLocaleString('en-US')} metric calls</>}
            {demo && <> · demo model (simulated)</>}
          </span>
        ) : (
          <ul className="start-reasons">
            {/* plain text that may repeat: the position is the identity */}
            {reasons.slice(0, SHOWN_REASONS).map((r, i) => (
              <li key={i}>{r}</li>
            ))}
            {reasons.length > SHOWN_REASONS && <li className="muted">and {reasons.length - SHOWN_REASONS} more</li>}
          </ul>
        )}
        {failure && (
          <p className="problem-line" role="alert">
            {failure}
          </p>
        )}
      </div>
      <button
        type="button"
        className="primary start-button"
        data-testid="start-run"
        disabled={reasons.length > 0}
        title={reasons[0]}
        onClick={() => void start()}
      >
        Start run
      </button>
    </div>
  );
}
