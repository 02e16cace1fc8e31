import { describe, expect, it } from 'vitest';
import { extractInstruction } from './extractInstruction.ts';

const ok = (raw: string) => {
  const r = extractInstruction(raw);
  return r.ok ? r.text : `REJECTED: ${r.reason}`;
};
const rejected = (raw: string) => extractInstruction(raw).ok === false;
const reason = (raw: string) => {
  const r = extractInstruction(raw);
  return r.ok ? '' : r.reason;
};

describe('extractInstruction', () => {
  it('takes the body of a plain fence', () => expect(ok('```\nBe concise.\n```')).toBe('Be concise.'));
  it('keeps a multi-line body intact', () => expect(ok('```\nline 1\n\n  line 2\n```')).toBe('line 1\n\n  line 2'));
  it('ignores a language tag', () => expect(ok('```text\nAnswer in French.\n```')).toBe('Answer in French.'));
  it('ignores a language tag with a space', () =>
    expect(ok('``` markdown\nAnswer in French.\n```')).toBe('Answer in French.'));
  it('accepts tilde fences', () => expect(ok('~~~\nUse tildes.\n~~~')).toBe('Use tildes.'));
  it('accepts longer fences', () => expect(ok('````\nFour.\n````')).toBe('Four.'));
  it('accepts indented fences', () => expect(ok('  ```\nIndented.\n  ```')).toBe('Indented.'));
  it('ignores text before and after the fence', () =>
    expect(ok('Here it is:\n```\nNew rule.\n```\nHope this helps!')).toBe('New rule.'));
  it('drops leading blank lines and trailing whitespace', () => expect(ok('```\n\n\nBody\n\n  \n```')).toBe('Body'));
  it('keeps inner fences: first opening to last closing', () =>
    expect(ok('```\nFormat output like:\n```json\n{"a": 1}\n```\nThen stop.\n```')).toBe(
      'Format output like:\n```json\n{"a": 1}\n```\nThen stop.',
    ));
  it('keeps inner backtick fences inside a tilde block', () =>
    expect(ok('~~~\nA\n```\ncode\n```\nB\n~~~')).toBe('A\n```\ncode\n```\nB'));
  it('closes a long fence only with one at least as long', () => expect(ok('````\nA\n```\nB\n````')).toBe('A\n```\nB'));
  it('does not close on a fence carrying a tag', () => expect(rejected('```\nA\n```python')).toBe(true));
  it('does not close a backtick fence with tildes', () => expect(rejected('```\nA\n~~~')).toBe(true));
  it('does not close a four-backtick fence with three', () => expect(rejected('````\nA\n```')).toBe(true));
  it('rejects a reply without a fence', () => expect(reason('Just be concise.')).toMatch(/no fenced block/));
  it('rejects an empty reply', () => expect(rejected('')).toBe(true));
  it('rejects an unterminated fence (truncated reply)', () =>
    expect(reason('```\nBe concise and also')).toMatch(/unterminated/));
  it('rejects a reply truncated inside an inner tagged block', () =>
    expect(reason('```\nUse:\n```json\n{"a":')).toMatch(/unterminated/));
  it('rejects an empty fence', () => expect(reason('```\n```')).toMatch(/empty/));
  it('rejects a whitespace-only fence', () => expect(reason('```\n  \n\t\n```')).toMatch(/empty/));
  it('does not count an inline one-line ``` span', () =>
    expect(rejected('Wrap it as ```Be concise.``` please.')).toBe(true));
  it('does not count a one-line ```x``` at the start of a line', () =>
    expect(rejected('```Be concise.```')).toBe(true));
  it('skips inline spans around a real fence', () => expect(ok('Use ```x``` style.\n```\nReal.\n```')).toBe('Real.'));
  it('accepts a closing fence at the very end without a newline', () => expect(ok('```\nEnd.\n```')).toBe('End.'));
  it('accepts a closing fence followed by a newline', () => expect(ok('```\nEnd.\n```\n')).toBe('End.'));
  it('accepts CRLF line endings', () => expect(ok('```\r\nBe concise.\r\n```\r\n')).toBe('Be concise.'));
});
