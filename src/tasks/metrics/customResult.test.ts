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
      'the returned score is NaN; it must return a number in [0, 1] or { score, feedback?, objectives? }',
    );
    expect(normalizeCustomResult('number', 1.01, ex)).toContain('is 1.01, outside [0, 1]');
    expect(normalizeCustomResult('null', null, ex)).toBe(
      'the custom metric returned a null; it must return a number in [0, 1] or { score, feedback?, objectives? }',
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
});
