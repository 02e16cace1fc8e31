// Every reference-based metric starts the same way: read the expected answer, or explain (in the
// feedback, never a throw) that the example has none, since that is a dataset problem, not the prompt's.
import { expectedAnswer } from '../datasets/example.ts';
import type { Example, MetricResult } from '../types.ts';

export type ExpectedOrFailure = { ok: true; expected: string } | { ok: false; result: MetricResult };

export function readExpected(example: Example, metricName: string): ExpectedOrFailure {
  const expected = expectedAnswer(example);
  if (expected !== undefined) return { ok: true, expected };
  return {
    ok: false,
    result: {
      score: 0,
      feedback:
        `Not graded: example "${example.id}" has no expected answer, ` +
        `which the ${metricName} metric needs (check the field mapping).`,
    },
  };
}
