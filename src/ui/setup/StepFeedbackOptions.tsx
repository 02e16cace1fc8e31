// The advanced options of feedback per step (DSPy's add_format_failure_as_feedback and
// warn_on_score_mismatch): what an output the metric cannot parse teaches the reflection LM, and whether a
// step score that differs from the program's is warned about. A setup that leaves them alone stores nothing.
import { useSetupStore } from '../../store/setupStore.ts';

export function StepFeedbackOptions() {
  const formatFailures = useSetupStore((s) => s.options.addFormatFailureAsFeedback ?? true);
  const warnMismatch = useSetupStore((s) => s.options.warnOnScoreMismatch ?? true);
  const set = useSetupStore((s) => s.setOptions);
  return (
    <>
      <label htmlFor="option-format-failures">Format failures</label>
      <span className="inline-fields">
        <input
          id="option-format-failures"
          type="checkbox"
          data-testid="option-format-failures"
          checked={formatFailures}
          onChange={(e) => set({ addFormatFailureAsFeedback: e.target.checked })}
        />
        <span className="muted option-help">
          an output the metric cannot parse (no JSON, no label, no number) is shown to the reflection LM as a parse
          failure with the structure to follow; off: left out of the reflection, as DSPy does by default
        </span>
      </span>
      <label htmlFor="option-score-mismatch">Step score check</label>
      <span className="inline-fields">
        <input
          id="option-score-mismatch"
          type="checkbox"
          data-testid="option-score-mismatch"
          checked={warnMismatch}
          onChange={(e) => set({ warnOnScoreMismatch: e.target.checked })}
        />
        <span className="muted option-help">
          warn once in the log when the metric scores a step differently from the program (only the program score
          counts)
        </span>
      </span>
    </>
  );
}
