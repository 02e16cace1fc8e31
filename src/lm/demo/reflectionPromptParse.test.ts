import { describe, expect, it } from 'vitest';
import { DEFAULT_REFLECTION_TEMPLATE, buildReflectionPrompt } from '../../engine/index.ts';
import { looksLikeReflectionPrompt, parseReflectionPrompt } from './reflectionPromptParse.ts';

const records = [
  {
    Inputs: 'Message: Hi, this is Dana Whitfield from Acme Corp.',
    'Generated Outputs': 'name: Dana Whitfield',
    'Final Output': '{"name":"Dana Whitfield"}',
    Feedback: 'Score 0.33. 1 of 3 expected fields match.',
  },
  {
    Inputs: 'Message: Luis Ortega here.',
    'Generated Outputs': 'name: Luis Ortega',
    Feedback: 'Score 1.00. Correct: all 3 expected fields match.',
  },
];

describe('parseReflectionPrompt', () => {
  const prompt = buildReflectionPrompt(
    DEFAULT_REFLECTION_TEMPLATE,
    'Extract the contact.\nKeep the area code.',
    records,
  );

  it("recognises the engine's reflection prompt, and not a plain question", () => {
    expect(looksLikeReflectionPrompt(prompt)).toBe(true);
    expect(looksLikeReflectionPrompt('Review: great kettle')).toBe(false);
  });

  it('reads the current instruction from the first fence', () =>
    expect(parseReflectionPrompt(prompt).currentInstruction).toBe('Extract the contact.\nKeep the area code.'));

  it("reads each example's sections and whether it failed", () =>
    expect(parseReflectionPrompt(prompt).records).toEqual([
      {
        inputs: 'Message: Hi, this is Dana Whitfield from Acme Corp.',
        output: 'name: Dana Whitfield',
        finalOutput: '{"name":"Dana Whitfield"}',
        feedback: 'Score 0.33. 1 of 3 expected fields match.',
        failed: true,
      },
      // the template's closing request is not read as part of the last feedback
      {
        inputs: 'Message: Luis Ortega here.',
        output: 'name: Luis Ortega',
        finalOutput: '',
        feedback: 'Score 1.00. Correct: all 3 expected fields match.',
        failed: false,
      },
    ]));

  it('gives no records for a prompt without example sections', () =>
    expect(parseReflectionPrompt('```\nBe brief.\n```\nImprove it.').records).toEqual([]));
});
