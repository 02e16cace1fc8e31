// The metric: a builtin kind with its options, an LLM judge or custom JavaScript, and a trial run on
// three examples that shows score, feedback and output before any budget is spent.
import { useState } from 'react';
import { useSetupStore } from '../../store/setupStore.ts';
import { testMetricOn3 } from '../../store/actions.ts';
import type { MetricTrial } from '../../worker/protocol.ts';
import { Section } from './Section.tsx';
import { MetricOptions } from './MetricOptions.tsx';
import { MetricTestResults } from './MetricTestResults.tsx';
import { METRIC_KINDS, metricForKind, metricProblem } from './metricDraft.ts';
import type { MetricKind } from './metricDraft.ts';
import type { DatasetSummary } from '../../store/datasetSummary.ts';
import { errorMessage } from '../../engine/index.ts';

type Trial =
  | { state: 'idle' }
  | { state: 'running' }
  | { state: 'done'; trials: MetricTrial[] }
  | { state: 'failed'; message: string };

export function MetricPanel({ summary }: { summary: DatasetSummary }) {
  const metric = useSetupStore((s) => s.metric);
  const setMetric = useSetupStore((s) => s.setMetric);
  const [trial, setTrial] = useState<Trial>({ state: 'idle' });
  const [shownFor, setShownFor] = useState(metric);
  // results of another metric would mislead: drop them when the metric changes
  if (metric !== shownFor) {
    setShownFor(metric);
    if (trial.state === 'done' || trial.state === 'failed') setTrial({ state: 'idle' });
  }
  const problem = metricProblem(metric);
  const kind = METRIC_KINDS.find((k) => k.kind === metric.kind);
  const canTest = summary.examples > 0 && !summary.problem && !problem && trial.state !== 'running';
  const testHint = summary.problem
    ? 'fix the dataset first'
    : summary.examples === 0
      ? 'needs a dataset'
      : 'runs the program with the task LM, then the metric';

  const runTest = async () => {
    setTrial({ state: 'running' });
    try {
      setTrial({ state: 'done', trials: await testMetricOn3() });
    } catch (err) {
      setTrial({ state: 'failed', message: errorMessage(err) });
    }
  };

  return (
    <Section title="Metric" help="Scores each output in [0, 1] and writes the feedback the reflection LM learns from.">
      <div className="form-grid">
        <label htmlFor="metric-kind">Kind</label>
        <select
          id="metric-kind"
          data-testid="metric-kind"
          value={metric.kind}
          onChange={(e) => setMetric(metricForKind(e.target.value as MetricKind, metric))}
        >
          {METRIC_KINDS.map((k) => (
            <option key={k.kind} value={k.kind}>
              {k.label}
            </option>
          ))}
        </select>
      </div>
      {kind && <p className="setup-hint">{kind.help}</p>}
      <MetricOptions metric={metric} onChange={setMetric} />
      {problem && <p className="problem-line">{problem}</p>}
      <div className="test-row">
        <button type="button" data-testid="metric-test" disabled={!canTest} onClick={() => void runTest()}>
          {trial.state === 'running' ? 'Testing…' : 'Test on 3 examples'}
        </button>
        <span className="setup-hint">{testHint}</span>
      </div>
      {trial.state === 'done' && <MetricTestResults trials={trial.trials} />}
      {trial.state === 'failed' && (
        <p className="problem-line" data-testid="metric-test-results" role="alert">
          {trial.message}
        </p>
      )}
    </Section>
  );
}
