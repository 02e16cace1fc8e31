import { describe, expect, it } from 'vitest';
import { sentimentTask } from '../tasks/demos/index.ts';
import { buildRun } from './buildRun.ts';
import { demoRunConfig } from './demoRunConfig.ts';
import { RunConfigError, validateRunConfig } from './runConfig.ts';
import { inlineRows } from './runDataset.ts';
import { isSearchRun, modeSizes } from './runMode.ts';

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
