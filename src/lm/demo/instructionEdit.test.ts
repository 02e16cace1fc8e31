import { describe, expect, it } from 'vitest';
import { appendSentence, dropSentence, removeRule, sentencesOf } from './instructionEdit.ts';
import { sentimentSkill } from './skills/sentiment.ts';

describe('instruction editing', () => {
  it('splits lines, and sentences within a line, but not at "e.g."', () =>
    expect(sentencesOf('Classify the review. Be brief.\nWrite dashes, e.g. 415-882-9031.')).toEqual([
      'Classify the review.',
      'Be brief.',
      'Write dashes, e.g. 415-882-9031.',
    ]));
  it('drops one sentence and tidies the space it leaves', () =>
    expect(dropSentence('Classify the review. Be brief.\nNo emojis.', 'Be brief.')).toBe(
      'Classify the review.\nNo emojis.',
    ));
  it('drops a whole line without leaving it empty', () => expect(dropSentence('A.\nB.\nC.', 'B.')).toBe('A.\nC.'));
  it('leaves the text alone when the sentence is not in it', () => expect(dropSentence('A.', 'B.')).toBe('A.'));
  it('removes every sentence that states a rule', () => {
    const exclamation = sentimentSkill.rules.find((r) => r.id === 'exclamation')!;
    expect(
      removeRule(
        'Classify the review.\nTreat exclamation marks as a sign of a positive review. Beware of sarcasm.',
        exclamation,
      ),
    ).toBe('Classify the review.\nBeware of sarcasm.');
  });
  it('appends a sentence on its own line', () => {
    expect(appendSentence('Classify the review.  ', 'Beware of sarcasm.')).toBe(
      'Classify the review.\nBeware of sarcasm.',
    );
    expect(appendSentence('', 'Beware of sarcasm.')).toBe('Beware of sarcasm.');
  });
});
