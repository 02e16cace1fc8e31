import { describe, expect, it } from 'vitest';
import { extractJson } from './extractJson.ts';

describe('extractJson', () => {
  it('parses plain JSON, a fenced block, and an object inside prose', () => {
    expect(extractJson(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 } });
    expect(extractJson('Here:\n```json\n{"a": [1, 2]}\n```\nDone.')).toEqual({ ok: true, value: { a: [1, 2] } });
    expect(extractJson('```\r\n{"a": 2}\r\n```')).toEqual({ ok: true, value: { a: 2 } });
    expect(extractJson('The result is {"a": {"b": 3}} as requested.')).toEqual({ ok: true, value: { a: { b: 3 } } });
  });

  it("reports the parser's complaint when nothing parses", () => {
    const result = extractJson('{"a": 1,}');
    expect(result.ok).toBe(false);
    expect(extractJson('')).toEqual({ ok: false, error: 'the text is empty' });
  });
});
