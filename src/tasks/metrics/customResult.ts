// Turns what a custom metric returned into a MetricResult, or explains why it cannot be one. A score
// outside [0, 1] or NaN is a failure, never clamped: it usually means a bug the user should see.
import { expectedAnswer } from '../datasets/example.ts';
import type { Example, MetricResult } from '../types.ts';
import { quote } from './text.ts';

const SHAPE = 'it must return a number in [0, 1] or { score, feedback?, objectives? }';

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

/** Failure reason as a string; booleans count as 1 and 0 (a common shorthand for "correct?"). */
export function normalizeCustomResult(valueType: string, value: unknown, example: Example): MetricResult | string {
  if (valueType === 'boolean') return normalizeCustomResult('number', value ? 1 : 0, example);
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
  const { score, feedback, objectives } = value as { score?: unknown; feedback?: unknown; objectives?: unknown };
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
  return result;
}
