import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { validateRunConfig } from './runConfig.ts';
import { buildRun } from './buildRun.ts';
import { inlineRows } from './runDataset.ts';
import {
  DEFAULT_REFLECTION_TEMPLATE,
  engineReflectionTemplate,
  reflectionPromptText,
  reflectionTemplateFor,
  reflectionTemplateProblems,
} from './reflectionPromptConfig.ts';

const GOOD = 'Improve this:\n```\n{{current_instruction}}\n```\n{{examples}}\nReply in a fence.';

const configError = (reflectionPrompt: unknown): string | null => {
  try {
    validateRunConfig({ ...demoRunConfig(sentimentTask), reflectionPrompt });
    return null;
  } catch (err) {
    return (err as Error).message;
  }
};

describe('reflection template checks', () => {
  it('accepts the default and a template with both placeholders', () => {
    expect(reflectionTemplateProblems(DEFAULT_REFLECTION_TEMPLATE)).toEqual([]);
    expect(reflectionTemplateProblems(GOOD)).toEqual([]);
  });
  it('says a template is empty (whitespace too), and nothing else', () => {
    expect(reflectionTemplateProblems('  \n')).toEqual(['is empty: write a prompt, or reset it to the default']);
  });
  it('names each missing placeholder and what it stands for', () => {
    expect(reflectionTemplateProblems('Just {{examples}}')).toEqual([
      'is missing {{current_instruction}} (where the step’s current instruction goes)',
    ]);
    expect(reflectionTemplateProblems('no placeholders')).toHaveLength(2);
  });
  it('names unknown placeholders once each, and a spaced one as the placeholder it meant', () => {
    expect(reflectionTemplateProblems(`${GOOD} {{question}} {{question}}`)).toEqual([
      'has the unknown placeholder {{question}} (only {{current_instruction}} and {{examples}} are filled in)',
    ]);
    expect(reflectionTemplateProblems('{{current_instruction}} {{ examples }}')).toEqual([
      'is missing {{examples}} (where the examples with their outputs and feedback goes)',
      'has {{ examples }}: write it {{examples}}, without spaces',
    ]);
  });
});

describe('the run config’s reflectionPrompt', () => {
  it('is optional: a config without it runs the engine’s own prompt', () => {
    const config = validateRunConfig(demoRunConfig(sentimentTask));
    expect(config.reflectionPrompt).toBeUndefined();
    expect(engineReflectionTemplate(config.reflectionPrompt, ['classify'])).toEqual({});
    expect(engineReflectionTemplate({ perStep: {} }, ['classify'])).toEqual({});
  });
  it('keeps a default and per-step templates', () => {
    const rp = { default: GOOD, perStep: { classify: `${GOOD} MARKER` } };
    expect(validateRunConfig({ ...demoRunConfig(sentimentTask), reflectionPrompt: rp }).reflectionPrompt).toEqual(rp);
  });
  it('names the field and the problem', () => {
    expect(configError('x')).toBe('reflectionPrompt: must be an object with default and/or perStep');
    expect(configError({ perStepp: {} })).toBe('reflectionPrompt.perStepp: unknown field (known: default, perStep)');
    expect(configError({ default: '' })).toBe(
      'reflectionPrompt.default: is empty: write a prompt, or reset it to the default',
    );
    expect(configError({ perStep: { classify: '{{current_instruction}}' } })).toBe(
      'reflectionPrompt.perStep.classify: is missing {{examples}} ' +
        '(where the examples with their outputs and feedback goes)',
    );
    expect(configError({ perStep: { answer: GOOD } })).toBe(
      'reflectionPrompt.perStep.answer: names no step of the program (its steps: classify)',
    );
    expect(configError({ perStep: { classify: 3 } })).toBe(
      'reflectionPrompt.perStep.classify: must be a string (the prompt template)',
    );
  });
});

describe('which template a step uses', () => {
  it('its own, else the default, else the engine’s; every step named for the engine', () => {
    const rp = { default: `${GOOD} all`, perStep: { b: `${GOOD} b` } };
    expect(reflectionTemplateFor(rp, 'b')).toBe(`${GOOD} b`);
    expect(reflectionTemplateFor(rp, 'a')).toBe(`${GOOD} all`);
    expect(reflectionTemplateFor({ perStep: { b: GOOD } }, 'a')).toBe(DEFAULT_REFLECTION_TEMPLATE);
    expect(engineReflectionTemplate({ perStep: { b: GOOD } }, ['a', 'b'])).toEqual({
      reflectionPromptTemplate: { a: DEFAULT_REFLECTION_TEMPLATE, b: GOOD },
    });
  });
  it('fills the placeholders as the engine does', () => {
    const text = reflectionPromptText(GOOD, 'Be brief.', [{ Inputs: 'hi', Feedback: 'Score 1.00. ok' }]);
    expect(text).toContain('```\nBe brief.\n```');
    expect(text).toContain('# Example 1\n## Inputs\nhi');
  });
});

describe('buildRun', () => {
  it('hands a customised prompt to the engine for every step, and nothing when there is none', () => {
    const custom = buildRun(
      { ...demoRunConfig(sentimentTask), reflectionPrompt: { perStep: { classify: GOOD } } },
      { rows: inlineRows(sentimentTask.rows) },
    );
    const plain = buildRun(demoRunConfig(sentimentTask), { rows: inlineRows(sentimentTask.rows) });
    try {
      expect(custom.options.reflectionPromptTemplate).toEqual({ classify: GOOD });
      expect(plain.options.reflectionPromptTemplate).toBeUndefined();
    } finally {
      custom.dispose();
      plain.dispose();
    }
  });
});
