import { describe, expect, it } from 'vitest';
import { parseDataset } from '../tasks/datasets/index.ts';
import { sentimentTask } from '../tasks/demos/index.ts';
import { DatasetError } from '../tasks/types.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { RunConfigError, validateRunConfig } from './runConfig.ts';
import { inlineDataset, prepareRunDataset, sourceRows } from './runDataset.ts';

// a CSV with a blank line: its rows start on lines 2, 3 and 5
const csv = 'text,label\ngreat,positive\nawful,negative\n\nfine,\n';
const parsed = parseDataset(csv, 'reviews.csv');

const configOf = (rows = parsed.rows) =>
  validateRunConfig({
    ...demoRunConfig(sentimentTask),
    dataset: {
      fileName: 'reviews.csv',
      ...inlineDataset(rows),
      mapping: { inputs: ['text'], answer: 'label' },
      split: { valFraction: 0.5, seed: 0 },
    },
    program: { steps: [{ name: 'system_prompt', instruction: 'Classify.', template: '{{text}}' }] },
  });

describe('a run config dataset', () => {
  it('keeps the file lines of its inline rows, and leaves them out when they are just the row order', () => {
    const config = configOf();
    expect(config.dataset.lines).toEqual([2, 3, 5]);
    expect(sourceRows(config.dataset)).toEqual(parsed.rows);
    expect(inlineDataset([{ line: 1, values: { a: 1 } }])).toEqual({ rows: [{ a: 1 }] });
    expect(sourceRows({ rows: [{ a: 1 }, { a: 2 }] }).map((r) => r.line)).toEqual([1, 2]);
  });

  it("names the file's line of a row missing its mapped field, from the config alone", () => {
    const config = configOf();
    let err: unknown;
    try {
      prepareRunDataset(config, sourceRows(config.dataset));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DatasetError);
    expect((err as DatasetError).message).toMatch(/^reviews\.csv, line 5, field "label": the row has no value/);
  });

  it('prepares good rows, and checks the templates against the mapped inputs', () => {
    const good = configOf(parsed.rows.slice(0, 2));
    expect(prepareRunDataset(good, sourceRows(good.dataset)).examples).toHaveLength(2);
    const step = { name: 'system_prompt', instruction: 'Classify.', template: '{{review}}' };
    const unmapped = { ...good, program: { steps: [step] } };
    expect(() => prepareRunDataset(unmapped, sourceRows(good.dataset))).toThrow(RunConfigError);
  });

  it('refuses lines that do not match the rows', () => {
    const config = configOf();
    expect(() => validateRunConfig({ ...config, dataset: { ...config.dataset, lines: [2, 3] } })).toThrow(
      /dataset\.lines/,
    );
  });
});
