import { describe, expect, it } from 'vitest';
import { exampleInputs, expectedAnswer } from './example.ts';

describe('example fields', () => {
  it('reads the expected answer as text, or undefined when absent', () => {
    expect(expectedAnswer({ id: '1', answer: 'Paris' })).toBe('Paris');
    expect(expectedAnswer({ id: '1', answer: 42 })).toBe('42');
    expect(expectedAnswer({ id: '1', answer: { a: 1 } })).toBe('{"a":1}');
    expect(expectedAnswer({ id: '1' })).toBeUndefined();
  });

  it('lists the inputs: every field but the id and the answer', () => {
    expect(exampleInputs({ id: '1', question: 'q', context: 'c', answer: 'a' })).toEqual({
      question: 'q',
      context: 'c',
    });
  });
});
