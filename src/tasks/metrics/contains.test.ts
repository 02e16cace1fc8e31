import { describe, expect, it } from 'vitest';
import { containsMetric } from './contains.ts';

const ex = { id: 'e1', answer: 'New  York' };

describe('containsMetric', () => {
  it('finds the expected answer inside the output, ignoring case and spacing', async () => {
    expect(await containsMetric()(ex, 'I think it is new york city.', [])).toEqual({
      score: 1,
      feedback: 'Correct: the output contains the expected answer "New  York".',
    });
  });

  it('says what was missing and shows the output', async () => {
    expect(await containsMetric()(ex, 'Boston', [])).toEqual({
      score: 0,
      feedback: 'Incorrect: the output does not contain the expected answer "New  York". The output was "Boston".',
    });
  });

  it('hints at a near miss that differs in punctuation', async () => {
    const result = await containsMetric()(ex, 'It is New-York.', []);
    expect(result.score).toBe(0);
    expect(result.feedback).toContain('It appears with different punctuation; write it exactly as expected.');
  });

  it('hints at a case-only miss when case matters', async () => {
    const result = await containsMetric({ caseSensitive: true })(ex, 'new york', []);
    expect(result.score).toBe(0);
    expect(result.feedback).toContain('It appears, but with different letter case, and case matters here.');
  });

  it('points out an empty output', async () => {
    expect((await containsMetric()(ex, '', [])).feedback).toContain('The output was empty.');
  });
});
