import { describe, expect, it } from 'vitest';
import { extractNumbers, lastNumber, numericMetric } from './numeric.ts';

const ex = (answer: string) => ({ id: 'e1', answer });

describe('number extraction', () => {
  it('reads signs, decimals, thousands separators and exponents', () => {
    expect(extractNumbers('-3, 1,234.5 and .5 or 2e3')).toEqual([-3, 1234.5, 0.5, 2000]);
    expect(extractNumbers('pages 3-5')).toEqual([3, 5]);
    expect(lastNumber('It costs $1,000.')).toBe(1000);
    expect(lastNumber('none')).toBeUndefined();
  });
});

describe('numericMetric', () => {
  it('grades the last number in the output', async () => {
    expect(await numericMetric()(ex('42'), 'First 40, then 2 more: 42.', [])).toEqual({
      score: 1,
      feedback: 'Correct: the last number in the output, 42, equals the expected 42 (within ±0.000001).',
    });
  });

  it('reads the expected number from a worked answer like GSM8K', async () => {
    expect((await numericMetric()(ex('She has 3 + 4 = 7 apples.\n#### 7'), 'The answer is 7', [])).score).toBe(1);
  });

  it('says how far off a wrong number is, and when the right one appeared earlier', async () => {
    expect(await numericMetric({ tolerance: 0.5 })(ex('42'), 'Answer: 44', [])).toEqual({
      score: 0,
      feedback: 'Incorrect: expected 42 but the last number in the output was 44 (off by 2; allowed within ±0.5).',
    });
    expect((await numericMetric()(ex('42'), '42 apples, minus 2 = 40', [])).feedback).toContain(
      'The expected number appears earlier in the output, but the final number is what counts.',
    );
  });

  it('applies a relative tolerance', async () => {
    const metric = numericMetric({ tolerance: 0.01, relative: true });
    expect(await metric(ex('1000'), '1009', [])).toEqual({
      score: 1,
      feedback: 'Correct: the last number in the output, 1009, equals the expected 1000 (within 1% of it).',
    });
    expect((await metric(ex('1000'), '1011', [])).feedback).toBe(
      'Incorrect: expected 1000 but the last number in the output was 1011 (off by 11; allowed within 1% of it).',
    );
  });

  it('says when the output has no number', async () => {
    expect(await numericMetric()(ex('42'), 'forty-two', [])).toEqual({
      score: 0,
      feedback:
        'Incorrect: no number was found in the output; expected 42. ' +
        'End the answer with the number. The output was "forty-two".',
      formatFailure: { expected: 'an answer that ends with a number' },
    });
  });

  it('does not grade an expected answer without a number', async () => {
    expect((await numericMetric()(ex('unknown'), '3', [])).feedback).toBe(
      'Not graded: the expected answer "unknown" contains no number, ' +
        'so the numeric metric cannot grade this example (check the field mapping).',
    );
  });
});
