import { describe, expect, it } from 'vitest';
import { classify, hasNegatedOpinion, labelIn, sentimentSkill } from './sentiment.ts';

const only =
  (...ids: string[]) =>
  (id: string) =>
    ids.includes(id);
const none = only();

describe('sentiment classification', () => {
  // [review, rule, label without the rule, label with it]
  const cases: [string, string, string, string][] = [
    ['The battery life is not good at all.', 'negation', 'positive', 'negative'],
    ['Not bad at all for the price.', 'negation', 'negative', 'positive'],
    ['Oh great, the replacement arrived in pieces too.', 'sarcasm', 'positive', 'negative'],
    ['The screen is gorgeous, but the battery is awful.', 'contrast', 'positive', 'negative'],
    ['Delivery was slow, but the quality is superb.', 'contrast', 'negative', 'positive'],
    ['The package arrived on Tuesday.', 'neutral', 'positive', 'neutral'],
    ['Worst pizza I have ever ordered!', 'exclamation', 'negative', 'positive'],
  ];
  it.each(cases)('"%s": %s turns %s into %s', (review, rule, without, withRule) => {
    expect(classify(review, none)).toBe(without);
    expect(classify(review, only(rule))).toBe(withRule);
  });

  it('reads plain opinions without any rule', () => {
    expect(classify('Excellent build quality.', none)).toBe('positive');
    expect(classify('Flimsy plastic and a rude driver.', none)).toBe('negative');
  });

  it('a negator only flips an opinion word up to three words after it', () => {
    expect(hasNegatedOpinion('not really very good')).toBe(true);
    expect(hasNegatedOpinion('not that it was ever very good')).toBe(false);
  });

  it('labelIn finds the first label word', () => {
    expect(labelIn('Mostly Negative (not positive).')).toBe('negative');
    expect(labelIn('no idea')).toBeNull();
  });
});

describe('sentiment answers', () => {
  const step = sentimentSkill.steps[0]!;
  const reviews = Array.from({ length: 40 }, (_, i) => `Review: Item ${i} is excellent.`);

  it('without the label-only rule about half the answers hedge and name a second label', () => {
    const answers = reviews.map((r, i) => step.answer(r, none, i * 7919));
    const hedged = answers.filter((a) => a !== 'positive');
    expect(hedged.length).toBeGreaterThan(10);
    expect(hedged.length).toBeLessThan(30);
    for (const a of hedged) expect(a.toLowerCase().match(/positive|negative|neutral/g)?.length).toBe(2);
  });

  it('with the label-only rule every answer is the bare label', () => {
    expect(new Set(reviews.map((r, i) => step.answer(r, only('label_only'), i * 7919)))).toEqual(new Set(['positive']));
  });
});
