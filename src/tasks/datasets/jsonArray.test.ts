import { describe, expect, it } from 'vitest';
import { errorOf } from './__fixtures__/errorOf.ts';
import { parseJsonArray, topLevelElementOffsets } from './jsonArray.ts';
import { DEFAULT_LIMITS } from './rows.ts';

const pretty = `[
  {"q": "a [tricky] \\"string\\", {with} brackets"},
  {
    "q": "b"
  },
  {"q": "c"}
]`;

describe('parseJsonArray', () => {
  it('gives each element the line it starts on, whatever its strings contain', () => {
    expect(parseJsonArray(pretty, 'd.json', DEFAULT_LIMITS).map((r) => r.line)).toEqual([2, 3, 6]);
  });

  it('finds element starts in a one-line array, ignoring nested arrays', () => {
    expect(topLevelElementOffsets('[{"a":[1,2]}, {"b":{}} ,{}]')).toEqual([1, 14, 24]);
    expect(topLevelElementOffsets('[ ]')).toEqual([]);
  });

  it('names the element and line of a non-object element', () => {
    const err = errorOf(() => parseJsonArray('[\n  {"q": "a"},\n  "just text"\n]', 'd.json', DEFAULT_LIMITS));
    expect(err.line).toBe(3);
    expect(err.message).toBe('d.json, line 3: array element 2 (index 1) is a string, not an object');
  });

  it('reports invalid JSON with the element and line it starts on', () => {
    const err = errorOf(() => parseJsonArray('[\n  {"q": "a"},\n  {"q": }\n]', 'd.json', DEFAULT_LIMITS));
    expect(err.line).toBe(3);
    expect(err.message).toMatch(/^d\.json, line 3: invalid JSON in array element 2, which starts on this line \(.+\)$/);
    const missingComma = errorOf(() => parseJsonArray('[\n{"q": "a"}\n{"q": "b"}\n]', 'd.json', DEFAULT_LIMITS));
    expect(missingComma.line).toBe(2);
  });

  it('reports invalid JSON without a line when no element is to blame', () => {
    const err = errorOf(() => parseJsonArray('[{"q": "a"}', 'd.json', DEFAULT_LIMITS));
    expect(err.line).toBeUndefined();
    expect(err.message).toMatch(/^d\.json: invalid JSON \(.+\)$/);
  });

  it('rejects an empty array and a top-level value that is not an array', () => {
    expect(errorOf(() => parseJsonArray('[]', 'd.json', DEFAULT_LIMITS)).message).toBe(
      'd.json, line 1: the JSON array is empty: there are no examples',
    );
    expect(errorOf(() => parseJsonArray('42', 'd.json', DEFAULT_LIMITS)).message).toBe(
      'd.json, line 1: expected a JSON array of objects, found a number',
    );
  });

  it('stops at the row limit', () => {
    const err = errorOf(() => parseJsonArray('[{},\n{},\n{}]', 'd.json', { ...DEFAULT_LIMITS, maxRows: 2 }));
    expect(err.line).toBe(3);
    expect(err.message).toContain('more than 2 rows');
  });
});
