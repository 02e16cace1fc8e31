import { describe, expect, it } from 'vitest';
import { errorOf } from './__fixtures__/errorOf.ts';
import { parseJsonl } from './jsonl.ts';
import { DEFAULT_LIMITS } from './rows.ts';

describe('parseJsonl', () => {
  it('keeps 1-based file lines and skips blank lines and CRLF endings', () => {
    const rows = parseJsonl('{"q":"a"}\r\n\r\n  \n{"q":"b"}\n', 'd.jsonl', DEFAULT_LIMITS);
    expect(rows).toEqual([
      { line: 1, values: { q: 'a' } },
      { line: 4, values: { q: 'b' } },
    ]);
  });

  it('names the file and line of invalid JSON', () => {
    const err = errorOf(() => parseJsonl('{"q":"a"}\n\n{"q": oops}\n', 'd.jsonl', DEFAULT_LIMITS));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^d\.jsonl, line 3: invalid JSON \(.+\); each line must hold one JSON object$/);
  });

  it('rejects a line that is not an object', () => {
    const err = errorOf(() => parseJsonl('{"q":"a"}\n[1, 2]\n', 'd.jsonl', DEFAULT_LIMITS));
    expect(err.message).toBe('d.jsonl, line 2: expected a JSON object, found an array');
    expect(errorOf(() => parseJsonl('"text"', 'd.jsonl', DEFAULT_LIMITS)).message).toBe(
      'd.jsonl, line 1: expected a JSON object, found a string',
    );
  });

  it('stops at the row limit and names the first row over it', () => {
    const err = errorOf(() =>
      parseJsonl('{"a":1}\n{"a":2}\n\n{"a":3}\n', 'd.jsonl', { ...DEFAULT_LIMITS, maxRows: 2 }),
    );
    expect(err.line).toBe(4);
    expect(err.message).toContain('more than 2 rows (the limit)');
  });
});
