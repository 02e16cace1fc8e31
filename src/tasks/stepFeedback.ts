// Feedback per step (DSPy's `pred_name` / `pred_trace`): which feedback a step's reflective record carries.
// A step the metric gave its own feedback reads that; any other step reads the program-level feedback.
// Mirrors DSPy's adapter (`DspyAdapter.make_reflective_dataset`):
// - a step whose output the metric could not parse (a format failure) gets, with addFormatFailureAsFeedback,
//   a record that says so and shows the structure to follow; without it, no record. The example's other
//   steps get no record either (in DSPy the whole prediction failed), unless the metric gave them their own
//   feedback, which still holds;
// - a step score that differs from the program's score is warned about once (warnOnScoreMismatch), and
//   ignored: GEPA scores programs, so a step's score only ever checks the metric.
import type { ReflectiveRecord } from '../engine/index.ts';
import type { ExampleTrace } from './types.ts';

export interface StepFeedbackOptions {
  /** a format failure becomes a record that says so (default true; DSPy's own default is false) */
  addFormatFailureAsFeedback: boolean;
  /** warn once when a step-level score differs from the program-level score (default true, as in DSPy) */
  warnOnScoreMismatch: boolean;
}

export const DEFAULT_STEP_FEEDBACK_OPTIONS: StepFeedbackOptions = {
  addFormatFailureAsFeedback: true,
  warnOnScoreMismatch: true,
};

/** DSPy's words for an output that could not be parsed. */
export const FORMAT_FAILURE_OUTPUT = "Couldn't parse the output as per the expected output format.";
export const FORMAT_FAILURE_FEEDBACK = 'Your output failed to parse. Follow this structure:';

/** The step whose output a format failure is about: the one named, or the last (its output is the program's). */
export function formatFailedStep(trace: ExampleTrace): string | undefined {
  if (!trace.formatFailure) return undefined;
  return trace.formatFailure.step ?? trace.steps.at(-1)?.step;
}

export function scoreMismatchWarning(step: string, stepScore: number, trace: ExampleTrace): string {
  return (
    `The metric gave step "${step}" a score of ${stepScore} on example ${trace.exampleId}, but the program's ` +
    `score there is ${trace.score}. GEPA scores whole programs: it uses the program-level score and only the ` +
    "step's feedback. Either the metric is not deterministic, or it scored the step on its own; return the " +
    'program-level score for every step (or none). Warned once a run; options.warnOnScoreMismatch: false ' +
    'turns this warning off.'
  );
}

const scoreLine = (trace: ExampleTrace) => `Score ${trace.score.toFixed(2)}.`;

/**
 * One example's record for one step, or null when the example has nothing to teach that step. `warn`
 * receives a score mismatch (the caller says it once a run).
 */
export function stepRecord(
  trace: ExampleTrace,
  component: string,
  options: StepFeedbackOptions,
  warn: (message: string) => void,
): ReflectiveRecord | null {
  const step = trace.steps.find((s) => s.step === component);
  const user = step?.messages.find((m) => m.role === 'user')?.content ?? '';
  const own = trace.stepFeedback?.[component];
  const failedStep = formatFailedStep(trace);
  if (failedStep === component && step && !step.error) {
    if (!options.addFormatFailureAsFeedback) return null;
    return {
      Inputs: user,
      'Generated Outputs': `${FORMAT_FAILURE_OUTPUT} The model's raw response was:\n\`\`\`\n${step.output}\n\`\`\``,
      Feedback:
        `${scoreLine(trace)} ${FORMAT_FAILURE_FEEDBACK}\n${trace.formatFailure?.expected ?? ''}` +
        `\n\n${own?.feedback ?? trace.feedback}`,
    };
  }
  // the program's output could not be read: its feedback is about that, not about this step
  if (failedStep !== undefined && !own) return null;
  const record: ReflectiveRecord = {
    Inputs: user,
    'Generated Outputs': step?.error
      ? `(the LM call failed: ${step.error})`
      : (step?.output ?? '(this step did not run)'),
  };
  if (step && step.output !== trace.output && trace.output) record['Final Output'] = trace.output;
  if (own?.score !== undefined && options.warnOnScoreMismatch && Math.abs(own.score - trace.score) > 1e-9)
    warn(scoreMismatchWarning(component, own.score, trace));
  record.Feedback = `${scoreLine(trace)} ${own?.feedback ?? trace.feedback}`;
  return record;
}
