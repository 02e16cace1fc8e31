// The budget, said in what it buys (full valset evaluations, proposals), the limits that may stop the run
// sooner, and the run options.
import { useSetupStore } from '../../store/setupStore.ts';
import type { AutoBudget } from '../../engine/index.ts';
import { Section } from './Section.tsx';
import { NumberInput } from './NumberInput.tsx';
import { RunOptions } from './RunOptions.tsx';
import { AdvancedOptions } from './AdvancedOptions.tsx';
import { StopLimits } from './StopLimits.tsx';
import { budgetMode, switchBudgetMode } from './budgetExplain.ts';
import type { BudgetExplanation, BudgetMode } from './budgetExplain.ts';
import type { DatasetSummary } from '../../store/datasetSummary.ts';

export function BudgetPanel({ summary, explanation }: { summary: DatasetSummary; explanation: BudgetExplanation }) {
  const budget = useSetupStore((s) => s.budget);
  const setBudget = useSetupStore((s) => s.setBudget);
  const mode = budgetMode(budget);
  return (
    <Section
      title="Budget and options"
      help="Every evaluation of one candidate on one example is a metric call; the run never spends more than the cap."
    >
      <div className="budget-row">
        <select
          aria-label="budget kind"
          data-testid="budget-mode"
          value={mode}
          onChange={(e) =>
            setBudget(switchBudgetMode(e.target.value as BudgetMode, explanation.cap, summary.train + summary.val))
          }
        >
          <option value="auto">Auto</option>
          <option value="maxMetricCalls">Max metric calls</option>
          <option value="maxFullEvals">Max full evaluations</option>
        </select>
        {'auto' in budget ? (
          <select
            aria-label="auto budget"
            data-testid="budget-value"
            value={budget.auto}
            onChange={(e) => setBudget({ auto: e.target.value as AutoBudget })}
          >
            <option value="light">light</option>
            <option value="medium">medium</option>
            <option value="heavy">heavy</option>
          </select>
        ) : (
          <NumberInput
            aria-label={mode === 'maxMetricCalls' ? 'max metric calls' : 'max full evaluations'}
            data-testid="budget-value"
            value={'maxMetricCalls' in budget ? budget.maxMetricCalls : budget.maxFullEvals}
            min={1}
            integer
            onValue={(v) =>
              v !== undefined && setBudget(mode === 'maxMetricCalls' ? { maxMetricCalls: v } : { maxFullEvals: v })
            }
          />
        )}
      </div>
      <StopLimits />
      <div
        className={`budget-explain${explanation.warnings.length ? ' has-warning' : ''}`}
        data-testid="budget-explain"
      >
        {explanation.lines.map((line, i) => (
          <p key={`line-${i}`}>{line}</p>
        ))}
        {explanation.warnings.map((w, i) => (
          <p key={`warning-${i}`} className="budget-warning">
            {w}
          </p>
        ))}
      </div>
      <RunOptions />
      <AdvancedOptions />
    </Section>
  );
}
