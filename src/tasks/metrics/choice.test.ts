import { describe, expect, it } from 'vitest';
import { choiceMetric, labelsNamed } from './choice.ts';

const labels = ['positive', 'negative', 'not positive'];
const ex = (answer: string) => ({ id: 'e1', answer });

describe('labelsNamed', () => {
  it('finds whole-word labels, preferring the longer label that contains a shorter one', () => {
    expect(labelsNamed('Sentiment: Positive.', labels)).toEqual(['positive']);
    expect(labelsNamed('It is not  positive', labels)).toEqual(['not positive']);
    expect(labelsNamed('unpositive', labels)).toEqual([]);
    expect(labelsNamed('positive or negative', labels)).toEqual(['positive', 'negative']);
    expect(labelsNamed('Answer: b', ['A', 'B'], true)).toEqual([]);
  });
});

describe('choiceMetric', () => {
  const metric = choiceMetric(labels);

  it('accepts the expected label', async () => {
    expect(await metric(ex('Positive'), 'I would say positive.', [])).toEqual({
      score: 1,
      feedback: 'Correct: the output names the label "positive", as expected.',
    });
  });

  it('names the wrong label it read', async () => {
    expect(await metric(ex('negative'), 'positive', [])).toEqual({
      score: 0,
      feedback: 'Incorrect: the output names "positive" but the expected label is "negative".',
    });
  });

  it('explains an output naming none of the labels', async () => {
    expect(await metric(ex('negative'), 'It is fine', [])).toEqual({
      score: 0,
      feedback:
        'Incorrect: the output names none of the labels ("positive", "negative", "not positive"); ' +
        'expected "negative". Reply with exactly one of the labels. The output was "It is fine".',
      // no label can be read: a format failure (add_format_failure_as_feedback)
      formatFailure: { expected: 'exactly one of the labels "positive", "negative", "not positive"' },
    });
  });

  it('explains an output naming several labels', async () => {
    expect(await metric(ex('negative'), 'positive or negative', [])).toEqual({
      score: 0,
      feedback:
        'Incorrect: the output names several labels ("positive", "negative"), ' +
        'so no single answer can be read from it; expected "negative". Reply with exactly one label.',
      formatFailure: { expected: 'exactly one of the labels "positive", "negative", "not positive"' },
    });
  });

  it('notes an expected answer outside the label set', async () => {
    expect((await metric(ex('neutral'), 'positive', [])).feedback).toBe(
      'Incorrect: the output names "positive" but the expected label is "neutral". ' +
        '(Note: the expected answer "neutral" is not one of the labels; check the dataset or the label list.)',
    );
  });

  it('needs at least one label', () => {
    expect(() => choiceMetric([])).toThrow('the choice metric needs at least one label');
  });
});
