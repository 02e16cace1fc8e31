import { describe, expect, it } from 'vitest';
import { locateStep } from './index.ts';

const where = (inputs: string, instruction: string) => {
  const found = locateStep(inputs, instruction);
  return found ? `${found.skill.id}/${found.step.name}` : null;
};

describe('locateStep', () => {
  it('recognises each demo step by its user message', () => {
    expect(where('Review: Great value.', 'Be helpful.')).toBe('sentiment/classify');
    expect(where('Question: Convert 12 feet to metres.', 'Be helpful.')).toBe('units/convert');
    expect(where('Message: Hi, this is Dana Whitfield from Acme Corp, call 646-555-0142.', 'Be helpful.')).toBe(
      'contacts/extract',
    );
    expect(where('Contact fields:\nname: Dana Whitfield\ncompany: Acme Corp\nphone: 646-555-0142', 'Be helpful.')).toBe(
      'contacts/format',
    );
  });
  it('falls back on the instruction wording when the input says nothing', () =>
    expect(where('hello', 'Classify the sentiment.')).toBe('sentiment/classify'));
  it('finds nothing for an unknown task', () =>
    expect(where('What is the capital of France?', 'Answer briefly.')).toBeNull());
});
