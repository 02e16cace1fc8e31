import { describe, expect, it } from 'vitest';
import { normalizeCustomResult } from './customResult.ts';

const ex = { id: 'e1', answer: 'Paris' };

describe('normalizeCustomResult', () => {
  it('accepts numbers, booleans and result objects', () => {
    expect(normalizeCustomResult('number', 0.5, ex)).toEqual({
      score: 0.5,
      feedback: 'Score 0.5 from the custom metric (it gave no feedback). The expected answer was "Paris".',
    });
    expect(normalizeCustomResult('boolean', true, { id: 'e2' })).toEqual({
      score: 1,
      feedback: 'Score 1 from the custom metric (it gave no feedback).',
    });
    expect(
      normalizeCustomResult('object', { score: 0, feedback: ' wrong city ', objectives: { brevity: 0.9 } }, ex),
    ).toEqual({ score: 0, feedback: 'wrong city', objectives: { brevity: 0.9 } });
    expect(normalizeCustomResult('object', { score: 1 }, ex)).toEqual({
      score: 1,
      feedback: 'Score 1 from the custom metric (it gave no feedback).',
    });
  });

  it('explains each kind of bad value', () => {
    expect(normalizeCustomResult('number', Number.NaN, ex)).toBe(
      'the returned score is NaN; it must return a number in [0, 1] or { score, feedback?, objectives?, steps? }',
    );
    expect(normalizeCustomResult('number', 1.01, ex)).toContain('is 1.01, outside [0, 1]');
    expect(normalizeCustomResult('null', null, ex)).toBe(
      'the custom metric returned a null; ' +
        'it must return a number in [0, 1] or { score, feedback?, objectives?, steps? }',
    );
    expect(normalizeCustomResult('array', [1], ex)).toContain('returned an array');
    expect(normalizeCustomResult('object', { score: '1' }, ex)).toContain(
      'the returned "score" is a string, not a number',
    );
    expect(normalizeCustomResult('object', { score: 1, objectives: [1] }, ex)).toBe(
      'the returned "objectives" must be an object of named numbers',
    );
    expect(normalizeCustomResult('object', { score: 1, objectives: { a: null } }, ex)).toBe(
      'objective "a" is null, not a finite number',
    );
  });

  it('reads feedback per step, as a line or { feedback, score? }, for the steps the program has', () => {
    const steps = ['extract', 'format'];
    expect(
      normalizeCustomResult(
        'object',
        {
          score: 0.5,
          feedback: 'half right',
          steps: { extract: ' missed the company ', format: { feedback: 'ok', score: 0.5 } },
        },
        ex,
        steps,
      ),
    ).toEqual({
      score: 0.5,
      feedback: 'half right',
      steps: { extract: { feedback: 'missed the company' }, format: { feedback: 'ok', score: 0.5 } },
    });
    // an empty line says nothing about its step: that step reads the program-level feedback
    expect(normalizeCustomResult('object', { score: 1, steps: { extract: ' ' } }, ex, steps)).toEqual({
      score: 1,
      feedback: 'Score 1 from the custom metric (it gave no feedback).',
    });
  });

  it('names an unknown step and the steps there are', () => {
    expect(normalizeCustomResult('object', { score: 1, steps: { extrct: 'x' } }, ex, ['extract', 'format'])).toBe(
      'the returned "steps" names "extrct", which is not a step of the program (its steps: "extract", "format")',
    );
    expect(normalizeCustomResult('object', { score: 1, steps: ['x'] }, ex, ['extract'])).toContain(
      'the returned "steps" must be an object from step name to a feedback string or { feedback, score? }',
    );
    expect(normalizeCustomResult('object', { score: 1, steps: { extract: 3 } }, ex, ['extract'])).toBe(
      'the returned "steps.extract" must be a feedback string or { feedback, score? }',
    );
    expect(normalizeCustomResult('object', { score: 1, steps: { extract: { score: 1 } } }, ex, ['extract'])).toBe(
      'the returned "steps.extract.feedback" must be a string',
    );
    expect(
      normalizeCustomResult('object', { score: 1, steps: { extract: { feedback: 'x', score: 2 } } }, ex, ['extract']),
    ).toContain('the returned "steps.extract.score" is 2, outside [0, 1]');
  });
});
