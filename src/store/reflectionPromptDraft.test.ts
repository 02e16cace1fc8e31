import { describe, expect, it } from 'vitest';
import {
  reflectionPromptOf,
  reflectionPromptProblems,
  renamedStep,
  withStepTemplate,
} from './reflectionPromptDraft.ts';

const GOOD = '{{current_instruction}} {{examples}}';

describe('the setup’s reflection prompt', () => {
  it('saves the templates of steps that exist, and nothing when none is customised', () => {
    expect(reflectionPromptOf({}, ['a'])).toBeUndefined();
    expect(reflectionPromptOf({ perStep: { gone: GOOD } }, ['a'])).toBeUndefined();
    expect(reflectionPromptOf({ default: GOOD, perStep: { a: GOOD, gone: GOOD } }, ['a'])).toEqual({
      default: GOOD,
      perStep: { a: GOOD },
    });
  });
  it('customises, resets and follows a renamed step', () => {
    const d = withStepTemplate({}, 'a', GOOD);
    expect(d.perStep).toEqual({ a: GOOD });
    expect(withStepTemplate(d, 'a', undefined).perStep).toEqual({});
    expect(renamedStep(d, 'a', 'b').perStep).toEqual({ b: GOOD });
    expect(renamedStep(d, 'a', undefined)).toBe(d);
    expect(renamedStep(d, 'x', 'y')).toBe(d);
  });
  it('names the step of each problem', () => {
    expect(reflectionPromptProblems({ perStep: { a: '{{examples}}', b: ' ' } }, ['a', 'b'])).toEqual([
      'step “a”’s reflection prompt is missing {{current_instruction}} (where the step’s current instruction goes)',
      'step “b”’s reflection prompt is empty: write a prompt, or reset it to the default',
    ]);
    expect(reflectionPromptProblems({ default: '{{current_instruction}} {{examples}} {{x}}' }, ['a'])).toEqual([
      'the reflection prompt for every step has the unknown placeholder {{x}} (only {{current_instruction}} and ' +
        '{{examples}} are filled in)',
    ]);
  });
});
