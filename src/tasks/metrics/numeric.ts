// Numeric answers: the last number in the output (where a worked answer usually ends) against the
// expected number, within an absolute or relative tolerance. Thousands separators are understood.
import type { Metric } from '../types.ts';
import { readExpected } from './expected.ts';
import { quote } from './text.ts';

// A sign only counts when it does not follow a digit or letter ("3-5" is 3 and 5, not 3 and -5).
const NUMBER = /(?:(?<![\w.])[-+])?(?:(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(?:[eE][-+]?\d+)?/g;

export function extractNumbers(text: string): number[] {
  return [...text.matchAll(NUMBER)].map((m) => Number(m[0].replace(/,/g, ''))).filter(Number.isFinite);
}

export function lastNumber(text: string): number | undefined {
  return extractNumbers(text).at(-1);
}

export interface NumericOptions {
  /** absolute difference allowed, or a fraction of the expected value when relative (default 1e-6) */
  tolerance?: number;
  relative?: boolean;
}

export function numericMetric(options: NumericOptions = {}): Metric {
  const tolerance = options.tolerance ?? 1e-6;
  const relative = !!options.relative;
  const toleranceText = relative ? `within ${+(tolerance * 100).toPrecision(6)}% of it` : `within ±${tolerance}`;
  return async (example, output) => {
    const read = readExpected(example, 'numeric');
    if (!read.ok) return read.result;
    const { expected } = read;
    // a bare number is the usual answer; otherwise (e.g. GSM8K's "... #### 72") the last number in it
    const plain = Number(expected.trim().replace(/,/g, ''));
    const want = expected.trim() !== '' && Number.isFinite(plain) ? plain : lastNumber(expected);
    if (want === undefined) {
      return {
        score: 0,
        feedback:
          `Not graded: the expected answer ${quote(expected)} contains no number, ` +
          'so the numeric metric cannot grade this example (check the field mapping).',
      };
    }
    const got = lastNumber(output);
    if (got === undefined) {
      return {
        score: 0,
        feedback:
          `Incorrect: no number was found in the output; expected ${want}. ` +
          `End the answer with the number. The output was ${quote(output)}.`,
        formatFailure: { expected: 'an answer that ends with a number' },
      };
    }
    const diff = Math.abs(got - want);
    const allowed = relative ? tolerance * Math.abs(want) : tolerance;
    if (diff <= allowed)
      return {
        score: 1,
        feedback: `Correct: the last number in the output, ${got}, equals the expected ${want} (${toleranceText}).`,
      };
    const others = extractNumbers(output).slice(0, -1);
    const buried = others.some((n) => Math.abs(n - want) <= allowed)
      ? ' The expected number appears earlier in the output, but the final number is what counts.'
      : '';
    return {
      score: 0,
      feedback:
        `Incorrect: expected ${want} but the last number in the output was ${got} ` +
        `(off by ${+diff.toPrecision(6)}; allowed ${toleranceText}).${buried}`,
    };
  };
}
