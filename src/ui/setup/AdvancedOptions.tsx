// The options few runs change, folded away: frontier type, acceptance, perfect-score skipping, merge
// invocations, the evaluation cache and best-output tracking.
import { useSetupStore } from '../../store/setupStore.ts';
import type { RunOptionsConfig } from '../../run/runConfig.ts';
import { NumberInput } from './NumberInput.tsx';

const FRONTIERS: { value: RunOptionsConfig['frontierType']; label: string }[] = [
  { value: 'instance', label: 'Per example (instance)' },
  { value: 'objective', label: 'Per objective' },
  { value: 'hybrid', label: 'Hybrid' },
  { value: 'cartesian', label: 'Cartesian (example × objective)' },
];

export function AdvancedOptions() {
  const o = useSetupStore((s) => s.options);
  const set = useSetupStore((s) => s.setOptions);
  return (
    <details className="advanced">
      <summary>Advanced options</summary>
      <div className="form-grid options-grid">
        <label htmlFor="option-frontier">Pareto frontier</label>
        <select
          id="option-frontier"
          data-testid="option-frontier"
          value={o.frontierType}
          onChange={(e) => set({ frontierType: e.target.value as RunOptionsConfig['frontierType'] })}
        >
          {FRONTIERS.map((f) => (
            <option key={f.value} value={f.value}>
              {f.label}
            </option>
          ))}
        </select>
        <label htmlFor="option-acceptance">Acceptance</label>
        <select
          id="option-acceptance"
          data-testid="option-acceptance"
          value={o.acceptanceCriterion}
          onChange={(e) => set({ acceptanceCriterion: e.target.value as RunOptionsConfig['acceptanceCriterion'] })}
        >
          <option value="strict_improvement">beats its parent on the minibatch</option>
          <option value="improvement_or_equal">at least ties its parent</option>
        </select>
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
          <NumberInput
            className="short"
            aria-label="perfect score"
            value={o.perfectScore}
            min={0}
            max={1}
            step={0.05}
            disabled={!o.skipPerfectScore}
            onValue={(v) => v !== undefined && set({ perfectScore: v })}
          />
        </span>
        <label htmlFor="option-max-merges">Max merges</label>
        <NumberInput
          id="option-max-merges"
          data-testid="option-max-merges"
          className="short"
          value={o.maxMergeInvocations}
          min={0}
          integer
          disabled={!o.useMerge}
          onValue={(v) => v !== undefined && set({ maxMergeInvocations: v })}
        />
        <label htmlFor="option-cache">Evaluation cache</label>
        <label className="check">
          <input
            id="option-cache"
            type="checkbox"
            data-testid="option-cache"
            checked={o.cacheEvaluation}
            onChange={(e) => set({ cacheEvaluation: e.target.checked })}
          />
          never pay twice for the same evaluation
        </label>
        <label htmlFor="option-track-outputs">Track best outputs</label>
        <label className="check">
          <input
            id="option-track-outputs"
            type="checkbox"
            checked={o.trackBestOutputs}
            onChange={(e) => set({ trackBestOutputs: e.target.checked })}
          />
          keep the best output seen for each val example
        </label>
      </div>
    </details>
  );
}
