import { describe, expect, it } from 'vitest';
import { chooseAnswer, chooseId, toggleInput } from './mappingEdit.ts';

const columns = ['id', 'context', 'question', 'answer'];

describe('mapping edits', () => {
  it('keeps inputs in column order', () => {
    expect(toggleInput({ inputs: ['question'], answer: 'answer' }, columns, 'context', true)).toEqual({
      inputs: ['context', 'question'],
    });
    expect(toggleInput({ inputs: ['context', 'question'], answer: 'answer' }, columns, 'context', false)).toEqual({
      inputs: ['question'],
    });
  });

  it('never lets a field be both an input and the answer', () => {
    expect(toggleInput({ inputs: ['question'], answer: 'answer' }, columns, 'answer', true)).toEqual({
      inputs: ['question', 'answer'],
      answer: '',
    });
    expect(chooseAnswer({ inputs: ['context', 'question'], answer: 'answer' }, 'context')).toEqual({
      answer: 'context',
      inputs: ['question'],
    });
  });

  it('treats an empty id choice as row numbers', () => {
    expect(chooseId('')).toEqual({ id: undefined });
    expect(chooseId('id')).toEqual({ id: 'id' });
  });
});
