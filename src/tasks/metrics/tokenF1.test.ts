import { describe, expect, it } from 'vitest';
import { tokenF1Metric } from './tokenF1.ts';

const ex = (answer: string) => ({ id: 'e1', answer });

describe('tokenF1Metric', () => {
  it('scores word overlap and names missing and extra words', async () => {
    const result = await tokenF1Metric()(ex('the quick brown fox'), 'A quick red fox jumps', []);
    // precision 2/4, recall 2/3: F1 = 2PR / (P + R) = 4/7
    expect(result.score).toBeCloseTo(4 / 7, 10);
    expect(result.feedback).toBe(
      'Token F1 0.57: precision 0.50 (2 of 4 output words are in the expected answer), ' +
        'recall 0.67 (2 of 3 expected words are in the output). ' +
        'Missing expected words: "brown". Extra words in the output: "red", "jumps".',
    );
  });

  it('counts repeated words only as often as they are expected', async () => {
    const result = await tokenF1Metric()(ex('yes'), 'yes yes', []);
    expect(result.score).toBeCloseTo(2 / 3, 10);
    expect(result.feedback).toContain('Extra words in the output: "yes".');
  });

  it('gives 1 for a perfect match and handles empty sides', async () => {
    expect((await tokenF1Metric()(ex('Paris'), 'paris.', [])).score).toBe(1);
    expect(await tokenF1Metric()(ex('Paris'), '...', [])).toEqual({
      score: 0,
      feedback: 'Incorrect: the output is empty after normalisation (no words).',
    });
    expect((await tokenF1Metric()(ex('the'), '', [])).score).toBe(1);
  });

  it('gives 0 with no overlap', async () => {
    expect((await tokenF1Metric()(ex('blue'), 'red', [])).score).toBe(0);
  });
});
