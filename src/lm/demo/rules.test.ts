import { describe, expect, it } from 'vitest';
import { isStated, statedRuleIds } from './rules.ts';
import { DEMO_SKILLS } from './skills/index.ts';
import { sentimentSkill } from './skills/sentiment.ts';

const allRules = DEMO_SKILLS.flatMap((s) => s.rules.map((r) => ({ skill: s, rule: r })));

describe('rule cues', () => {
  it.each(
    allRules.flatMap(({ skill, rule }) =>
      rule.phrasings.map((p) => [`${skill.id}/${rule.id}`, p, skill, rule] as const),
    ),
  )('%s is stated by its own phrasing "%s", and no other rule of the step is', (_name, phrasing, skill, rule) => {
    expect(isStated(rule, phrasing)).toBe(true);
    const others = skill.rules
      .filter((r) => r !== rule && r.step === rule.step && isStated(r, phrasing))
      .map((r) => r.id);
    expect(others).toEqual([]);
  });

  // paraphrases a user (or a real reflection LM) might write
  const variants: [string, string, string][] = [
    ['sentiment', 'label_only', 'Output only the label.'],
    ['sentiment', 'label_only', 'Respond with one word.'],
    ['sentiment', 'negation', 'Pay attention to negations.'],
    ['sentiment', 'negation', 'A "not" in front of an opinion word reverses its polarity.'],
    ['sentiment', 'sarcasm', 'Beware of sarcasm.'],
    ['sentiment', 'sarcasm', 'Irony usually means the opposite.'],
    ['sentiment', 'contrast', "What follows 'however' determines the sentiment."],
    ['sentiment', 'neutral', 'Reviews without any opinion are neutral.'],
    ['units', 'number_only', 'Do not include units.'],
    ['units', 'feet', 'One foot equals 30.48 cm.'],
    ['units', 'fahrenheit', 'Subtract 32 first, then multiply by five ninths.'],
    ['units', 'target_unit', 'Answer in the requested unit.'],
    ['contacts', 'relay', 'Messages relayed by an answering service are about the other person.'],
    ['contacts', 'suffix', "Don't drop 'Ltd' or 'Inc'."],
    ['contacts', 'area_code', 'Never drop the area code.'],
    ['contacts', 'last_first', 'Surname first, then given name.'],
    ['contacts', 'dashes', 'Separate the digit groups of phone numbers with hyphens.'],
  ];
  it.each(variants)('%s/%s is stated by the paraphrase "%s"', (skillId, ruleId, text) => {
    const rule = DEMO_SKILLS.find((s) => s.id === skillId)?.rules.find((r) => r.id === ruleId);
    expect(rule && isStated(rule, text)).toBe(true);
  });

  it('a plain task description states no rule', () => {
    const plain =
      'Classify the sentiment of the customer review as positive, negative or neutral. ' +
      'Convert the quantity. Extract the name, company and phone.';
    expect(
      allRules.filter(({ rule }) => rule.id !== 'json' && isStated(rule, plain)).map(({ rule }) => rule.id),
    ).toEqual([]);
  });

  it('statedRuleIds keeps only the given step and what the instruction states', () => {
    const text = 'Classify the review. Negation flips the sentiment. Beware of sarcasm.';
    expect([...statedRuleIds(sentimentSkill, 'classify', text)]).toEqual(['negation', 'sarcasm']);
    expect([...statedRuleIds(sentimentSkill, 'other', text)]).toEqual([]);
  });
});
