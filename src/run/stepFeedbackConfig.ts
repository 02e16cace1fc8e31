// The run config's feedback-per-step settings (DSPy's add_format_failure_as_feedback and
// warn_on_score_mismatch) and the LLM judge's per-step option: their types, checks and defaults. A config
// without them runs with the defaults (format failures as feedback, the mismatch warned about).
import { DEFAULT_STEP_FEEDBACK_OPTIONS, type StepFeedbackOptions } from '../tasks/stepFeedback.ts';

export type { StepFeedbackOptions };

/** Fields of `options` (RunOptionsConfig); absent: DEFAULT_STEP_FEEDBACK_OPTIONS. */
export type StepFeedbackOptionsConfig = Partial<StepFeedbackOptions>;

type ErrorOf = (field: string, message: string) => Error;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Checks `options.addFormatFailureAsFeedback`, `options.warnOnScoreMismatch` and `metric.perStep`. */
export function validateStepFeedbackConfig(raw: Record<string, unknown>, error: ErrorOf): void {
  const options = isObject(raw.options) ? raw.options : {};
  for (const k of ['addFormatFailureAsFeedback', 'warnOnScoreMismatch'] as const) {
    if (options[k] !== undefined && typeof options[k] !== 'boolean')
      throw error(`options.${k}`, `must be true or false, got ${JSON.stringify(options[k])}`);
  }
  const metric = isObject(raw.metric) ? raw.metric : {};
  if (metric.perStep !== undefined) {
    if (typeof metric.perStep !== 'boolean')
      throw error('metric.perStep', `must be true or false, got ${JSON.stringify(metric.perStep)}`);
    if (metric.kind !== 'llm_judge')
      throw error('metric.perStep', `only the LLM judge (kind 'llm_judge') is asked per step, not '${metric.kind}'`);
  }
}

/** The adapter's settings from a config's options, defaults filled in. */
export function stepFeedbackOptions(options: StepFeedbackOptionsConfig): StepFeedbackOptions {
  return {
    addFormatFailureAsFeedback:
      options.addFormatFailureAsFeedback ?? DEFAULT_STEP_FEEDBACK_OPTIONS.addFormatFailureAsFeedback,
    warnOnScoreMismatch: options.warnOnScoreMismatch ?? DEFAULT_STEP_FEEDBACK_OPTIONS.warnOnScoreMismatch,
  };
}
