import { describe, expect, it } from 'vitest';
import {
  componentLabel,
  feedbackFields,
  formatCount,
  formatParents,
  formatScore,
  lineCount,
  reasonText,
  scoreDelta,
} from './proposalFormat.ts';

describe('formatScore', () => {
  it('shows whole sums without decimals', () => expect(formatScore(2)).toBe('2'));
  it('rounds to two decimals', () => expect(formatScore(4 / 3)).toBe('1.33'));
  it('shows a dash for no score', () => expect(formatScore(null)).toBe('—'));
  it('shows a dash for NaN', () => expect(formatScore(Number.NaN)).toBe('—'));
});

describe('scoreDelta', () => {
  it('marks a rise', () => expect(scoreDelta(1, 2.5)).toEqual({ text: '▲ 1.5', trend: 'up' }));
  it('marks a fall', () => expect(scoreDelta(2, 1.5)).toEqual({ text: '▼ 0.5', trend: 'down' }));
  it('marks no change', () => expect(scoreDelta(2, 2)).toEqual({ text: '±0', trend: 'same' }));
  it('hides float noise', () => expect(scoreDelta(0.3, 0.1 + 0.2)).toEqual({ text: '±0', trend: 'same' }));
  it('is blank without an after-score', () => expect(scoreDelta(2, null)).toEqual({ text: '', trend: 'none' }));
});

describe('formatParents', () => {
  it('names one parent', () => expect(formatParents([3])).toBe('#3'));
  it('names both merge parents', () => expect(formatParents([1, 4])).toBe('#1 + #4'));
  it('shows a dash for none', () => expect(formatParents([])).toBe('—'));
});

describe('feedbackFields', () => {
  it('keeps string fields as they are, in order', () =>
    expect(feedbackFields({ Inputs: 'Q: 3 miles?', Feedback: 'Score 0.00. expected 4.8 km' })).toEqual([
      { label: 'Inputs', text: 'Q: 3 miles?' },
      { label: 'Feedback', text: 'Score 0.00. expected 4.8 km' },
    ]));
  it('shows objects as indented JSON', () =>
    expect(feedbackFields({ Inputs: { q: 'x' } })[0]?.text).toBe('{\n  "q": "x"\n}'));
  it('shows numbers and null as JSON', () =>
    expect(feedbackFields({ a: 1, b: null }).map((f) => f.text)).toEqual(['1', 'null']));
  it('shows undefined as empty text', () => expect(feedbackFields({ a: undefined })[0]?.text).toBe(''));
});

describe('lineCount', () => {
  it('counts lines', () => expect(lineCount('a\nb\nc')).toBe(3));
  it('is zero for empty text', () => expect(lineCount('')).toBe(0));
});

describe('reasonText', () => {
  it('spells out a skip code', () =>
    expect(reasonText('all_scores_perfect')).toBe('every minibatch score was already perfect'));
  it('keeps a sentence as it is', () => expect(reasonText('no fenced block')).toBe('no fenced block'));
});

describe('formatCount', () => {
  it('groups thousands', () => expect(formatCount(12345)).toBe('12,345'));
  it('leaves small numbers alone', () => expect(formatCount(7)).toBe('7'));
});

describe('componentLabel', () => {
  it('names a single component', () => expect(componentLabel(['answer'])).toBe('answer'));
  it('counts the components of a merge', () => expect(componentLabel(['extract', 'answer'])).toBe('all 2'));
  it('shows a dash for none', () => expect(componentLabel([])).toBe('—'));
});
