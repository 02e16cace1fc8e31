// Turns what a custom metric returned into a MetricResult, or explains why it cannot be one. A score
// outside [0, 1] or NaN is a failure, never clamped: it usually means a bug the user should see.
import { expectedAnswer } from '../datasets/example.ts';
import type { Example, MetricResult, StepFeedback } from '../types.ts';
import { quote } from './text.ts';

const SHAPE = 'it must return a number in [0, 1] or { score, feedback?, objectives?, steps? }';
const STEP_SHAPE = 'a feedback string or { feedback, score? }';

function checkScore(score: unknown, where: string): string | null {
  if (typeof score !== 'number')
    return `${where} is ${score === undefined ? 'missing' : `a ${typeof score}`}, not a number; ${SHAPE}`;
  if (Number.isNaN(score)) return `${where} is NaN; ${SHAPE}`;
  if (score < 0 || score > 1) return `${where} is ${score}, outside [0, 1]; ${SHAPE}`;
  return null;
}

function describeReturned(valueType: string, value: unknown): string {
  if (valueType === 'string') return `the string ${quote(String(value), 60)}`;
  if (valueType === 'undefined') return 'undefined (is a `return` missing?)';
  return valueType === 'array' || valueType === 'object' ? `an ${valueType}` : `a ${valueType}`;
}

const named = (names: readonly string[]) => names.map((n) => `"${n}"`).join(', ');

/** `steps: { <step>: feedback | { feedback, score? } }`, every name a step of the program. */
function readSteps(steps: unknown, known: readonly string[]): Record<string, StepFeedback> | string {
  if (steps === null || typeof steps !== 'object' || Array.isArray(steps))
    return `the returned "steps" must be an object from step name to ${STEP_SHAPE}`;
  const out: Record<string, StepFeedback> = {};
  for (const [name, v] of Object.entries(steps)) {
    if (!known.includes(name))
      return (
        `the returned "steps" names "${name}", which is not a step of the program ` +
        `(its steps: ${known.length ? named(known) : 'none'})`
      );
    const entry = typeof v === 'string' ? { feedback: v } : v;
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry))
      return `the returned "steps.${name}" must be ${STEP_SHAPE}`;
    const { feedback, score } = entry as { feedback?: unknown; score?: unknown };
    if (typeof feedback !== 'string') return `the returned "steps.${name}.feedback" must be a string`;
    if (score !== undefined) {
      const problem = checkScore(score, `the returned "steps.${name}.score"`);
      if (problem) return problem;
    }
    // an empty feedback says nothing about the step: it reads the program-level feedback
    if (feedback.trim())
      out[name] =
        score === undefined ? { feedback: feedback.trim() } : { feedback: feedback.trim(), score: score as number };
  }
  return out;
}

/**
 * Failure reason as a string; booleans count as 1 and 0 (a common shorthand for "correct?"). `stepNames`:
 * the program's steps, which the returned `steps` may name.
 */
export function normalizeCustomResult(
  valueType: string,
  value: unknown,
  example: Example,
  stepNames: readonly string[] = [],
): MetricResult | string {
  if (valueType === 'boolean') return normalizeCustomResult('number', value ? 1 : 0, example, stepNames);
  if (valueType === 'number') {
    const problem = checkScore(value, 'the returned score');
    if (problem) return problem;
    // the bare score carries no explanation: give the reflection LM at least the reference
    const expected = expectedAnswer(example);
    return {
      score: value as number,
      feedback:
        `Score ${value} from the custom metric (it gave no feedback).` +
        `${expected !== undefined ? ` The expected answer was ${quote(expected)}.` : ''}`,
    };
  }
  if (valueType !== 'object') return `the custom metric returned ${describeReturned(valueType, value)}; ${SHAPE}`;
  const { score, feedback, objectives, steps } = value as {
    score?: unknown;
    feedback?: unknown;
    objectives?: unknown;
    steps?: unknown;
  };
  const problem = checkScore(score, 'the returned "score"');
  if (problem) return problem;
  if (feedback !== undefined && typeof feedback !== 'string')
    return `the returned "feedback" is a ${typeof feedback}, not a string`;
  const result: MetricResult = {
    score: score as number,
    feedback: feedback?.trim() || `Score ${score} from the custom metric (it gave no feedback).`,
  };
  if (objectives !== undefined) {
    if (objectives === null || typeof objectives !== 'object' || Array.isArray(objectives))
      return 'the returned "objectives" must be an object of named numbers';
    for (const [name, v] of Object.entries(objectives)) {
      if (typeof v !== 'number' || !Number.isFinite(v))
        return `objective "${name}" is ${JSON.stringify(v) ?? String(v)}, not a finite number`;
    }
    result.objectives = objectives as Record<string, number>;
  }
  if (steps !== undefined && steps !== null) {
    const read = readSteps(steps, stepNames);
    if (typeof read === 'string') return read;
    if (Object.keys(read).length) result.steps = read;
  }
  return result;
}
