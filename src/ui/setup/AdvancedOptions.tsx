// The options few runs change, folded away: frontier type, acceptance, perfect-score skipping, merge
// invocations, the valset gate, reflection retries, the evaluation cache, best-output tracking and the
// feedback-per-step options.
import { useSetupStore } from '../../store/setupStore.ts';
import type { RunOptionsConfig } from '../../run/runConfig.ts';
import { OptionCheckbox, OptionNumber, OptionSelect } from './OptionFields.tsx';
import type { Choice } from './Select.tsx';
import { FRONTIER_CHOICES, frontierProblem } from './frontierChoice.ts';
import { StepFeedbackOptions } from './StepFeedbackOptions.tsx';

const ACCEPTANCE: Choice<RunOptionsConfig['acceptanceCriterion']>[] = [
  { value: 'strict_improvement', label: 'beats its parent on the minibatch' },
  { value: 'improvement_or_equal', label: 'at least ties its parent' },
];

export function AdvancedOptions() {
  const o = useSetupStore((s) => s.options);
  const set = useSetupStore((s) => s.setOptions);
  const metricKind = useSetupStore((s) => s.metric.kind);
  const frontier = FRONTIER_CHOICES.find((c) => c.value === o.frontierType);
  const frontierTrouble = frontierProblem(o.frontierType, metricKind, null);
  return (
    <details className="advanced">
      <summary>Advanced options</summary>
      <div className="form-grid options-grid">
        <label htmlFor="option-frontier">Pareto frontier</label>
        <span className="inline-fields">
          <OptionSelect option="frontierType" id="option-frontier" choices={FRONTIER_CHOICES} />
          {!frontierTrouble && (
            <span className="muted option-help" data-testid="frontier-help">
              {frontier?.help}
            </span>
          )}
        </span>
        {frontierTrouble && (
          <p className="problem-line grid-wide" data-testid="frontier-help">
            {frontierTrouble.charAt(0).toUpperCase() + frontierTrouble.slice(1)}.
          </p>
        )}
        <label htmlFor="option-acceptance">Acceptance</label>
        <OptionSelect option="acceptanceCriterion" id="option-acceptance" choices={ACCEPTANCE} />
        <label htmlFor="option-skip-perfect">Skip perfect</label>
        <span className="inline-fields">
          <input
            id="option-skip-perfect"
            type="checkbox"
            data-testid="option-skip-perfect"
            checked={o.skipPerfectScore}
            onChange={(e) => set({ skipPerfectScore: e.target.checked })}
          />
          <span className="muted">skip parents already perfect on the minibatch; perfect =</span>
          <OptionNumber
            option="perfectScore"
            aria-label="perfect score"
            min={0}
            max={1}
            step={0.05}
            disabled={!o.skipPerfectScore}
          />
        </span>
        <label htmlFor="option-max-merges">Max merges</label>
        <OptionNumber option="maxMergeInvocations" id="option-max-merges" min={0} integer disabled={!o.useMerge} />
        <label htmlFor="option-valset-gate">Valset gate</label>
        <span className="inline-fields">
          <OptionNumber option="valsetGateSize" id="option-valset-gate" min={0} integer />
          <span className="muted option-help">
            score a new candidate on N val examples first and stop if it does worse than its parent there (0 = off)
          </span>
        </span>
        <label htmlFor="option-reflection-retries">Reflection retries</label>
        <span className="inline-fields">
          <OptionNumber option="reflectionRetries" id="option-reflection-retries" min={0} integer />
          <span className="muted option-help">
            ask the reflection LM again when its reply has no usable instruction
          </span>
        </span>
        <label htmlFor="option-cache">Evaluation cache</label>
        <OptionCheckbox option="cacheEvaluation" id="option-cache">
          never pay twice for the same evaluation
        </OptionCheckbox>
        <label htmlFor="option-track-outputs">Track best outputs</label>
        <OptionCheckbox option="trackBestOutputs" id="option-track-outputs">
          keep the best output seen for each val example
        </OptionCheckbox>
        <StepFeedbackOptions />
      </div>
    </details>
  );
}
