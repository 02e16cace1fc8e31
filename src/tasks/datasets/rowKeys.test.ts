import { describe, expect, it } from 'vitest';
import { errorOf } from './__fixtures__/errorOf.ts';
import { cleanRowKeys } from './rowKeys.ts';

const row = (line: number, values: Record<string, unknown>) => ({ line, values });

describe('cleanRowKeys', () => {
  it('returns rows without invisible characters in their keys as they are', () => {
    const rows = [row(1, { q: 'a', a: 'b' })];
    const cleaned = cleanRowKeys(rows, 'd.jsonl');
    expect(cleaned.rows).toBe(rows);
    expect(cleaned).toMatchObject({ columns: ['q', 'a'], warnings: [] });
  });

  it('renames a key with an invisible character in every row, naming the character and the first line', () => {
    const cleaned = cleanRowKeys(
      [row(1, { q: 'a' }), row(2, { '\u200Bq': 'b' }), row(3, { '\u200Bq': 'c' })],
      'd.jsonl',
    );
    expect(cleaned.rows.map((r) => r.values)).toEqual([{ q: 'a' }, { q: 'b' }, { q: 'c' }]);
    expect(cleaned.columns).toEqual(['q']);
    expect(cleaned.warnings).toEqual([
      'key "‹U+200B›q" (first on line 2) had a zero-width space (U+200B) before "q"; removed',
    ]);
  });

  it('refuses an object holding two keys that read the same', () => {
    const err = errorOf(() => cleanRowKeys([row(4, { q: 'a', 'q\uFEFF': 'b' })], 'd.jsonl'));
    expect(err.message).toBe(
      'd.jsonl, line 4, field "q": the object has two keys that read "q" once invisible characters are removed: ' +
        '"q" and "q‹U+FEFF›"; keep one',
    );
  });

  it('names an empty key, or one made only of invisible characters, by its position, as in a CSV', () => {
    const cleaned = cleanRowKeys([row(1, { '\u200B': 'x', q: 'a', '': 'y', column_3: 'z' })], 'd.jsonl');
    expect(cleaned.columns).toEqual(['column_1', 'q', 'column_3_2', 'column_3']);
    expect(cleaned.rows[0]?.values).toEqual({ column_1: 'x', q: 'a', column_3_2: 'y', column_3: 'z' });
    expect(cleaned.warnings).toEqual([
      'key "‹U+200B›" (first on line 1) held only a zero-width space (U+200B); named "column_1"',
      'key "" (first on line 1) is empty; named "column_3_2"',
    ]);
  });

  it('leaves plain spaces around a key alone', () => {
    expect(cleanRowKeys([row(1, { ' q ': 'a' })], 'd.jsonl')).toMatchObject({ columns: [' q '], warnings: [] });
  });
});
