// The options most runs touch: minibatch size, candidate selection, component selection, merge,
// proposals per round, concurrency and the seed.
import { useSetupStore } from '../../store/setupStore.ts';
import type { RunOptionsConfig } from '../../run/runConfig.ts';
import { OptionCheckbox, OptionNumber, OptionSelect } from './OptionFields.tsx';
import type { Choice } from './Select.tsx';
import { ProposalsPerRound } from './ProposalsPerRound.tsx';

const SELECTION: Choice<RunOptionsConfig['candidateSelectionStrategy']>[] = [
  { value: 'pareto', label: 'Pareto front (sample by wins)' },
  { value: 'current_best', label: 'Current best' },
  { value: 'epsilon_greedy', label: 'ε-greedy' },
  { value: 'top_k_pareto', label: 'Top-k Pareto' },
];

const MODULE_SELECTORS: Choice<RunOptionsConfig['moduleSelector']>[] = [
  { value: 'round_robin', label: 'One per proposal (round robin)' },
  { value: 'all', label: 'All in every proposal' },
];

export function RunOptions() {
  const single = useSetupStore((s) => s.program.steps.length === 1);
  return (
    <div className="form-grid options-grid">
      <label htmlFor="option-minibatch">Minibatch size</label>
      <OptionNumber option="reflectionMinibatchSize" id="option-minibatch" min={1} integer />
      <label htmlFor="option-selection">Parent selection</label>
      <OptionSelect option="candidateSelectionStrategy" id="option-selection" choices={SELECTION} />
      <label htmlFor="option-module-selector">Components</label>
      <OptionSelect
        option="moduleSelector"
        id="option-module-selector"
        choices={MODULE_SELECTORS}
        disabled={single}
        title={single ? 'one step: nothing to choose' : undefined}
      />
      <label htmlFor="option-merge">Merge</label>
      <OptionCheckbox option="useMerge" id="option-merge">
        combine components from different lineages
      </OptionCheckbox>
      <ProposalsPerRound />
      <label htmlFor="option-concurrency">Concurrency</label>
      <span className="inline-fields">
        <OptionNumber option="concurrency" id="option-concurrency" min={1} max={64} integer />
        <span className="muted">LM calls in flight per endpoint</span>
      </span>
      <label htmlFor="option-seed">Seed</label>
      <OptionNumber option="seed" id="option-seed" integer />
    </div>
  );
}
