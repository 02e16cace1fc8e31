// The budget explanation for the current setup, shared by the budget panel and the Start button.
import { maxSelected, tasksPerRound } from '../../engine/index.ts';
import { useSetupStore } from '../../store/setupStore.ts';
import { explainBudget } from './budgetExplain.ts';
import type { BudgetExplanation } from './budgetExplain.ts';
import type { DatasetSummary } from '../../store/datasetSummary.ts';

export function useBudgetExplanation(summary: DatasetSummary): BudgetExplanation {
  const budget = useSetupStore((s) => s.budget);
  const numComponents = useSetupStore((s) => s.program.steps.length);
  const minibatchSize = useSetupStore((s) => s.options.reflectionMinibatchSize);
  const sampling = useSetupStore((s) => s.options.samplingStrategy);
  const selection = useSetupStore((s) => s.options.selectionStrategy);
  const stop = useSetupStore((s) => s.options.stop);
  const proposals = tasksPerRound(sampling);
  return explainBudget({
    budget,
    trainSize: summary.train,
    valSize: summary.val,
    numComponents: Math.max(1, numComponents),
    minibatchSize,
    perRound: { proposals, kept: maxSelected(selection, proposals) },
    stop,
  });
}
