import { describe, expect, it } from 'vitest';
import { regexMetric } from './regex.ts';

const ex = { id: 'e1', answer: 'B' };

describe('regexMetric', () => {
  it('passes a matching output and quotes the match', async () => {
    expect(await regexMetric('Answer: [A-D]$', 'm')(ex, 'Reasoning...\nAnswer: B', [])).toEqual({
      score: 1,
      feedback: 'Correct: the output matches the required pattern /Answer: [A-D]$/m (matched "Answer: B").',
    });
  });

  it('fails a non-matching output, naming the pattern and the output', async () => {
    expect(await regexMetric('^\\d+$')(ex, 'forty-two', [])).toEqual({
      score: 0,
      feedback: 'Incorrect: the output does not match the required pattern /^\\d+$/. The output was "forty-two".',
    });
  });

  it('drops the g and y flags so repeated calls agree', async () => {
    const metric = regexMetric('a', 'gi');
    expect((await metric(ex, 'A', [])).score).toBe(1);
    expect((await metric(ex, 'A', [])).score).toBe(1);
  });

  it('throws at creation for an invalid pattern', () => {
    expect(() => regexMetric('(')).toThrow(SyntaxError);
  });
});
