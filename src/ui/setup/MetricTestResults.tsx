// "Test on 3 examples": the program's output on each, with the score and the feedback the reflection
// LM would read (a step's own feedback under its name), and the objectives a multi-objective metric
// returned. When the metric returns objectives, it says so and offers the Pareto frontier that ranks by
// them; when it returns none but the run is set to rank by them, it says the run would stop. Outputs are
// shown as text.
import type { MetricTrial } from '../../worker/protocol.ts';
import { useSetupStore } from '../../store/setupStore.ts';
import { scoreTone } from '../common/tone.ts';
import './stepFeedback.css';
import { FRONTIER_CHOICES, frontierProblem, trialObjectives } from './frontierChoice.ts';

export function MetricTestResults({ trials }: { trials: MetricTrial[] }) {
  const names = trialObjectives(trials);
  return (
    <>
      {names.length > 0 ? <ObjectivesFound names={names} /> : <NoObjectives />}
      <ol className="metric-trials" data-testid="metric-test-results">
        {trials.map((t) => (
          <li key={t.exampleId} className="metric-trial">
            <div className="trial-head">
              <span className={`badge ${scoreTone(t.score)}`}>score {Number(t.score.toFixed(3))}</span>
              {Object.entries(t.objectives ?? {}).map(([name, value]) => (
                <span key={name} className="badge objective-badge">
                  {name} {Number(value.toFixed(3))}
                </span>
              ))}
              <span className="muted">example {t.exampleId}</span>
            </div>
            <div className="trial-feedback">{t.feedback}</div>
            {t.steps && (
              <dl className="trial-steps" data-testid="metric-test-steps">
                {Object.entries(t.steps).map(([step, feedback]) => (
                  <div key={step}>
                    <dt className="mono">{step}</dt>
                    <dd>{feedback}</dd>
                  </div>
                ))}
              </dl>
            )}
            <details>
              <summary>Output</summary>
              <pre>{t.output || '(empty)'}</pre>
            </details>
          </li>
        ))}
      </ol>
    </>
  );
}

/** The metric returned objectives: name them and offer the frontier, one sentence per choice. */
function ObjectivesFound({ names }: { names: string[] }) {
  const frontier = useSetupStore((s) => s.options.frontierType);
  const set = useSetupStore((s) => s.setOptions);
  return (
    <fieldset className="objectives-found" data-testid="metric-objectives">
      <legend>
        The metric returns {names.length} objective{names.length > 1 ? 's' : ''}:{' '}
        {names.map((n, i) => (
          <span key={n}>
            {i > 0 && ', '}
            <code>{n}</code>
          </span>
        ))}
      </legend>
      <p className="setup-hint">
        The run charts each objective and shows its Pareto front. Which front should pick the parents of new proposals?
      </p>
      {FRONTIER_CHOICES.map((c) => (
        <label key={c.value} className="frontier-choice">
          <input
            type="radio"
            name="frontier-type"
            value={c.value}
            data-testid={`frontier-${c.value}`}
            checked={frontier === c.value}
            onChange={() => set({ frontierType: c.value })}
          />
          <span>
            <strong>{c.label}</strong> <span className="muted">{c.help}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

/** No objectives: only a problem when the run is set to rank by them. */
function NoObjectives() {
  const frontier = useSetupStore((s) => s.options.frontierType);
  const kind = useSetupStore((s) => s.metric.kind);
  const set = useSetupStore((s) => s.setOptions);
  const problem = frontierProblem(frontier, kind, []);
  if (!problem) return null;
  return (
    <p className="problem-line" data-testid="metric-objectives-missing">
      {problem.charAt(0).toUpperCase() + problem.slice(1)}.{' '}
      <button type="button" onClick={() => set({ frontierType: 'instance' })}>
        Use the per-example frontier
      </button>
    </p>
  );
}
