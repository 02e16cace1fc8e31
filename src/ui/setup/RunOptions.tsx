// The options most runs touch: minibatch size, candidate selection, component selection, merge,
// concurrency and the seed.
import { useSetupStore } from '../../store/setupStore.ts';
import type { RunOptionsConfig } from '../../run/runConfig.ts';
import { NumberInput } from './NumberInput.tsx';

const SELECTION: { value: RunOptionsConfig['candidateSelectionStrategy']; label: string }[] = [
  { value: 'pareto', label: 'Pareto front (sample by wins)' },
  { value: 'current_best', label: 'Current best' },
  { value: 'epsilon_greedy', label: 'ε-greedy' },
  { value: 'top_k_pareto', label: 'Top-k Pareto' },
];

export function RunOptions() {
  const o = useSetupStore((s) => s.options);
  const set = useSetupStore((s) => s.setOptions);
  const single = useSetupStore((s) => s.program.steps.length === 1);
  return (
    <div className="form-grid options-grid">
      <label htmlFor="option-minibatch">Minibatch size</label>
      <NumberInput
        id="option-minibatch"
        data-testid="option-minibatch"
        className="short"
        value={o.reflectionMinibatchSize}
        min={1}
        integer
        onValue={(v) => v !== undefined && set({ reflectionMinibatchSize: v })}
      />
      <label htmlFor="option-selection">Parent selection</label>
      <select
        id="option-selection"
        data-testid="option-selection"
        value={o.candidateSelectionStrategy}
        onChange={(e) =>
          set({ candidateSelectionStrategy: e.target.value as RunOptionsConfig['candidateSelectionStrategy'] })
        }
      >
        {SELECTION.map((s) => (
          <option key={s.value} value={s.value}>
            {s.label}
          </option>
        ))}
      </select>
      <label htmlFor="option-module-selector">Components</label>
      <select
        id="option-module-selector"
        data-testid="option-module-selector"
        value={o.moduleSelector}
        disabled={single}
        title={single ? 'one step: nothing to choose' : undefined}
        onChange={(e) => set({ moduleSelector: e.target.value as RunOptionsConfig['moduleSelector'] })}
      >
        <option value="round_robin">One per proposal (round robin)</option>
        <option value="all">All in every proposal</option>
      </select>
      <label htmlFor="option-merge">Merge</label>
      <label className="check">
        <input
          id="option-merge"
          type="checkbox"
          data-testid="option-merge"
          checked={o.useMerge}
          onChange={(e) => set({ useMerge: e.target.checked })}
        />
        combine components from different lineages
      </label>
      <label htmlFor="option-concurrency">Concurrency</label>
      <span className="inline-fields">
        <NumberInput
          id="option-concurrency"
          data-testid="option-concurrency"
          className="short"
          value={o.concurrency}
          min={1}
          max={64}
          integer
          onValue={(v) => v !== undefined && set({ concurrency: v })}
        />
        <span className="muted">LM calls in flight per endpoint</span>
      </span>
      <label htmlFor="option-seed">Seed</label>
      <NumberInput
        id="option-seed"
        data-testid="option-seed"
        className="short"
        value={o.seed}
        integer
        onValue={(v) => v !== undefined && set({ seed: v })}
      />
    </div>
  );
}
