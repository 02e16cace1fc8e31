// Everything before a run: program and dataset on the left; metric, models, budget and the Start
// button on the right. The dataset summary (mapped examples, split sizes) is computed once here and
// handed to the panels that need it.
import { useMemo } from 'react';
import { useSetupStore } from '../../store/setupStore.ts';
import { summarizeDataset } from '../../store/datasetSummary.ts';
import { useBudgetExplanation } from './useBudgetExplanation.ts';
import { DemoTaskPicker } from './DemoTaskPicker.tsx';
import { ProgramEditor } from './ProgramEditor.tsx';
import { DatasetPanel } from './DatasetPanel.tsx';
import { MetricPanel } from './MetricPanel.tsx';
import { ModelsPanel } from './ModelsPanel.tsx';
import { BudgetPanel } from './BudgetPanel.tsx';
import { StartBar } from './StartBar.tsx';
import { TrackingPanel } from './TrackingPanel.tsx';
import { ReflectionPromptPanel } from './ReflectionPromptPanel.tsx';
import './setup.css';

export function SetupView() {
  const dataset = useSetupStore((s) => s.dataset);
  const jsonAnswer = useSetupStore((s) => s.metric.kind === 'json_field');
  const name = useSetupStore((s) => s.name);
  const setName = useSetupStore((s) => s.setName);
  const mode = useSetupStore((s) => s.mode);
  const summary = useMemo(() => summarizeDataset(dataset, jsonAnswer, mode), [dataset, jsonAnswer, mode]);
  const explanation = useBudgetExplanation(summary);
  return (
    <div className="setup">
      <div className="setup-top">
        <label className="run-name">
          <span>Run name</span>
          <input data-testid="run-name" value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <DemoTaskPicker />
      </div>
      <div className="setup-columns">
        <div className="setup-column">
          <ProgramEditor summary={summary} />
          <ReflectionPromptPanel />
          <DatasetPanel summary={summary} />
        </div>
        <div className="setup-column">
          <MetricPanel summary={summary} />
          <ModelsPanel />
          <BudgetPanel summary={summary} explanation={explanation} />
          <TrackingPanel />
          <StartBar summary={summary} explanation={explanation} />
        </div>
      </div>
    </div>
  );
}
