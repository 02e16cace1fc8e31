import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { buildRun } from './buildRun.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { RunConfigError, validateRunConfig } from './runConfig.ts';
import { inlineRows } from './runDataset.ts';
import { isSearchRun, modeSizes, SEARCH_PLACEHOLDER_SPLIT, withSearchSplit } from './runMode.ts';
import type { RunConfig } from './runConfig.ts';

/** A demo config without `dataset.split`. */
const withoutSplit = (config: RunConfig): Record<string, unknown> => {
  const { split: _split, ...dataset } = config.dataset;
  return { ...config, dataset };
};

const fieldOf = (raw: unknown): string => {
  try {
    validateRunConfig(raw);
  } catch (err) {
    expect(err).toBeInstanceOf(RunConfigError);
    return (err as RunConfigError).field;
  }
  throw new Error('expected a RunConfigError');
};

describe('run config: mode', () => {
  it('a config without mode loads as before and optimizes', () => {
    const config = validateRunConfig(demoRunConfig(sentimentTask));
    expect(config.mode).toBeUndefined();
    expect(isSearchRun(config)).toBe(false);
  });

  it("accepts 'optimize' and 'search'", () => {
    expect(validateRunConfig(demoRunConfig(sentimentTask, { mode: 'search' })).mode).toBe('search');
    expect(validateRunConfig(demoRunConfig(sentimentTask, { mode: 'optimize' })).mode).toBe('optimize');
  });

  it('refuses anything else, naming the field', () => {
    for (const mode of ['inference', 'Search', 1, null, { kind: 'search' }]) {
      expect(fieldOf({ ...demoRunConfig(sentimentTask), mode })).toBe('mode');
    }
    expect(() => validateRunConfig({ ...demoRunConfig(sentimentTask), mode: 'x' })).toThrow(
      "mode: must be 'optimize' or 'search', got \"x\"",
    );
  });
});

describe('run config: dataset.split in search mode', () => {
  it('a search config may leave the split out: it loads with a placeholder split', () => {
    const config = validateRunConfig(withoutSplit(demoRunConfig(sentimentTask, { mode: 'search' })));
    expect(config.mode).toBe('search');
    expect(config.dataset.split).toEqual(SEARCH_PLACEHOLDER_SPLIT);
  });

  it('a search config with a split keeps it, and a bad one is still refused', () => {
    const raw = demoRunConfig(sentimentTask, { mode: 'search' });
    expect(validateRunConfig(raw).dataset.split).toEqual(raw.dataset.split);
    const bad = { ...raw, dataset: { ...raw.dataset, split: { valFraction: 2, seed: 0 } } };
    expect(fieldOf(bad)).toBe('dataset.split.valFraction');
  });

  it('an optimize config (or one without mode) without a split is refused as before', () => {
    for (const mode of [undefined, 'optimize'] as const) {
      const raw = withoutSplit(demoRunConfig(sentimentTask, mode ? { mode } : {}));
      expect(() => validateRunConfig(raw)).toThrow('dataset.split.valFraction: must be between 0 and 1');
      expect(fieldOf(raw)).toBe('dataset.split.valFraction');
    }
  });

  it('withSearchSplit leaves anything but a search dataset without a split as it is', () => {
    const ds = { fileName: 'x', mapping: { inputs: [], answer: 'a' } };
    expect(withSearchSplit('optimize', ds)).toBe(ds);
    expect(withSearchSplit(undefined, ds)).toBe(ds);
    expect(withSearchSplit('search', null)).toBeNull();
    const split = { ...ds, split: { valFraction: 0.5, seed: 1 } };
    expect(withSearchSplit('search', split)).toBe(split);
    expect(withSearchSplit('search', ds)).not.toBe(ds);
  });

  it('a search config without a split builds, every example both trainset and valset', () => {
    const config = validateRunConfig(withoutSplit(demoRunConfig(sentimentTask, { mode: 'search' })));
    const built = buildRun(config, { rows: inlineRows(sentimentTask.rows) });
    try {
      expect(built.train).toHaveLength(sentimentTask.rows.length);
      expect(built.options.valset).toBe(built.options.trainset);
    } finally {
      built.dispose();
    }
  });

  it('buildRun also takes an unvalidated search config without a split', () => {
    const config = withoutSplit(demoRunConfig(sentimentTask, { mode: 'search' })) as unknown as RunConfig;
    const built = buildRun(config, { rows: inlineRows(sentimentTask.rows) });
    try {
      expect(built.val).toHaveLength(sentimentTask.rows.length);
    } finally {
      built.dispose();
    }
  });
});

describe('buildRun in search mode', () => {
  it('gives every example as both trainset and valset, in file order, and tracks best outputs', () => {
    const rows = inlineRows(sentimentTask.rows);
    const built = buildRun(demoRunConfig(sentimentTask, { mode: 'search' }), { rows });
    try {
      expect(built.train).toHaveLength(sentimentTask.rows.length);
      expect(built.val.map((e) => e.id)).toEqual(built.train.map((e) => e.id));
      expect(built.options.valset).toBe(built.options.trainset);
      expect(built.options.trackBestOutputs).toBe(true);
    } finally {
      built.dispose();
    }
  });

  it('an optimize run splits as before and keeps trackBestOutputs as configured', () => {
    const built = buildRun(demoRunConfig(sentimentTask), { rows: inlineRows(sentimentTask.rows) });
    try {
      expect(built.train.length + built.val.length).toBe(sentimentTask.rows.length);
      expect(built.options.trackBestOutputs).toBe(false);
    } finally {
      built.dispose();
    }
  });

  it('the setup counts every example as train and val in search mode', () => {
    expect(modeSizes('search', { examples: 30, train: 20, val: 10 })).toEqual({ train: 30, val: 30 });
    expect(modeSizes('optimize', { examples: 30, train: 20, val: 10 })).toEqual({ train: 20, val: 10 });
  });
});
