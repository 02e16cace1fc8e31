import { describe, expect, it } from 'vitest';
import { redactor } from './redact.ts';

describe('redactor', () => {
  it('replaces every occurrence of every key', () => {
    const redact = redactor({ taskApiKey: 'sk-AAAA', reflectionApiKey: 'sk-BBBB' });
    expect(redact('key sk-AAAA and sk-BBBB, again sk-AAAA')).toBe('key *** and ***, again ***');
  });
  it('leaves text alone without keys, and ignores keys too short to be real', () => {
    expect(redactor({})('nothing to hide')).toBe('nothing to hide');
    expect(redactor({ taskApiKey: 'a' })('a banana')).toBe('a banana');
  });
});
