import { describe, expect, it } from 'vitest';
import { SLIP_PERCENT, answerAsTaskLm } from './taskRole.ts';

const ask = (instruction: string, user: string) =>
  answerAsTaskLm([
    { role: 'system', content: instruction },
    { role: 'user', content: user },
  ]);
const SEED = 'Classify the sentiment of the customer review as positive, negative or neutral.';
const STATED =
  `${SEED}\nAnswer with the label only.\n` +
  'Negation flips the sentiment: "not good" is negative and "not bad" is positive.';

describe('the demo model as a task LM', () => {
  it('follows a rule only when the instruction states it', () => {
    const reviews = Array.from({ length: 30 }, (_, i) => `Review: The blender number ${i} is not good.`);
    const withRule = reviews.map((r) => ask(STATED, r));
    const withoutRule = reviews.map((r) => ask(`${SEED}\nAnswer with the label only.`, r));
    // (a slip may drop "label only" and hedge, but the label read first is still the face-value one)
    expect(withoutRule.every((a) => /^\W*(?:mostly )?positive\b/i.test(a))).toBe(true);
    expect(withRule.filter((a) => a === 'negative').length).toBeGreaterThanOrEqual(26);
  });

  it(
    `overlooks a stated rule for about ${SLIP_PERCENT}% of (instruction, question) pairs, ` + 'always the same ones',
    () => {
      const reviews = Array.from({ length: 600 }, (_, i) => `Review: The kettle ${i} is not good.`);
      const slips = reviews.filter((r) => ask(STATED, r) !== 'negative');
      expect(slips.length / reviews.length).toBeGreaterThan(SLIP_PERCENT / 300);
      expect(slips.length / reviews.length).toBeLessThan((SLIP_PERCENT * 2) / 100);
      expect(reviews.filter((r) => ask(STATED, r) !== 'negative')).toEqual(slips);
    },
  );

  it('slips on different questions when the instruction is worded differently', () => {
    const reviews = Array.from({ length: 600 }, (_, i) => `Review: The kettle ${i} is not good.`);
    const reworded = `${STATED}\nBe accurate.`;
    const a = reviews.filter((r) => ask(STATED, r) !== 'negative');
    const b = reviews.filter((r) => ask(reworded, r) !== 'negative');
    expect(a).not.toEqual(b);
  });

  it('reads all system messages as the instruction', () =>
    expect(
      answerAsTaskLm([
        { role: 'system', content: SEED },
        { role: 'system', content: 'Answer with the label only.' },
        { role: 'user', content: 'Review: Great value.' },
      ]),
    ).toBe('positive'));

  it('says it is a simulation when it does not know the task', () =>
    expect(ask('Answer briefly.', 'What is the capital of France?')).toMatch(
      /^\[demo model\].*simulation.*"What is the capital of France\?"/,
    ));
});
