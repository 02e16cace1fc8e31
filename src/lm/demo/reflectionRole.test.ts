import { describe, expect, it } from 'vitest';
import { DEFAULT_REFLECTION_TEMPLATE, buildReflectionPrompt, extractInstruction } from '../../engine/index.ts';
import type { ReflectiveRecord } from '../../engine/index.ts';
import { isStated } from './rules.ts';
import type { DemoRule } from './rules.ts';
import { proposeRevision, rankActions } from './reflectionRole.ts';
import type { ReflectionKind, Revision } from './reflectionRole.ts';
import { sentencesOf } from './instructionEdit.ts';
import { contactsSkill } from './skills/contacts.ts';
import { sentimentSkill } from './skills/sentiment.ts';

const rule = (id: string): DemoRule => [...sentimentSkill.rules, ...contactsSkill.rules].find((r) => r.id === id)!;
const SEED = 'Classify the sentiment of the customer review as positive, negative or neutral.\nKeep it short.';
const review = (text: string, output: string, expected: string): ReflectiveRecord => ({
  Inputs: `Review: ${text}`,
  'Generated Outputs': output,
  Feedback:
    output === expected
      ? `Score 1.00. Correct: the output names "${expected}".`
      : `Score 0.00. Incorrect: the output names "${output}" but the expected label is "${expected}".`,
});
const failures = [
  review('The battery life is not good at all.', 'positive', 'negative'),
  review('Not bad at all for the price.', 'negative', 'positive'),
  review('Oh great, the replacement arrived in pieces too.', 'positive', 'negative'),
];
const prompt = (records: ReflectiveRecord[], current = SEED) =>
  buildReflectionPrompt(DEFAULT_REFLECTION_TEMPLATE, current, records);

/** Revisions of prompts that differ only in a passing example, until every kind has been seen. */
function oneOfEachKind(current = SEED, records = failures): Map<ReflectionKind, Revision> {
  const seen = new Map<ReflectionKind, Revision>();
  for (let k = 0; k < 2000 && seen.size < 6; k++) {
    const rev = proposeRevision(
      prompt([...records, review(`Excellent kettle number ${k}.`, 'positive', 'positive')], current),
    );
    if (!seen.has(rev.kind)) seen.set(rev.kind, rev);
  }
  return seen;
}

describe('rankActions', () => {
  it('ranks the rule whose symptom repeats most first', () => {
    const { actions, step } = rankActions(prompt(failures));
    expect(step).toBe('classify');
    expect(actions.map((a) => [a.rule.id, a.count])).toEqual([
      ['negation', 2],
      ['sarcasm', 1],
    ]);
  });

  it('skips rules the instruction already states', () =>
    expect(
      rankActions(prompt(failures, `${SEED}\nNegation flips the sentiment.`)).actions.map((a) => a.rule.id),
    ).toEqual(['sarcasm']));

  it('proposes removing a stated misleading rule whose damage shows', () => {
    const hurt = [
      review('Worst pizza I have ever ordered!', 'positive', 'negative'),
      review('The zip broke after a week!', 'positive', 'negative'),
    ];
    const { actions } = rankActions(prompt(hurt, `${SEED}\nTreat exclamation marks as a sign of a positive review.`));
    expect(actions[0]).toMatchObject({ remove: true, count: 2 });
    expect(actions[0]?.rule.id).toBe('exclamation');
  });

  it('reads the step from the inputs: format failures point to format rules, extract failures to extract rules', () => {
    const formatRec = {
      Inputs: 'Contact fields:\nname: Dana Whitfield\ncompany: Acme Corp\nphone: 646-555-0142',
      'Generated Outputs': '{"name":"Dana Whitfield","company":"Acme Corp","phone":"646-555-0142"}',
      Feedback: 'Score 0.67. "name": expected "Whitfield, Dana", got "Dana Whitfield"',
    };
    expect(
      rankActions(prompt([formatRec], 'Turn the contact fields into a JSON object.')).actions.map((a) => a.rule.id),
    ).toEqual(['last_first']);
    const extractRec = {
      Inputs:
        'Message: Message taken by Rosa Jimenez (Front Desk Solutions): ' +
        'Owen Gallagher from Vantage Robotics GmbH wants a call back on 415.882.9031.',
      'Generated Outputs': 'name: Rosa Jimenez\ncompany: Front Desk Solutions\nphone: 415.882.9031',
      Feedback: 'Score 0.00. 0 of 3 expected fields match.',
    };
    expect(
      rankActions(prompt([extractRec], 'Extract the name, company and phone.')).actions.map((a) => a.rule.id),
    ).toEqual(['relay']);
  });
});

describe('proposeRevision', () => {
  const kinds = oneOfEachKind();
  const text = (kind: ReflectionKind) => {
    const ex = extractInstruction(kinds.get(kind)!.reply);
    if (!ex.ok) throw new Error(`${kind}: ${ex.reason}`);
    return ex.text;
  };

  it('is a pure function of the prompt', () =>
    expect(proposeRevision(prompt(failures))).toEqual(proposeRevision(prompt(failures))));

  it('over varied prompts produces every kind of reply', () =>
    expect([...kinds.keys()].sort()).toEqual([
      'best',
      'dropped_sentence',
      'misleading',
      'second_choice',
      'truncated',
      'unfenced',
    ]));

  it('best: the old instruction plus a fenced sentence stating the most supported rule', () => {
    const t = text('best');
    expect(t.startsWith(SEED)).toBe(true);
    expect(isStated(rule('negation'), t.slice(SEED.length))).toBe(true);
  });

  it('second choice: states the runner-up rule instead', () => {
    const t = text('second_choice');
    expect(isStated(rule('sarcasm'), t)).toBe(true);
    expect(isStated(rule('negation'), t)).toBe(false);
  });

  it('dropped sentence: adds the rule but loses a sentence of the old instruction', () => {
    const t = text('dropped_sentence');
    expect(isStated(rule('negation'), t)).toBe(true);
    expect(sentencesOf(SEED).filter((s) => !t.includes(s))).toHaveLength(1);
  });

  it('misleading: adds the plausible but harmful rule, not the needed one', () => {
    const t = text('misleading');
    expect(isStated(rule('exclamation'), t)).toBe(true);
    expect(isStated(rule('negation'), t)).toBe(false);
  });

  it('unfenced and truncated replies are refused by the engine', () => {
    expect(extractInstruction(kinds.get('unfenced')!.reply)).toEqual({
      ok: false,
      reason: 'no fenced block in the reflection output',
    });
    expect(extractInstruction(kinds.get('truncated')!.reply)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('unterminated'),
    });
  });

  it('removes a misleading rule when that is the fix', () => {
    const current = `${SEED}\nTreat exclamation marks as a sign of a positive review.`;
    const hurt = [
      review('Worst pizza I have ever ordered!', 'positive', 'negative'),
      review('The zip broke after a week!', 'positive', 'negative'),
    ];
    const best = oneOfEachKind(current, hurt).get('best')!;
    expect(best.instruction).toBe(SEED);
  });

  it('with nothing to fix it only rewords, in a fence, stating no new rule', () => {
    const rev = proposeRevision(prompt([review('Excellent kettle.', 'positive', 'positive')]));
    expect(rev.kind).toBe('no_pattern');
    const ex = extractInstruction(rev.reply);
    expect(ex.ok && sentimentSkill.rules.filter((r) => isStated(r, ex.text))).toEqual([]);
  });
});
