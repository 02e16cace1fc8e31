import { describe, expect, it } from 'vitest';
import { bareNumber, contactFields, feedbackFailed, isJsonObject } from './feedback.ts';

describe('feedbackFailed', () => {
  it('reads a leading score', () => {
    expect(feedbackFailed('Score 1.00. Correct.')).toBe(false);
    expect(feedbackFailed('Score 0.67. 2 of 3 expected fields match.')).toBe(true);
  });
  it('without a score, failure words win over success words', () => {
    expect(feedbackFailed('Incorrect: the output names "positive" but the expected label is "negative".')).toBe(true);
    expect(feedbackFailed('Correct: the output names the label "neutral", as expected.')).toBe(false);
    expect(feedbackFailed('Expected 3.048, got 3')).toBe(true);
  });
  it('treats feedback it cannot read as a failure', () => expect(feedbackFailed('hmm')).toBe(true));
});

describe('bareNumber', () => {
  it('reads a whole-text number with separators and a minus sign', () => {
    expect(bareNumber(' 1,609 ')).toBe(1609);
    expect(bareNumber('-17.78')).toBe(-17.78);
    expect(bareNumber('−40')).toBe(-40);
  });
  it('refuses a number inside a sentence', () => expect(bareNumber('3.6 metres')).toBeNull());
});

describe('contactFields', () => {
  it('reads a JSON object, case-insensitively', () =>
    expect(contactFields('{"Name":"Reed, Marcus","company":"Summit Dental","phone":"212-555-0199"}')).toEqual({
      name: 'Reed, Marcus',
      company: 'Summit Dental',
      phone: '212-555-0199',
    }));
  it('reads "key: value" lines', () =>
    expect(contactFields('name: Marcus Reed\ncompany: Summit Dental\nphone: 212 555 0199')).toEqual({
      name: 'Marcus Reed',
      company: 'Summit Dental',
      phone: '212 555 0199',
    }));
  it('returns null for anything else', () => expect(contactFields('Reed, Marcus | Summit Dental')).toBeNull());
  it('isJsonObject accepts objects only', () => {
    expect(isJsonObject('{"a":1}')).toBe(true);
    expect(isJsonObject('[1]')).toBe(false);
    expect(isJsonObject('a | b')).toBe(false);
  });
});
