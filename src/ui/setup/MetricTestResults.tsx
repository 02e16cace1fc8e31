// "Test on 3 examples": the program's output on each, with the score and the feedback the reflection
// LM would read. Outputs are shown as text.
import type { MetricTrial } from '../../worker/protocol.ts';
import { scoreTone } from '../common/tone.ts';

export function MetricTestResults({ trials }: { trials: MetricTrial[] }) {
  return (
    <ol className="metric-trials" data-testid="metric-test-results">
      {trials.map((t) => (
        <li key={t.exampleId} className="metric-trial">
          <div className="trial-head">
            <span className={`badge ${scoreTone(t.score)}`}>score {Number(t.score.toFixed(3))}</span>
            <span className="muted">example {t.exampleId}</span>
          </div>
          <div className="trial-feedback">{t.feedback}</div>
          <details>
            <summary>Output</summary>
            <pre>{t.output || '(empty)'}</pre>
          </details>
        </li>
      ))}
    </ol>
  );
}
