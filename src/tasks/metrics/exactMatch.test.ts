import { describe, expect, it } from 'vitest';
import { exactMatchMetric } from './exactMatch.ts';

const ex = (answer?: string) => (answer === undefined ? { id: 'e1' } : { id: 'e1', answer });

describe('exactMatchMetric', () => {
  const metric = exactMatchMetric();

  it('accepts an identical answer', async () => {
    expect(await metric(ex('Paris'), 'Paris', [])).toEqual({
      score: 1,
      feedback: 'Correct: the output matches the expected answer "Paris".',
    });
  });

  it('ignores case, punctuation, articles and spacing, and says so', async () => {
    expect(await metric(ex('The Eiffel Tower'), ' eiffel tower. ', [])).toEqual({
      score: 1,
      feedback:
        'Correct: the output matches the expected answer "The Eiffel Tower" ' +
        '(ignoring case, punctuation, articles and spacing).',
    });
  });

  it('explains a plain mismatch with the normalised forms', async () => {
    expect(await metric(ex('Paris'), 'Lyon!', [])).toEqual({
      score: 0,
      feedback:
        'Incorrect: expected "Paris" but the output was "Lyon!". ' +
        'Compared after normalising case, punctuation, articles and spacing: "paris" vs "lyon".',
    });
  });

  it('points out a right answer buried in extra text', async () => {
    const result = await metric(ex('Paris'), 'The capital is Paris.', []);
    expect(result.score).toBe(0);
    expect(result.feedback).toBe(
      'Incorrect: expected "Paris" but the output was "The capital is Paris.". ' +
        'The output contains the expected answer but also other text; reply with the answer alone.',
    );
  });

  it('points out an empty output', async () => {
    expect((await metric(ex('Paris'), '  ', [])).feedback).toContain('The output was empty.');
  });

  it('respects case when asked, and says case was the difference', async () => {
    const strict = exactMatchMetric({ caseSensitive: true });
    expect((await strict(ex('Paris'), 'Paris', [])).score).toBe(1);
    const result = await strict(ex('Paris'), 'paris', []);
    expect(result.score).toBe(0);
    expect(result.feedback).toContain('They differ only in letter case, and case matters here.');
  });

  it('does not grade an example without an expected answer', async () => {
    expect(await metric(ex(), 'x', [])).toEqual({
      score: 0,
      feedback:
        'Not graded: example "e1" has no expected answer, ' +
        'which the exact match metric needs (check the field mapping).',
    });
  });
});
