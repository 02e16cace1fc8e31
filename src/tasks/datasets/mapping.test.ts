import { describe, expect, it } from 'vitest';
import { errorOf } from './__fixtures__/errorOf.ts';
import type { FieldMapping } from '../types.ts';
import { applyMapping, guessMapping } from './mapping.ts';
import type { DatasetRow } from './rows.ts';

const rows = (...values: Record<string, unknown>[]): DatasetRow[] =>
  values.map((v, i) => ({ line: i * 2 + 1, values: v }));
const qa: FieldMapping = { inputs: ['question'], answer: 'answer' };

describe('guessMapping', () => {
  it('finds the usual names, case- and separator-insensitively', () => {
    expect(guessMapping(['ID', 'Question', 'Context', 'Answer', 'source'])).toEqual({
      id: 'ID',
      inputs: ['Question', 'Context'],
      answer: 'Answer',
    });
    expect(guessMapping(['prompt', 'expected-output'])).toEqual({ inputs: ['prompt'], answer: 'expected-output' });
    expect(guessMapping(['uid', 'input_text', 'gold_label'])).toEqual({
      id: 'uid',
      inputs: ['input_text'],
      answer: 'gold_label',
    });
  });

  it('does not take a column that merely contains an id name as the id', () => {
    expect(guessMapping(['keywords', 'user_id', 'label'])).toEqual({
      inputs: ['keywords', 'user_id'],
      answer: 'label',
    });
  });

  it('falls back to the last column as the answer and the others as inputs', () => {
    expect(guessMapping(['foo', 'bar', 'baz'])).toEqual({ inputs: ['foo', 'bar'], answer: 'baz' });
    expect(guessMapping(['only'])).toEqual({ inputs: ['only'], answer: '' });
  });
});

describe('applyMapping', () => {
  it('builds { id, ...inputs, answer } with numbers and booleans as text', () => {
    const examples = applyMapping(
      rows({ key: 7, question: 'q?', label: 42, extra: { x: 1 } }, { key: 8, question: true, label: 'b' }),
      { inputs: ['question'], answer: 'label', id: 'key' },
      'd.jsonl',
    );
    expect(examples).toEqual([
      { id: '7', question: 'q?', answer: '42' },
      { id: '8', question: 'true', answer: 'b' },
    ]);
  });

  it('numbers rows from 1 when there is no id field', () => {
    expect(
      applyMapping(rows({ question: 'a', answer: 'b' }, { question: 'c', answer: 'd' }), qa, 'd.csv').map((e) => e.id),
    ).toEqual(['row-1', 'row-2']);
  });

  it('names the line and field of a row missing a mapped field, listing the fields it has', () => {
    const err = errorOf(() =>
      applyMapping(rows({ question: 'a', answer: 'b' }, { question: 'c', anwser: 'd' }), qa, 'd.jsonl'),
    );
    expect(err.line).toBe(3);
    expect(err.field).toBe('answer');
    expect(err.message).toBe(
      'd.jsonl, line 3, field "answer": the row has no value for this mapped field (its fields: question, anwser)',
    );
  });

  it('says when a row field differs from the mapped one only by an invisible character', () => {
    expect(errorOf(() => applyMapping(rows({ question: 'a', 'answer\u00A0': 'b' }), qa, 'd.jsonl')).message).toBe(
      'd.jsonl, line 1, field "answer": the row has no value for this mapped field (its fields: question, ' +
        'answer‹U+00A0›); the field "answer‹U+00A0›" differs from it only by a no-break space (U+00A0)',
    );
    const mapped = { inputs: ['question'], answer: '\u200Banswer' };
    expect(errorOf(() => applyMapping(rows({ question: 'a', answer: 'b' }), mapped, 'd.jsonl')).message).toMatch(
      /^d\.jsonl, line 1, field "‹U\+200B›answer": .*; the field "answer" differs from it only by a zero-width space/,
    );
  });

  it('treats null and a blank answer as missing, but allows a blank input', () => {
    expect(errorOf(() => applyMapping(rows({ question: null, answer: 'b' }), qa, 'd.jsonl')).message).toContain(
      'field "question": the row has no value for this mapped field (it is null)',
    );
    expect(errorOf(() => applyMapping(rows({ question: 'a', answer: '  ' }), qa, 'd.csv')).field).toBe('answer');
    expect(applyMapping(rows({ question: '', answer: 'b' }), qa, 'd.csv')[0]?.question).toBe('');
  });

  it('rejects objects and arrays where text is expected', () => {
    const input = errorOf(() =>
      applyMapping(rows({ question: 'a', answer: 'b' }, { question: ['x', 'y'], answer: 'b' }), qa, 'd.jsonl'),
    );
    expect(input.message).toBe(
      'd.jsonl, line 3, field "question": expected text (a string, number or boolean) but found an array: ["x","y"]',
    );
    const answer = errorOf(() => applyMapping(rows({ question: 'a', answer: { name: 'Ann' } }), qa, 'd.jsonl'));
    expect(answer.message).toBe(
      'd.jsonl, line 1, field "answer": expected text (a string, number or boolean) but found an object: ' +
        '{"name":"Ann"}; if the expected answers are JSON objects, use the JSON field metric',
    );
  });

  it('keeps an object answer as JSON text when asked to', () => {
    const [example] = applyMapping(rows({ question: 'a', answer: { name: 'Ann', age: 31 } }), qa, 'd.jsonl', {
      jsonAnswer: true,
    });
    expect(example?.answer).toBe('{"name":"Ann","age":31}');
  });

  it('names both lines of a duplicate id', () => {
    const err = errorOf(() =>
      applyMapping(
        rows(
          { id: 'q1', question: 'a', answer: 'b' },
          { id: 'q2', question: 'a', answer: 'b' },
          { id: 'q1', question: 'a', answer: 'b' },
        ),
        { ...qa, id: 'id' },
        'd.jsonl',
      ),
    );
    expect(err.line).toBe(5);
    expect(err.message).toBe(
      'd.jsonl, line 5, field "id": duplicate id "q1": first on line 1, again on line 5; ids must be unique',
    );
  });

  it('rejects mappings that would leak the answer or clash with reserved keys', () => {
    expect(errorOf(() => applyMapping([], { inputs: [], answer: 'a' }, 'd.csv')).message).toContain(
      'the mapping has no input fields',
    );
    expect(errorOf(() => applyMapping([], { inputs: ['q'], answer: '' }, 'd.csv')).message).toContain(
      'the mapping has no answer field',
    );
    expect(errorOf(() => applyMapping([], { inputs: ['q', 'a'], answer: 'a' }, 'd.csv')).message).toBe(
      'd.csv, field "a": this field is both an input and the expected answer: the model would see the answer',
    );
    expect(errorOf(() => applyMapping([], { inputs: ['answer'], answer: 'label' }, 'd.csv')).field).toBe('answer');
    expect(errorOf(() => applyMapping([], { inputs: ['id'], answer: 'label' }, 'd.csv')).message).toContain(
      'examples keep the id under that name',
    );
  });
});
