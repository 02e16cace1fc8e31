import { describe, expect, it } from 'vitest';
import { errorOf } from './__fixtures__/errorOf.ts';
import { prepareDataset } from './prepareDataset.ts';
import type { DatasetRow } from './rows.ts';

const rows = (n: number, firstLine = 2): DatasetRow[] =>
  Array.from({ length: n }, (_, i) => ({ line: firstLine + i, values: { q: `q${i}`, a: `a${i}` } }));
const spec = { fileName: 'd.csv', mapping: { inputs: ['q'], answer: 'a' }, split: { valFraction: 0.3, seed: 0 } };

describe('prepareDataset', () => {
  it('maps every row and splits the examples, each side in file order', () => {
    const p = prepareDataset(rows(10), spec);
    expect(p.examples).toHaveLength(10);
    expect(p.train.length + p.val.length).toBe(10);
    expect(p.val).toHaveLength(3);
    const order = p.train.map((e) => p.examples.indexOf(e));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("names the file's own line of a row missing a mapped field", () => {
    const bad = rows(4, 7);
    bad[2] = { line: 9, values: { q: 'q' } };
    const err = errorOf(() => prepareDataset(bad, spec));
    expect(err.line).toBe(9);
    expect(err.message).toMatch(/^d\.csv, line 9, field "a": the row has no value/);
  });

  it('needs two examples', () => {
    expect(errorOf(() => prepareDataset(rows(1), spec)).message).toBe(
      'd.csv: the file has 1 usable example; GEPA needs at least 2',
    );
  });

  it('keeps object answers as JSON only when asked', () => {
    const objects: DatasetRow[] = [1, 2].map((i) => ({ line: i, values: { q: 'q', a: { n: i } } }));
    expect(errorOf(() => prepareDataset(objects, spec)).field).toBe('a');
    expect(prepareDataset(objects, { ...spec, jsonAnswer: true }).examples[0]?.answer).toBe('{"n":1}');
  });

  it('reports a bad split as a dataset problem', () => {
    const err = errorOf(() => prepareDataset(rows(4), { ...spec, split: { valFraction: 2, seed: 0 } }));
    expect(err.message).toMatch(/^d\.csv: the split is invalid: valFraction must be in \[0, 1\]/);
  });
});
