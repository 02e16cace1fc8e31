import { describe, expect, it } from 'vitest';
import { errorOf } from './__fixtures__/errorOf.ts';
import { detectFormat, parseDataset } from './parseDataset.ts';

describe('detectFormat', () => {
  it('trusts the extension first', () => {
    expect(detectFormat('[', 'a.JSONL').format).toBe('jsonl');
    expect(detectFormat('{', 'a.ndjson').format).toBe('jsonl');
    expect(detectFormat('[', 'a.csv').format).toBe('csv');
    expect(detectFormat('a\tb', 'a.tsv')).toEqual({ format: 'csv', delimiter: '\t' });
  });

  it('sniffs the first character when the name says nothing', () => {
    expect(detectFormat('  \n[{"a":1}]', 'pasted').format).toBe('json');
    expect(detectFormat('{"a":1}\n{"a":2}', 'data.txt').format).toBe('jsonl');
    expect(detectFormat('q,a\n1,2', 'data.txt').format).toBe('csv');
  });
});

describe('parseDataset', () => {
  it('parses each format into rows with lines and columns', () => {
    expect(parseDataset('{"q":"a","x":1}\n{"q":"b","y":2}\n', 'd.jsonl')).toEqual({
      format: 'jsonl',
      columns: ['q', 'x', 'y'],
      rows: [
        { line: 1, values: { q: 'a', x: 1 } },
        { line: 2, values: { q: 'b', y: 2 } },
      ],
      warnings: [],
    });
    expect(parseDataset('[{"q":"a"}]', 'd.json').format).toBe('json');
    expect(parseDataset('q,a\n1,2\n', 'd.csv').columns).toEqual(['q', 'a']);
  });

  it('strips a byte order mark', () => {
    const csv = parseDataset('\uFEFFquestion,answer\nx,y\n', 'd.csv');
    expect(csv.columns).toEqual(['question', 'answer']);
    expect(parseDataset('\uFEFF{"q":"a"}\n', 'd.jsonl').rows[0]?.values).toEqual({ q: 'a' });
  });

  it('removes invisible characters from CSV headers and JSON keys, with a warning for each', () => {
    const csv = parseDataset('\uFEFFquestion,\u200Banswer\nx,y\n', 'd.csv');
    expect(csv.columns).toEqual(['question', 'answer']);
    expect(csv.warnings).toEqual(['column 2 header had a zero-width space (U+200B) before "answer"; removed']);
    for (const [text, name] of [
      ['{"\u200Bq":"a"}\n', 'd.jsonl'],
      ['[{"\u200Bq":"a"}]', 'd.json'],
    ] as const) {
      const parsed = parseDataset(text, name);
      expect(parsed.rows[0]?.values).toEqual({ q: 'a' });
      expect(parsed.warnings).toEqual([
        'key "‹U+200B›q" (first on line 1) had a zero-width space (U+200B) before "q"; removed',
      ]);
    }
  });

  it('rejects an empty file', () => {
    expect(errorOf(() => parseDataset('', 'd.csv')).message).toBe('d.csv: the file is empty');
    expect(errorOf(() => parseDataset('\uFEFF \n\n', 'd.jsonl')).message).toBe('d.jsonl: the file is empty');
  });

  it('rejects a file over the size limit with a clear message, counting UTF-8 bytes', () => {
    const err = errorOf(() => parseDataset(`{"q":"${'x'.repeat(2000)}"}`, 'big.jsonl', { limits: { maxBytes: 1024 } }));
    expect(err.message).toBe(
      'big.jsonl: the file is 2 KB, over the 1 KB limit; keep a sample of a few hundred to a few thousand examples',
    );
    // "é" is one UTF-16 unit but two UTF-8 bytes: 600 of them are under 1 KB as characters, over it as bytes
    expect(parseDataset(`{"q":"${'é'.repeat(400)}"}`, 'ok.jsonl', { limits: { maxBytes: 1024 } }).rows).toHaveLength(1);
    expect(
      errorOf(() => parseDataset(`{"q":"${'é'.repeat(600)}"}`, 'big.jsonl', { limits: { maxBytes: 1024 } })).message,
    ).toContain('over the 1 KB limit');
  });

  it('applies the row limit to every format', () => {
    expect(errorOf(() => parseDataset('q\n1\n2\n3\n', 'd.csv', { limits: { maxRows: 2 } })).message).toContain(
      'more than 2 rows',
    );
  });

  it('reads a .json file of one object per line as JSONL', () => {
    expect(parseDataset('{"q":"a"}\n{"q":"b"}\n', 'd.json').format).toBe('jsonl');
  });

  it('explains a .json file holding one multi-line object, pointing at its array', () => {
    const err = errorOf(() => parseDataset('{\n  "data": [{"q": "a"}]\n}\n', 'd.json'));
    expect(err.message).toBe(
      'd.json, line 1: expected a JSON array of objects or one JSON object per line (JSONL), found a single ' +
        'object spanning several lines; its field "data" holds an array: save that array as the file',
    );
  });

  it('honours a format chosen by hand', () => {
    expect(parseDataset('{"q":"a"}', 'paste', { format: 'jsonl' }).rows).toHaveLength(1);
  });
});
