import { describe, expect, it } from 'vitest';
import { errorOf } from './__fixtures__/errorOf.ts';
import { parseCsv } from './csv.ts';
import { DEFAULT_LIMITS } from './rows.ts';

const parse = (text: string, delimiter?: string) => parseCsv(text, 'd.csv', DEFAULT_LIMITS, { delimiter });

describe('parseCsv', () => {
  it('reads the header, quoted delimiters, escaped quotes and newlines inside quoted fields', () => {
    const table = parse('question,answer\n"Paris, or Lyon?","He said ""Paris""\nthen left"\nnext,2\n');
    expect(table.header).toEqual(['question', 'answer']);
    expect(table.rows).toEqual([
      { line: 2, values: { question: 'Paris, or Lyon?', answer: 'He said "Paris"\nthen left' } },
      { line: 4, values: { question: 'next', answer: '2' } },
    ]);
  });

  it('skips blank lines but keeps true line numbers, with CRLF endings', () => {
    expect(parse('a,b\r\n\r\n1,2\r\n   \r\n3,4\r\n').rows.map((r) => [r.line, r.values.a])).toEqual([
      [3, '1'],
      [5, '3'],
    ]);
  });

  it('detects semicolons and honours a fixed tab delimiter', () => {
    expect(parse('a;b\n1;2\n').rows[0]?.values).toEqual({ a: '1', b: '2' });
    expect(parse('a\tb\n1,5\t2\n', '\t').rows[0]?.values).toEqual({ a: '1,5', b: '2' });
  });

  it('names the line and the first missing column of a short row', () => {
    const err = errorOf(() => parse('q,a,id\n1,2,3\n4,5\n'));
    expect(err.line).toBe(3);
    expect(err.field).toBe('id');
    expect(err.message).toBe(
      'd.csv, line 3, field "id": the row has 2 values but the header has 3 columns (no value for "id" onwards)',
    );
  });

  it('names the line of a row with too many values', () => {
    const err = errorOf(() => parse('q,a\n"x\ny",2\nParis, France,3\n'));
    expect(err.line).toBe(4);
    expect(err.message).toContain('the row has 3 values but the header has 2 columns (too many values');
  });

  it('reports an unterminated quote with its line', () => {
    const err = errorOf(() => parse('q,a\n1,2\n"never closed,3\n4,5\n'));
    expect(err.line).toBe(3);
    expect(err.message).toContain('a quoted field is never closed');
  });

  it('rejects duplicate column names and names empty ones by position', () => {
    const dup = errorOf(() => parse('q,a,q\n1,2,3\n'));
    expect(dup.message).toBe(
      'd.csv, line 1, field "q": the header names this column twice (columns 1 and 3); column names must be unique',
    );
    expect(parse('q,a,\n1,2,\n').header).toEqual(['q', 'a', 'column_3']);
  });

  it('removes invisible characters from header names and says which, where', () => {
    const table = parse('\u200Bquestion,first\u00A0name,\u2060\nWhat?,Ada,x\n');
    expect(table.header).toEqual(['question', 'first name', 'column_3']);
    expect(table.rows[0]?.values).toEqual({ question: 'What?', 'first name': 'Ada', column_3: 'x' });
    expect(table.warnings).toEqual([
      'column 1 header had a zero-width space (U+200B) before "question"; removed',
      'column 2 header had a no-break space (U+00A0) inside "first name"; now a plain space',
      'column 3 header held only a word joiner (U+2060); named "column_3"',
    ]);
    expect(parse('q,a\n1,2\n').warnings).toEqual([]);
  });

  it('says when two header names are the same once an invisible character is removed', () => {
    expect(errorOf(() => parse('question,\uFEFFquestion\n1,2\n')).message).toBe(
      'd.csv, line 1, field "question": the header names this column twice (columns 1 and 2 once ' +
        'a byte order mark (U+FEFF) is removed from column 2); column names must be unique',
    );
  });

  it('rejects a header with no data rows', () => {
    expect(errorOf(() => parse('q,a\n\n')).message).toBe('d.csv, line 2: the file has a header row but no data rows');
  });

  it('stops at the row limit', () => {
    const err = errorOf(() => parseCsv('a\n1\n2\n3\n', 'd.csv', { ...DEFAULT_LIMITS, maxRows: 2 }));
    expect(err.line).toBe(4);
    expect(err.message).toContain('more than 2 rows');
  });
});
